package org.clinicalingest.examples.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.RunSummary;
import org.clinicalingest.Stage;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;

/**
 * Runs the seed's design, the pipeline with and without NER, and each stage alone at its best, on
 * the same file and store, one after the other, and reports records per second for each.
 *
 * <p>Records are patients, encounters and observations together, so every figure has the same unit:
 * the raw NER stage processes the free text of all records of the file, the raw writer writes the
 * rows the pipeline produced for them. Each variant gets a fresh store and a fresh recogniser (so
 * that no cache carries over); the model is loaded before any timing starts.
 *
 * <p>First every variant but the seed's design runs over a smaller warm-up file, round after round,
 * until the JIT compiler is nearly idle: a round in which it compiled for under a tenth of the
 * round's time, after at least three rounds and at most ten. (With one warm-up run of each
 * pipeline, the first measured NER pipeline run of 3,000 patients overlapped 10.6 s of compilation,
 * nearly a core beside a run of 13 s.) Then the variants run in unmeasured rounds over the measured
 * file itself, since runs over a larger file than the warm-up's still set the JIT compiling, until
 * a round in which it compiled for under a fiftieth of the round's time, at least one round and at
 * most eight: with one such round it still compiled for 1.3-3.5 s during the measured runs of
 * 3,000-patient benches, most of it beside the pipeline with NER, whose compilation settles rounds
 * after the recogniser's alone; so the figures are those of compiled code, as in a long ingest.
 * Then every variant runs several times and reports its median run, since on a shared machine
 * single runs of a few seconds vary by half; the runs are interleaved (each round runs every
 * variant once), so that the variants compared in a ratio meet the same load on the machine. The
 * seed's design runs once, last: it takes minutes, which evens out such noise, and by then the code
 * it shares with the pipeline (tokenizer, CRF features, validation) is compiled, while its own run
 * cannot change what the JIT compiled for the measured runs.
 *
 * <p>Each run also reports the CPU time the whole process used meanwhile (every thread, the
 * collector's and the JIT compiler's included), which tells whether a variant kept the cores busy
 * or waited.
 */
public final class Bench {
  /** Texts handed to the recogniser per call in the raw NER stage, about one chunk's worth. */
  private static final int RAW_NER_BATCH = 2_000;

  /**
   * When unmeasured rounds stop: after a round in which the JIT compiler compiled for under {@code
   * settledShare} of the round's time, but not before {@code minRounds} nor after {@code
   * maxRounds}.
   */
  private record WarmUp(int minRounds, int maxRounds, double settledShare) {}

  private static final WarmUp OVER_WARMUP_FILE = new WarmUp(3, 10, 0.10);
  private static final WarmUp OVER_DATA = new WarmUp(1, 8, 0.02);

  private final BenchTarget target;
  private final int threads;
  private final int chunkRows;
  private final int runs;
  private final Supplier<NerRedactor> redactors;
  private final Supplier<NerRedactor> seedRedactors;

