package org.clinicalingest.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.Stage;
import org.clinicalingest.examples.bench.Bench;
import org.clinicalingest.examples.bench.BenchTarget;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.RecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: on the same data and machine (generated patients, or the host's own file with
 * {@code --input}), measures the seed's design, the pipeline with and without NER, and the NER and
 * the writer alone, and prints records/s, the process CPU time and cores kept busy of each
 * variant's median run, the pipeline's time per stage and the ratios, those of variants that run in
 * the same rounds also round by round.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the seed's design, the pipeline and each stage alone, side by side.")
final class BenchCommand implements Callable<Integer> {

  private static final int DEFAULT_PATIENTS = 2_000;

  /**
   * The JVM's {@code -X} and {@code -XX} options, which change the figures (heap, JIT); system
   * properties and agents are left out, as they may hold secrets.
   */
  private static final List<String> JVM_OPTIONS =
      ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(option -> option.startsWith("-X"))
          .toList();

  /** The fewest patients of the generated warm-up file. */
  private static final int MIN_WARMUP_PATIENTS = 200;

  @Option(
      names = "--patients",
      paramLabel = "N",
      description = "Patients to generate (default: " + DEFAULT_PATIENTS + "); not with --input.")
  Integer patients;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "Measure this file (JSON array or NDJSON, as ingest reads it) instead of generated"
              + " patients. The seed's design holds all of it in memory and is slow: use a"
              + " sample of a few thousand patients.")
  Path input;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: the available processors).")
  Integer threads;

  @Option(
      names = "--postgres",
      paramLabel = "JDBC_URL",
      description = "Benchmark PostgreSQL (schemas bench_*) instead of DuckDB files.")
  String postgres;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Option(
      names = "--chunk-size",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Target rows per chunk (default: ${DEFAULT-VALUE}).")
  int chunkRows;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Runs of each variant but the seed's design; the median run counts"
              + " (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Where data and DuckDB files go (default: a new temporary directory).")
  Path workDir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, SQLException {
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (input != null && patients != null) {
      throw new ParameterException(
          spec.commandLine(), "--input and --patients exclude each other: give one");
    }
    int patientCount = patients != null ? patients : DEFAULT_PATIENTS;
    requireAtLeastOne("--patients", patientCount);
    requireAtLeastOne("--threads", threadCount);
    requireAtLeastOne("--chunk-size", chunkRows);
    requireAtLeastOne("--runs", runs);
    if (input != null) {
      requireRecords(input);
    }
    if (json != null) {
      FileArguments.requireWritable(spec.commandLine(), "--json", json);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path directory =
        workDir != null
            ? Files.createDirectories(workDir)
            : Files.createTempDirectory("clinical-ingest-bench");
    Path data = input;
    if (data == null) {
      data = directory.resolve("bench.ndjson");
      SyntheticDataGenerator.builder()
          .patients(patientCount)
          .seed(1)
          .ndjson(true)
          .build()
          .write(data);
    }
    Path warmup = directory.resolve("warmup.ndjson");
    SyntheticDataGenerator.builder()
        .patients(Math.max(MIN_WARMUP_PATIENTS, patientCount / 10))
        .seed(2)
        .ndjson(true)
        .build()
        .write(warmup);

    long loadStart = System.nanoTime();
    CoreNlpRedactor.preloadModel();
    double modelLoadSeconds = (System.nanoTime() - loadStart) / 1e9;

    BenchTarget target =
        postgres != null ? BenchTarget.postgres(postgres) : BenchTarget.duckDb(directory);
    Bench bench =
        new Bench(
            target,
            threadCount,
            chunkRows,
            runs,
            () -> CoreNlpRedactor.builder().threads(threadCount).build(),
            BenchCommand::seedRecogniser);
    out.printf(
        Locale.ROOT,
        "bench: %s, %d threads, %d runs a variant, %s, %s; CoreNLP model loaded in %.1f s%n",
        input != null ? input.toString() : String.format(Locale.ROOT, "%,d patients", patientCount),
        threadCount,
        runs,
        target.storeName(),
        machine(),
        modelLoadSeconds);
    out.println("JVM options: " + (JVM_OPTIONS.isEmpty() ? "none" : String.join(" ", JVM_OPTIONS)));
    Bench.Report report = bench.run(data, warmup);
    Map<String, Bench.Result> results = report.results();
    List<Ratio> ratios = ratios(results);
    out.printf(
        Locale.ROOT,
        "warm-up: %d rounds of every variant but the seed's design over a smaller file, then %d"
            + " over the data; JIT compilation during the measured runs: %s%n",
        report.warmupRounds(),
        report.dataWarmupRounds(),
        report
            .compilationDuringRuns()
            .map(time -> String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0))
            .orElse("not reported by this JVM"));

    out.printf(
        Locale.ROOT,
        "%-16s %12s %10s %14s %22s %8s %11s%n",
        "variant",
        "records",
        "seconds",
        "records/s",
        "slowest-fastest run",
        "CPU s",
        "cores busy");
    results.forEach(
        (name, result) -> {
          Bench.Run median = result.medianRun();
          out.printf(
              Locale.ROOT,
              "%-16s %,12d %10.1f %,14.0f %,10.0f-%,-11.0f %8s %11s%n",
              name,
              result.records(),
              result.elapsed().toMillis() / 1000.0,
              result.recordsPerSecond(),
              result.slowestRecordsPerSecond(),
              result.fastestRecordsPerSecond(),
              median.processCpu().map(cpu -> decimal(cpu.toMillis() / 1000.0, 1)).orElse("-"),
              median.coresBusy().map(cores -> decimal(cores, 2)).orElse("-"));
        });
    out.println("time per stage of the median run (summed over threads):");
    pipelineStageTimes(results)
        .forEach(
            (name, times) ->
                out.printf(Locale.ROOT, "%-16s%s%n", name, SummaryPrinter.stageTimes(times)));
    for (Ratio ratio : ratios) {
      out.printf(
          Locale.ROOT,
          "%-34s %8.2f",
          ratio.name() + " (target >= " + ratio.target() + ")",
          ratio.value());
      if (!ratio.byRound().isEmpty()) {
        out.print("   by round:");
        ratio.byRound().forEach(value -> out.printf(Locale.ROOT, " %.2f", value));
      }
      out.println();
    }
    out.flush();
    if (json != null) {
      Files.writeString(
          json, toJson(report, ratios, threadCount, target, modelLoadSeconds, patientCount));
    }
    return 0;
  }

  private static String decimal(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  /** Refuses an input that is not a file or holds no record, before anything is measured. */
  private void requireRecords(Path file) {
    FileArguments.requireReadable(spec.commandLine(), "--input", file);
    try (RecordReader reader = JsonInputFormat.defaults().open(file, false)) {
      if (reader.next().isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--input " + file + ": no records");
      }
    }
  }

  private void requireAtLeastOne(String option, int value) {
    if (value < 1) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least 1, was " + value);
    }
  }

  /** The stage times of the median run of each pipeline variant, by variant. */
  private static Map<String, Map<Stage, Duration>> pipelineStageTimes(
      Map<String, Bench.Result> results) {
    Map<String, Map<Stage, Duration>> stageTimes = new LinkedHashMap<>();
    results.forEach(
        (name, result) -> {
          Map<Stage, Duration> times = result.medianRun().stageTimes();
          if (!times.isEmpty()) {
            stageTimes.put(name, times);
          }
        });
    return stageTimes;
  }

  /**
   * A ratio of two variants' records per second, of their median runs, with its target.
   *
   * @param byRound the same ratio round by round, each run set against the other variant's run of
   *     the same round, seconds apart, so that the machine's drift over the minutes of a bench does
   *     not enter it; empty if the two variants do not run in the same rounds
   */
  private record Ratio(String name, String target, double value, List<Double> byRound) {}

  private static List<Ratio> ratios(Map<String, Bench.Result> results) {
    return List.of(
        ratio(results, "pipeline_ner", "seed_design", "20", false),
        ratio(results, "pipeline_ner", "raw_ner", "0.8", true),
        ratio(results, "pipeline_no_ner", "raw_writer", "0.5", true));
  }

  private static Ratio ratio(
      Map<String, Bench.Result> results,
      String numerator,
      String denominator,
      String target,
      boolean sameRounds) {
    Bench.Result top = results.get(numerator);
    Bench.Result bottom = results.get(denominator);
    List<Double> byRound = List.of();
    if (sameRounds) {
      List<Double> topRates = top.recordsPerSecondByRun();
      List<Double> bottomRates = bottom.recordsPerSecondByRun();
      byRound =
          IntStream.range(0, Math.min(topRates.size(), bottomRates.size()))
              .mapToObj(round -> topRates.get(round) / bottomRates.get(round))
              .toList();
    }
    return new Ratio(
        numerator + "_vs_" + denominator,
        target,
        top.recordsPerSecond() / bottom.recordsPerSecond(),
        byRound);
  }

  private String toJson(
      Bench.Report report,
      List<Ratio> ratios,
      int threadCount,
      BenchTarget target,
      double modelLoadSeconds,
      int patientCount)
      throws IOException {
    Map<String, Bench.Result> results = report.results();
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(text)) {
      generator.useDefaultPrettyPrinter();
      generator.writeStartObject();
      if (input != null) {
        generator.writeStringField("input", input.toString());
      } else {
        generator.writeNumberField("patients", patientCount);
      }
      generator.writeNumberField("records", results.get("pipeline_no_ner").records());
      generator.writeNumberField("threads", threadCount);
      generator.writeNumberField("runs", runs);
      generator.writeStringField("store", target.storeName());
      generator.writeStringField("machine", machine());
      generator.writeArrayFieldStart("jvm_options");
      for (String option : JVM_OPTIONS) {
        generator.writeString(option);
      }
      generator.writeEndArray();
      generator.writeNumberField("model_load_seconds", modelLoadSeconds);
      generator.writeBooleanField(
          "ner_feature_extraction_compiled", CoreNlpRedactor.featureExtractionCompiled());
      generator.writeNumberField("warmup_rounds", report.warmupRounds());
      generator.writeNumberField("warmup_rounds_over_data", report.dataWarmupRounds());
      if (report.compilationDuringRuns().isPresent()) {
        generator.writeNumberField(
            "jit_compilation_seconds_during_runs",
            report.compilationDuringRuns().get().toMillis() / 1000.0);
      }
      for (Map.Entry<String, Bench.Result> entry : results.entrySet()) {
        generator.writeNumberField(entry.getKey(), Math.round(entry.getValue().recordsPerSecond()));
      }
      generator.writeObjectFieldStart("process_cpu_seconds");
      for (Map.Entry<String, Bench.Result> entry : results.entrySet()) {
        Optional<Duration> cpu = entry.getValue().medianRun().processCpu();
        if (cpu.isPresent()) {
          generator.writeNumberField(entry.getKey(), cpu.get().toNanos() / 1e9);
        }
      }
      generator.writeEndObject();
      generator.writeObjectFieldStart("stage_seconds");
      for (Map.Entry<String, Map<Stage, Duration>> variant :
          pipelineStageTimes(results).entrySet()) {
        generator.writeObjectFieldStart(variant.getKey());
        for (Map.Entry<Stage, Duration> stage : variant.getValue().entrySet()) {
          generator.writeNumberField(
              stage.getKey().name().toLowerCase(Locale.ROOT), stage.getValue().toNanos() / 1e9);
        }
        generator.writeEndObject();
      }
      generator.writeEndObject();
      generator.writeObjectFieldStart("ratios");
      for (Ratio ratio : ratios) {
        generator.writeNumberField(ratio.name(), ratio.value());
      }
      generator.writeEndObject();
      generator.writeObjectFieldStart("ratios_by_round");
      for (Ratio ratio : ratios) {
        if (!ratio.byRound().isEmpty()) {
          generator.writeArrayFieldStart(ratio.name());
          for (double value : ratio.byRound()) {
            generator.writeNumber(value);
          }
          generator.writeEndArray();
        }
      }
      generator.writeEndObject();
      generator.writeEndObject();
    }
    return text.toString();
  }

  /**
   * The seed's recogniser: the same CRF model, called once per note on the validating thread,
   * without the fast paths (windows, caches) that batching makes worthwhile.
   */
  private static NerRedactor seedRecogniser() {
    return CoreNlpRedactor.builder()
        .threads(1)
        .windowed(false)
        .cacheSize(0)
        .sentenceCacheSize(0)
        .build();
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu =
          lines
              .filter(line -> line.startsWith("model name"))
              .findFirst()
              .map(line -> line.replaceFirst(".*:\\s*", ""))
              .orElse(cpu);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Not Linux: the CPU model is only informative.
    }
    return "JDK "
        + Runtime.version()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, "
        + cpu
        + (CoreNlpRedactor.featureExtractionCompiled()
            ? ", CoreNLP feature extraction JIT-compiled"
            : ", CoreNLP feature extraction interpreted (no -XX:-DontCompileHugeMethods)");
  }
}
