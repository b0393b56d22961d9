package org.clinicalingest.benchmarks.redact;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clinicalingest.benchmarks.GeneratedData;

/**
 * Side-by-side timing of two builds of the core module's pattern redaction, e.g. before and after a
 * change: the thread CPU time each takes and the bytes it allocates over the same generated free
 * texts, and in how many texts their spans differ.
 *
 * <p>Design: on a shared machine two runs in turn differ by more than a change of a few percent, so
 * both builds are loaded into one JVM, each by its own class loader, and run in alternating order
 * round after round; the ratio is the median over the rounds after the first third (warm-up).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.clinicalingest.benchmarks.redact.PatternRedactorBuildComparison BASELINE_CORE_JAR
 * CANDIDATE_CORE_JAR [rounds] [patients]}, each jar a {@code core/target/core-*.jar} (build the
 * baseline from a worktree of the older commit with {@code mvn -o -DskipTests -pl core package}).
 */
public final class PatternRedactorBuildComparison {

  private static final String REDACTOR = "org.clinicalingest.internal.redact.PatternRedactor";

  private PatternRedactorBuildComparison() {}

  /**
   * Runs the comparison and prints the figures.
   *
   * @param args the baseline core jar, the candidate core jar, rounds (default 21), generated
   *     patients whose free texts are redacted (default 3,000)
   * @throws Exception if a build cannot be loaded or fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: PatternRedactorBuildComparison BASELINE_CORE_JAR CANDIDATE_CORE_JAR"
              + " [rounds] [patients]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
    int patients = args.length > 3 ? Integer.parseInt(args[3]) : 3_000;
    List<String> texts =
        GeneratedData.freeTexts(GeneratedData.patients("pattern-builds", patients));
    Build baseline = Build.load(Path.of(args[0]));
    Build candidate = Build.load(Path.of(args[1]));
    System.out.printf(
        Locale.ROOT,
        "%,d free texts of %,d patients; spans differ in %,d%n",
        texts.size(),
        patients,
        differing(baseline, candidate, texts));

    double[] ratios = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      boolean baselineFirst = round % 2 == 0;
      Cost first = (baselineFirst ? baseline : candidate).cost(texts);
      Cost second = (baselineFirst ? candidate : baseline).cost(texts);
      Cost baselineCost = baselineFirst ? first : second;
      Cost candidateCost = baselineFirst ? second : first;
      ratios[round] = (double) candidateCost.cpuNanos() / baselineCost.cpuNanos();
      System.out.printf(
          Locale.ROOT,
          "round %d: baseline %.0f ms %.1f MB, candidate %.0f ms %.1f MB, candidate/baseline"
              + " %.3f%n",
          round,
          baselineCost.cpuNanos() / 1e6,
          baselineCost.allocatedBytes() / 1e6,
          candidateCost.cpuNanos() / 1e6,
          candidateCost.allocatedBytes() / 1e6,
          ratios[round]);
    }
    double[] warm = Arrays.copyOfRange(ratios, rounds / 3, rounds);
    Arrays.sort(warm);
    System.out.printf(
        Locale.ROOT,
        "candidate/baseline thread CPU time, median of rounds %d..%d: %.3f (%.3f to %.3f)%n",
        rounds / 3,
        rounds - 1,
        warm[warm.length / 2],
        warm[0],
        warm[warm.length - 1]);
  }

  private static int differing(Build baseline, Build candidate, List<String> texts)
      throws ReflectiveOperationException {
    int differing = 0;
    for (String text : texts) {
      if (!baseline.spans(text).equals(candidate.spans(text))) {
        differing++;
      }
    }
    return differing;
  }

  /** One build's {@code PatternRedactor}, loaded apart from this JVM's own core classes. */
  private record Build(Object redactor, Method find) {

    static Build load(Path coreJar) throws ReflectiveOperationException, java.io.IOException {
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {coreJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> type = Class.forName(REDACTOR, true, loader);
      return new Build(type.getConstructor().newInstance(), type.getMethod("find", String.class));
    }

    /** The spans found in {@code text}, as text, comparable across class loaders. */
    String spans(String text) throws ReflectiveOperationException {
      return find.invoke(redactor, text).toString();
    }

    /** The thread CPU time and bytes allocated to redact {@code texts}. */
    Cost cost(List<String> texts) throws IllegalAccessException, InvocationTargetException {
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long startNanos = threads.getCurrentThreadCpuTime();
      long startBytes = threads.getCurrentThreadAllocatedBytes();
      for (String text : texts) {
        find.invoke(redactor, text);
      }
      return new Cost(
          threads.getCurrentThreadCpuTime() - startNanos,
          threads.getCurrentThreadAllocatedBytes() - startBytes);
    }
  }

  /** What one build's pass over the texts cost its thread. */
  private record Cost(long cpuNanos, long allocatedBytes) {}
}
