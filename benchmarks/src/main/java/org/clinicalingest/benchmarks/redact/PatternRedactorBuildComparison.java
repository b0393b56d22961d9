package org.clinicalingest.benchmarks.redact;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side timing of two builds of the core module's pattern redaction, e.g. before and after a
 * change: the thread CPU time each takes and the bytes it allocates over the same generated free
 * texts, and in how many texts their spans differ.
 *
 * <p>Design: both builds run in one JVM, each loaded by its own class loader, in alternating rounds
 * ({@link BuildRounds}); the cost is the calling thread's CPU time and allocation.
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
    BuildRounds setup =
        BuildRounds.of(
            args, "PatternRedactorBuildComparison BASELINE_CORE_JAR CANDIDATE_CORE_JAR", 21, 3_000);
    Build baseline = Build.load(setup.baseline());
    Build candidate = Build.load(setup.candidate());
    BuildRounds.printDiffering(baseline.spans(setup.texts()), candidate.spans(setup.texts()));
    setup.run(
        () -> baseline.cost(setup.texts()), () -> candidate.cost(setup.texts()), "thread CPU time");
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

    /** The spans found in each text, as text, comparable across class loaders. */
    List<String> spans(List<String> texts) throws ReflectiveOperationException {
      List<String> spans = new ArrayList<>(texts.size());
      for (String text : texts) {
        spans.add(find.invoke(redactor, text).toString());
      }
      return spans;
    }

    /** The thread CPU time and bytes allocated to redact {@code texts}. */
    BuildRounds.Cost cost(List<String> texts) throws ReflectiveOperationException {
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long startNanos = threads.getCurrentThreadCpuTime();
      long startBytes = threads.getCurrentThreadAllocatedBytes();
      for (String text : texts) {
        find.invoke(redactor, text);
      }
      long nanos = threads.getCurrentThreadCpuTime() - startNanos;
      long bytes = threads.getCurrentThreadAllocatedBytes() - startBytes;
      return new BuildRounds.Cost(
          nanos, String.format(Locale.ROOT, "%.0f ms %.1f MB", nanos / 1e6, bytes / 1e6));
    }
  }
}
