package org.clinicalingest.benchmarks.redact;

import com.sun.management.OperatingSystemMXBean;
import edu.stanford.nlp.pipeline.Annotation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.ner.corenlp.internal.SharedModel;
import org.clinicalingest.spi.Redaction;

/**
 * Side-by-side timing of the NER stage's fast paths on the same threads: the CRF over every whole
 * sentence (the reference path), the same with the sentence cache, windowed CRF without and with
 * the sentence cache, and CoreNLP's tokenizer alone (the floor under any CRF saving).
 *
 * <p>Design: on a shared machine wall-clock rates swing between runs, so the variants run
 * interleaved, round after round, in one JVM, on fresh notes each round (a new seed) and with a new
 * redactor each round (empty caches; the text cache is off), so the sentence cache only gains from
 * sentences repeated within one round's notes. Each variant is scored in notes per wall second and
 * notes per process-CPU second; the first round is warm-up. Prints medians and the ratio of each
 * variant to the whole-sentence path, and in how many notes each variant's spans differ from the
 * whole-sentence path's.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.clinicalingest.benchmarks.redact.NerFastPathComparison [rounds] [notes] [threads]}
 */
public final class NerFastPathComparison {

  private static final int BATCH = 32;

  private NerFastPathComparison() {}

  /**
   * Runs the comparison and prints the figures.
   *
   * @param args rounds (default 8), notes per round (default 400), threads (default: available
   *     processors)
   * @throws Exception if a redaction fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : availableProcessors();
    long loadStart = System.nanoTime();
    CoreNlpRedactor.preloadModel();
    System.out.printf(Locale.ROOT, "model load %.1f s%n", (System.nanoTime() - loadStart) / 1e9);

    Map<String, CoreNlpRedactor.Builder> variants = new LinkedHashMap<>();
    variants.put("whole sentences", builder(threads).windowed(false).sentenceCacheSize(0));
    variants.put("whole + sentence cache", builder(threads).windowed(false));
    variants.put("windowed", builder(threads).sentenceCacheSize(0));
    variants.put("windowed + sentence cache", builder(threads));
    List<String> names = new ArrayList<>(variants.keySet());
    names.add("tokenize,ssplit only");

    Map<String, List<double[]>> rates = new LinkedHashMap<>();
    names.forEach(name -> rates.put(name, new ArrayList<>()));
    Map<String, Integer> differing = new LinkedHashMap<>();
    ExecutorService tokenizerPool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        List<String> notes = ClinicalNotes.generate(20_240_601L + round, count);
        Map<String, List<Redaction>> results = new LinkedHashMap<>();
        for (int v = 0; v < names.size(); v++) {
          String name = names.get((v + round) % names.size());
          CoreNlpRedactor.Builder variant = variants.get(name);
          double[] rate =
              variant == null
                  ? time(notes, texts -> tokenizeOnly(tokenizerPool, texts))
                  : timeRedactor(variant, notes, results, name);
          if (round > 0) {
            rates.get(name).add(rate);
          }
          System.out.printf(
              Locale.ROOT,
              "round %d %-27s %7.1f notes/s %7.1f notes/CPU-s%n",
              round,
              name,
              rate[0],
              rate[1]);
        }
        List<Redaction> reference = results.get("whole sentences");
        results.forEach(
            (name, redactions) -> {
              int notesDiffering = 0;
              for (int i = 0; i < notes.size(); i++) {
                notesDiffering += redactions.get(i).equals(reference.get(i)) ? 0 : 1;
              }
              differing.merge(name, notesDiffering, Integer::sum);
            });
      }
    } finally {
      tokenizerPool.shutdown();
    }
    report(rounds, count, threads, rates);
    differing.forEach(
        (name, notesDiffering) ->
            System.out.printf(
                Locale.ROOT,
                "%-27s spans differ from whole sentences in %d of %d notes%n",
                name,
                notesDiffering,
                rounds * count));
  }

  private static CoreNlpRedactor.Builder builder(int threads) {
    return CoreNlpRedactor.builder().threads(threads).batchSize(BATCH).cacheSize(0);
  }

  private static double[] timeRedactor(
      CoreNlpRedactor.Builder builder,
      List<String> notes,
      Map<String, List<Redaction>> results,
      String name) {
    try (CoreNlpRedactor redactor = builder.build()) {
      return time(notes, texts -> results.put(name, redactor.redactAll(texts)));
    }
  }

  private static void tokenizeOnly(ExecutorService pool, List<String> notes) {
    List<Future<?>> batches = new ArrayList<>();
    for (int from = 0; from < notes.size(); from += BATCH) {
      List<String> batch = notes.subList(from, Math.min(notes.size(), from + BATCH));
      batches.add(
          pool.submit(
              () ->
                  batch.forEach(
                      note -> SharedModel.get().tokenizer().annotate(new Annotation(note)))));
    }
    for (Future<?> batch : batches) {
      try {
        batch.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("tokenizer failed", e.getCause());
      }
    }
  }

  /** Notes per wall second and per process-CPU second of one run of {@code stage}. */
  private static double[] time(List<String> notes, Consumer<List<String>> stage) {
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    long cpuStart = os.getProcessCpuTime();
    long wallStart = System.nanoTime();
    stage.accept(notes);
    long wall = System.nanoTime() - wallStart;
    long cpu = os.getProcessCpuTime() - cpuStart;
    return new double[] {notes.size() / (wall / 1e9), notes.size() / (cpu / 1e9)};
  }

  private static void report(
      int rounds, int count, int threads, Map<String, List<double[]>> rates) {
    System.out.printf(
        Locale.ROOT,
        "%nmedians of rounds 1..%d, %d notes a round, %d threads, variants interleaved%n",
        rounds - 1,
        count,
        threads);
    double[] reference = medians(rates.get("whole sentences"));
    System.out.printf(
        Locale.ROOT,
        "%-27s %10s %10s %8s %8s%n",
        "variant",
        "notes/s",
        "notes/CPU-s",
        "x wall",
        "x CPU");
    for (Map.Entry<String, List<double[]>> variant : rates.entrySet()) {
      double[] median = medians(variant.getValue());
      System.out.printf(
          Locale.ROOT,
          "%-27s %10.1f %10.1f %8.2f %8.2f%n",
          variant.getKey(),
          median[0],
          median[1],
          median[0] / reference[0],
          median[1] / reference[1]);
    }
  }

  private static double[] medians(List<double[]> rates) {
    double[] medians = new double[2];
    for (int metric = 0; metric < 2; metric++) {
      int m = metric;
      double[] values = rates.stream().mapToDouble(rate -> rate[m]).sorted().toArray();
      medians[metric] =
          values.length == 0
              ? Double.NaN
              : values.length % 2 == 1
                  ? values[values.length / 2]
                  : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
    return medians;
  }

  private static int availableProcessors() {
    return Runtime.getRuntime().availableProcessors();
  }
}
