package org.clinicalingest.benchmarks.redact;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side timing of two builds of the core module's free-text redaction without a recogniser,
 * e.g. before and after a change: patterns and record terms ({@link FreeTextRedactionPass}), the
 * thread CPU time each build takes and the bytes it allocates over the same generated free texts,
 * and in how many texts their spans differ.
 *
 * <p>Design: both builds run in one JVM, each loaded by its own class loader with this jar behind
 * its core jar, in alternating rounds ({@link BuildRounds}); the cost is the calling thread's CPU
 * time and allocation.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.clinicalingest.benchmarks.redact.PatternRedactorBuildComparison BASELINE_CORE_JAR
 * CANDIDATE_CORE_JAR [rounds] [patients]}, each jar a {@code core/target/core-*.jar} (build the
 * baseline from a worktree of the older commit with {@code mvn -o -DskipTests -pl core package}).
 */
public final class PatternRedactorBuildComparison {

  private static final String PASS = FreeTextRedactionPass.class.getName();

  private PatternRedactorBuildComparison() {}

  /**
   * Runs the comparison and prints the figures.
   *
   * @param args the baseline core jar, the candidate core jar, rounds (default 21), generated
   *     patients whose free texts are redacted (default 3,000)
   * @throws Exception if a build cannot be loaded or fails
   */
  public static void main(String[] args) throws Exception {
    BuildRounds setup =
        BuildRounds.of(
            args, "PatternRedactorBuildComparison BASELINE_CORE_JAR CANDIDATE_CORE_JAR", 21, 3_000);
    Build baseline = Build.load(setup.baseline(), setup.patients());
    Build candidate = Build.load(setup.candidate(), setup.patients());
    BuildRounds.printDiffering(baseline.spans(), candidate.spans());
    setup.run(baseline::cost, candidate::cost, "thread CPU time");
  }

  /** One build's pass, loaded apart from this JVM's own core classes. */
  private record Build(Object pass, Method redact) {

    static Build load(Path coreJar, int patients)
        throws ReflectiveOperationException, java.io.IOException {
      URL benchmarks =
          PatternRedactorBuildComparison.class.getProtectionDomain().getCodeSource().getLocation();
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {coreJar.toUri().toURL(), benchmarks},
              ClassLoader.getPlatformClassLoader());
      Class<?> type = Class.forName(PASS, true, loader);
      return new Build(
          type.getConstructor(int.class).newInstance(patients), type.getMethod("redact"));
    }

    /** The spans found in each text, as text, comparable across class loaders. */
    List<String> spans() throws ReflectiveOperationException {
      return ((List<?>) redact.invoke(pass)).stream().map(Object::toString).toList();
    }

    /** The thread CPU time and bytes allocated to redact the texts once. */
    BuildRounds.Cost cost() throws ReflectiveOperationException {
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long startNanos = threads.getCurrentThreadCpuTime();
      long startBytes = threads.getCurrentThreadAllocatedBytes();
      redact.invoke(pass);
      long nanos = threads.getCurrentThreadCpuTime() - startNanos;
      long bytes = threads.getCurrentThreadAllocatedBytes() - startBytes;
      return new BuildRounds.Cost(
          nanos, String.format(Locale.ROOT, "%.0f ms %.1f MB", nanos / 1e6, bytes / 1e6));
    }
  }
}
