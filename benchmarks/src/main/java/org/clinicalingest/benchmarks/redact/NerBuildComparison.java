package org.clinicalingest.benchmarks.redact;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side timing of two builds of the ner-corenlp module, e.g. before and after a change: the
 * CPU time each takes to redact the same generated free texts, and in how many texts their spans
 * differ.
 *
 * <p>Design: both builds run in one JVM, in alternating rounds ({@link BuildRounds}). Each build
 * has its own class loader: its jar first, then this benchmark jar for everything else, CoreNLP
 * included, so each loads its own model. Each round makes a new redactor with the defaults (caches
 * on, empty) and two threads, as {@code bench}'s raw NER stage does. The redactor works on its own
 * threads, so the cost is the CPU time of the whole process (collection and compilation included).
 * Start the JVM with {@code -XX:-DontCompileHugeMethods}, as every run with NER should be. The
 * model's word cache (50,000 words) outlives the rounds: over 1,000 patients every word stays
 * cached after the first round, which flatters work done once per word; compare over 10,000
 * patients too, and confirm a gain in the pipeline ({@code bench}), whose recogniser labels fewer
 * tokens (it skips the spans already known).
 *
 * <p>Run: {@code java -Xmx3g -XX:-DontCompileHugeMethods -cp benchmarks/target/benchmarks.jar
 * org.clinicalingest.benchmarks.redact.NerBuildComparison BASELINE_NER_JAR CANDIDATE_NER_JAR
 * [rounds] [patients]}, each jar a {@code ner-corenlp/target/ner-corenlp-*.jar} (build the baseline
 * from a worktree of the older commit with {@code mvn -o -DskipTests -pl ner-corenlp package}).
 */
public final class NerBuildComparison {

  private static final String REDACTOR = "org.clinicalingest.ner.corenlp.CoreNlpRedactor";
  private static final int THREADS = 2;
  private static final int BATCH = 2_000;

  private NerBuildComparison() {}

  /**
   * Runs the comparison and prints the figures.
   *
   * @param args the baseline ner-corenlp jar, the candidate ner-corenlp jar, rounds (default 9),
   *     generated patients whose free texts are redacted (default 1,000)
   * @throws Exception if a build cannot be loaded or fails
   */
  public static void main(String[] args) throws Exception {
    BuildRounds setup =
        BuildRounds.of(args, "NerBuildComparison BASELINE_NER_JAR CANDIDATE_NER_JAR", 9, 1_000);
    Build baseline = Build.load(setup.baseline());
    Build candidate = Build.load(setup.candidate());
    BuildRounds.printDiffering(
        baseline.redactAll(setup.texts()), candidate.redactAll(setup.texts()));
    setup.run(
        () -> baseline.cost(setup.texts()),
        () -> candidate.cost(setup.texts()),
        "process CPU time");
  }

  /** One build's {@code CoreNlpRedactor}, loaded apart from this JVM's own classes. */
  private record Build(Class<?> redactorType, Method redactAll, Method close) {

    static Build load(Path nerJar) throws ReflectiveOperationException, java.io.IOException {
      URL benchmarks = NerBuildComparison.class.getProtectionDomain().getCodeSource().getLocation();
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {nerJar.toUri().toURL(), benchmarks}, ClassLoader.getPlatformClassLoader());
      Class<?> type = Class.forName(REDACTOR, true, loader);
      type.getMethod("preloadModel").invoke(null);
      return new Build(type, type.getMethod("redactAll", List.class), type.getMethod("close"));
    }

    /** The redactions of {@code texts} by a new redactor, as text, comparable across loaders. */
    List<String> redactAll(List<String> texts) throws ReflectiveOperationException {
      Object redactor = newRedactor();
      try {
        return ((List<?>) redactAll.invoke(redactor, texts))
            .stream().map(Object::toString).toList();
      } finally {
        close.invoke(redactor);
      }
    }

    /** The process CPU time a new redactor takes over {@code texts}, in batches as in bench. */
    BuildRounds.Cost cost(List<String> texts) throws ReflectiveOperationException {
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      Object redactor = newRedactor();
      try {
        long start = os.getProcessCpuTime();
        for (int from = 0; from < texts.size(); from += BATCH) {
          redactAll.invoke(redactor, texts.subList(from, Math.min(texts.size(), from + BATCH)));
        }
        long nanos = os.getProcessCpuTime() - start;
        return new BuildRounds.Cost(
            nanos, String.format(Locale.ROOT, "%.0f ms of CPU", nanos / 1e6));
      } finally {
        close.invoke(redactor);
      }
    }

    private Object newRedactor() throws ReflectiveOperationException {
      Object builder = redactorType.getMethod("builder").invoke(null);
      builder.getClass().getMethod("threads", int.class).invoke(builder, THREADS);
      return builder.getClass().getMethod("build").invoke(builder);
    }
  }
}