  /**
   * @param target where each variant writes
   * @param threads worker threads of the pipeline and the recogniser
   * @param chunkRows rows per chunk
   * @param runs how many times each variant but the seed's design runs
   * @param redactors makes a fresh recogniser for each pipeline variant that needs one
   * @param seedRedactors makes the recogniser of the seed's design, called once per note
   */
  public Bench(
      BenchTarget target,
      int threads,
      int chunkRows,
      int runs,
      Supplier<NerRedactor> redactors,
      Supplier<NerRedactor> seedRedactors) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + runs);
    }
    this.target = target;
    this.threads = threads;
    this.chunkRows = chunkRows;
    this.runs = runs;
    this.redactors = redactors;
    this.seedRedactors = seedRedactors;
  }

  /**
   * One run of a variant.
   *
   * @param elapsed how long the run took
   * @param processCpu the CPU time of the whole process during the run, empty if the JVM does not
   *     tell
   * @param stageTimes time spent in each stage of the pipeline, summed over threads, in stage
   *     order; empty for a variant that is not a pipeline run
   */
  public record Run(
      Duration elapsed, Optional<Duration> processCpu, Map<Stage, Duration> stageTimes) {
    public Run {
      stageTimes =
          stageTimes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stageTimes));
    }

    /** How many cores the process kept busy on average during the run, if the JVM tells. */
    public Optional<Double> coresBusy() {
      return processCpu.map(cpu -> (double) cpu.toNanos() / elapsed.toNanos());
    }
  }

  /**
   * One variant's figures.
   *
   * @param records records per run
   * @param runs every run of the variant
   */
  public record Result(long records, List<Run> runs) {
    public Result {
      if (runs.isEmpty()) {
        throw new IllegalArgumentException("no runs");
      }
      runs = List.copyOf(runs);
    }

    /** The median run (the slower middle one of an even number of runs). */
    public Run medianRun() {
      List<Run> sorted = runs.stream().sorted(Comparator.comparing(Run::elapsed)).toList();
      return sorted.get(sorted.size() / 2);
    }

    /** The median run's time. */
    public Duration elapsed() {
      return medianRun().elapsed();
    }

    /** Records per second of the median run. */
    public double recordsPerSecond() {
      return rate(elapsed());
    }

    /** Records per second of the slowest run. */
    public double slowestRecordsPerSecond() {
      return rate(runs.stream().map(Run::elapsed).max(Duration::compareTo).orElseThrow());
    }

    /** Records per second of the fastest run. */
    public double fastestRecordsPerSecond() {
      return rate(runs.stream().map(Run::elapsed).min(Duration::compareTo).orElseThrow());
    }

    /** Records per second of each run, in the order run: the variant's run of each round. */
    public List<Double> recordsPerSecondByRun() {
      return runs.stream().map(run -> rate(run.elapsed())).toList();
    }

    /** These runs and those of {@code other}, a later round of the same variant. */
    Result plus(Result other) {
      List<Run> both = new ArrayList<>(runs);
      both.addAll(other.runs);
      return new Result(records, both);
    }

    private double rate(Duration time) {
      return records / (time.toNanos() / 1e9);
    }
  }

  /**
   * What a bench measured.
   *
   * @param results each variant's figures, by variant: the seed's design first
   * @param warmupRounds rounds over the warm-up file before the measured runs
   * @param dataWarmupRounds unmeasured rounds over the measured file before the measured runs
   * @param compilationDuringRuns time the JIT compiler spent during the measured runs, empty if the
   *     JVM does not tell
   */
  public record Report(
      Map<String, Result> results,
      int warmupRounds,
      int dataWarmupRounds,
      Optional<Duration> compilationDuringRuns) {
    public Report {
      results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
  }

  /**
   * Warms up on {@code warmup} and with unmeasured rounds over {@code input}, runs every variant
   * but the seed's design over {@code input}, then the seed's design.
   */
  public Report run(Path input, Path warmup) throws SQLException {
    int warmupRounds = warmUp(variants(warmup), OVER_WARMUP_FILE);
    Map<String, Supplier<Result>> variants = variants(input);
    int dataWarmupRounds = warmUp(variants, OVER_DATA);
    Optional<Duration> compilationBefore = compilationTime();
    Map<String, Result> measured = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      variants.forEach((name, variant) -> measured.merge(name, variant.get(), Result::plus));
    }
    Optional<Duration> compilationDuringRuns = compilationSince(compilationBefore);
    Map<String, Result> results = new LinkedHashMap<>();
    results.put("seed_design", seedDesign(input));
    results.putAll(measured);
    return new Report(results, warmupRounds, dataWarmupRounds, compilationDuringRuns);
  }

  private Map<String, Supplier<Result>> variants(Path input) {
    Map<String, Supplier<Result>> variants = new LinkedHashMap<>();
    variants.put("pipeline_ner", () -> pipeline(input, "pipeline_ner", redactors.get()));
    variants.put("pipeline_no_ner", () -> pipeline(input, "pipeline_no_ner", null));
    variants.put("raw_ner", () -> rawNer(input));
    variants.put("raw_writer", () -> rawWriter(input));
    return variants;
  }

  /** Runs every variant in rounds until {@code warmUp} says to stop; returns the rounds run. */
  private static int warmUp(Map<String, Supplier<Result>> variants, WarmUp warmUp) {
    int rounds = 0;
    while (rounds < warmUp.maxRounds()) {
      Optional<Duration> compilationBefore = compilationTime();
      long start = System.nanoTime();
      variants.values().forEach(Supplier::get);
      Duration round = Duration.ofNanos(System.nanoTime() - start);
      rounds++;
      boolean settled =
          compilationSince(compilationBefore)
              .map(compiling -> compiling.toNanos() < warmUp.settledShare() * round.toNanos())
              .orElse(true);
      if (settled && rounds >= warmUp.minRounds()) {
        break;
      }
    }
    return rounds;
  }

  /** How far {@code clock} has moved on since it read {@code before}, if it can be read. */
  private static Optional<Duration> since(
      Optional<Duration> before, Supplier<Optional<Duration>> clock) {
    return before.flatMap(start -> clock.get().map(now -> now.minus(start)));
  }

  /** The time the JIT compiler has spent since it had spent {@code before}, if the JVM tells. */
  private static Optional<Duration> compilationSince(Optional<Duration> before) {
    return since(before, Bench::compilationTime);
  }

  /** The time the JIT compiler has spent so far, if the JVM tells. */
  private static Optional<Duration> compilationTime() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(compiler.getTotalCompilationTime()));
  }

  /** The CPU time the process has used so far, if the JVM tells. */
  private static Optional<Duration> processCpuTime() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean system) {
      long nanos = system.getProcessCpuTime();
      return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }
    return Optional.empty();
  }

  /** The wall-clock time and the process's CPU time since it was started. */
  private record Stopwatch(long startNanos, Optional<Duration> cpuBefore) {
    static Stopwatch start() {
      return new Stopwatch(System.nanoTime(), processCpuTime());
    }

    /** The CPU time the process has used since the start, if the JVM tells. */
    Optional<Duration> processCpu() {
      return since(cpuBefore, Bench::processCpuTime);
    }

    /** One run of {@code records} records, ending now. */
    Result oneRun(long records) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      return new Result(records, List.of(new Run(elapsed, processCpu(), Map.of())));
    }
  }

  private Result seedDesign(Path input) throws SQLException {
    target.createEmptyTables("seed_design");
    try (NerRedactor redactor = seedRedactors.get();
        Connection connection = target.connect("seed_design")) {
      SeedDesign seed = new SeedDesign(redactor, target.dialect(), 1_000);
      Stopwatch stopwatch = Stopwatch.start();
      long records = seed.run(input, connection, target.tablePrefix("seed_design"));
      return stopwatch.oneRun(records);
    }
  }

  /** Runs the pipeline into a fresh store; closing it closes the writer and the recogniser. */
  private Result pipeline(Path input, String variant, NerRedactor redactor) {
    IngestionPipeline.Builder builder =
        IngestionPipeline.builder()
            .writer(target.freshWriter(variant))
            .threads(threads)
            .chunkRows(chunkRows);
    if (redactor != null) {
      builder.redactor(redactor);
    }
    try (IngestionPipeline pipeline = builder.build()) {
      Stopwatch stopwatch = Stopwatch.start();
      RunSummary summary = pipeline.run(input);
      Run run = new Run(summary.elapsed(), stopwatch.processCpu(), summary.stageTimes());
      return new Result(summary.read().total(), List.of(run));
    }
  }

  private Result rawNer(Path input) {
    List<String> texts = new ArrayList<>();
    long records = freeTexts(input, texts);
    try (NerRedactor redactor = redactors.get()) {
      Stopwatch stopwatch = Stopwatch.start();
      for (int from = 0; from < texts.size(); from += RAW_NER_BATCH) {
        redactor.redactAll(texts.subList(from, Math.min(texts.size(), from + RAW_NER_BATCH)));
      }
      return stopwatch.oneRun(records);
    }
  }

  private Result rawWriter(Path input) {
    CapturingWriter capture = new CapturingWriter();
    RunSummary summary =
        IngestionPipeline.builder()
            .writer(capture)
            .threads(threads)
            .chunkRows(chunkRows)
            .build()
            .run(input);
    try (BulkWriter writer = target.freshWriter("raw_writer")) {
      Stopwatch stopwatch = Stopwatch.start();
      for (Chunk chunk : capture.chunks()) {
        writer.write(chunk);
      }
      return stopwatch.oneRun(summary.read().total());
    }
  }

  /** Collects every free text of the file and returns the number of records read. */
  private static long freeTexts(Path input, List<String> texts) {
    long records = 0;
    try (RecordReader reader = JsonInputFormat.defaults().open(input, false)) {
      for (Optional<SourceRecord> record = reader.next();
          record.isPresent();
          record = reader.next()) {
        records++;
        if (!(record.get() instanceof ParsedRecord parsed)) {
          continue;
        }
        for (Encounter encounter : parsed.patient().encounters()) {
          records += 1 + encounter.observations().size();
        }
        texts.addAll(freeTexts(parsed.patient()));
      }
    }
    return records;
  }

  /**
   * The free texts of a patient's observations that the pipeline redacts (those present and not
   * blank), in record order.
   */
  public static List<String> freeTexts(Patient patient) {
    return patient.encounters().stream()
        .flatMap(encounter -> encounter.observations().stream())
        .flatMap(
            observation ->
                Stream.of(
                    observation.notes(), observation.interpretation(), observation.valueString()))
        .filter(text -> text != null && !text.isBlank())
        .toList();
  }
}
