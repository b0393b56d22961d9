package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clinicalingest.examples.cli.ClinicalIngestCommand;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.store.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bench} end to end on a few patients, into DuckDB files and into PostgreSQL. */
class BenchCommandIT {

  private static final List<String> KEYS =
      List.of(
          "\"seed_design\"",
          "\"pipeline_ner\"",
          "\"pipeline_no_ner\"",
          "\"raw_ner\"",
          "\"raw_writer\"",
          "\"ner_feature_extraction_compiled\"",
          "\"stage_seconds\"",
          "\"process_cpu_seconds\"",
          "\"warmup_rounds\"",
          "\"warmup_rounds_over_data\"",
          "\"ratios\"");

  @TempDir Path dir;

  @Test
  void benchmarksDuckDbAndWritesEveryFigureAsJson() throws IOException {
    assertBenchRuns();
  }

  @Test
  void benchmarksPostgresAndWritesEveryFigureAsJson() throws IOException {
    assertBenchRuns("--postgres", PostgresTestDatabase.url());
  }

  @Test
  void benchmarksTheHostsOwnFileWithInvalidAndRepeatedRecords() throws IOException {
    Path file = dir.resolve("own.json");
    SyntheticDataGenerator.builder()
        .patients(20)
        .seed(5)
        .invalidRate(0.1)
        .duplicateRate(0.1)
        .build()
        .write(file);
    long records = ingestedRecords(file);

    String out = assertBenchRuns("--input", file.toString());

    assertThat(out).contains("bench: " + file + ", ");
    assertThat(Files.readString(dir.resolve("bench.json")))
        .contains("\"input\" : \"" + file + "\"", "\"records\" : " + records)
        .doesNotContain("\"patients\"");
    assertThat(dir.resolve("work").resolve("bench.ndjson")).doesNotExist();
  }

  /** The records {@code ingest} reads from {@code file}, counted by a run into DuckDB. */
  private long ingestedRecords(Path file) throws IOException {
    Path summary = dir.resolve("summary.json");
    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true),
            "ingest",
            "--input",
            file.toString(),
            "--duckdb",
            dir.resolve("count.duckdb").toString(),
            "--ner",
            "none",
            "--summary-json",
            summary.toString());
    assertThat(status).isZero();
    Matcher read =
        Pattern.compile("\"read\"\\s*:\\s*\\{[^}]*\"total\"\\s*:\\s*(\\d+)")
            .matcher(Files.readString(summary));
    assertThat(read.find()).as(Files.readString(summary)).isTrue();
    return Long.parseLong(read.group(1));
  }

  /** Runs {@code bench} twice a variant with {@code options}, checks its output, returns it. */
  private String assertBenchRuns(String... options) throws IOException {
    Path json = dir.resolve("bench.json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "--runs",
                "2",
                "--json",
                json.toString(),
                "--work-dir",
                dir.resolve("work").toString()));
    args.addAll(List.of(options));
    if (!args.contains("--input")) {
      args.addAll(List.of("--patients", "20"));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("seed_design", "pipeline_ner_vs_seed_design");
    assertThat(out.toString())
        .containsPattern(
            "(?m)^pipeline_ner +read [\\d.]+ s validate [\\d.]+ s redact [\\d.]+ s"
                + " ner [\\d.]+ s write [\\d.]+ s$")
        .containsPattern("(?m)^pipeline_no_ner +read [\\d.]+ s validate ")
        .containsPattern(
            "(?m)^warm-up: ([3-9]|10) rounds of every variant but the seed's design over a smaller"
                + " file, then [1-8] over the data;")
        .containsPattern("(?m)^pipeline_ner_vs_seed_design \\(target >= 20\\) +[\\d.]+$")
        .containsPattern(
            "(?m)^pipeline_ner_vs_raw_ner \\(target >= 0\\.8\\) +[\\d.]+ +by round:"
                + " [\\d.]+ [\\d.]+$")
        .containsPattern(
            "(?m)^variant +records +seconds +records/s +slowest-fastest run +CPU s"
                + " +cores busy$")
        .containsPattern(
            "(?m)^raw_ner +[\\d,]+ +[\\d.]+ +[\\d,]+ +[\\d,]+-[\\d,]+ +[\\d.]+ +[\\d.]+$");
    List<String> jvmOptions =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> option.startsWith("-X"))
            .toList();
    assertThat(out.toString())
        .containsPattern(
            "(?m)^JVM options: "
                + Pattern.quote(jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions))
                + "$");
    assertThat(Files.readString(json))
        .contains(KEYS)
        .contains("\"runs\" : 2")
        .contains(
            "\"jvm_options\" : "
                + (jvmOptions.isEmpty()
                    ? "[ ]"
                    : jvmOptions.stream()
                        .map(option -> "\"" + option + "\"")
                        .collect(Collectors.joining(", ", "[ ", " ]"))))
        .containsPattern(
            "\"ratios_by_round\" : \\{\\s*\"pipeline_ner_vs_raw_ner\" : \\[ [\\d.E-]+, [\\d.E-]+ \\],"
                + "\\s*\"pipeline_no_ner_vs_raw_writer\" : \\[ [\\d.E-]+, [\\d.E-]+ \\]")
        .containsPattern(
            "\"process_cpu_seconds\" : \\{\\s*\"seed_design\" : [\\d.E-]+,\\s*\"pipeline_ner\" : ");
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--runs", "--patients", "--threads", "--chunk-size"})
  void refusesLessThanOneBeforeDoingAnything(String option) {
    assertRefused(option + " must be at least 1, was 0", option, "0");
  }

  @Test
  void refusesAnInputThatIsMissingEmptyOrGivenWithPatients() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.ndjson"), "\n");
    Path missing = dir.resolve("missing.ndjson");

    assertRefused("--input " + missing + ": no such file", "--input", missing.toString());
    assertRefused("--input " + empty + ": no records", "--input", empty.toString());
    assertRefused(
        "--input and --patients exclude each other",
        "--input",
        empty.toString(),
        "--patients",
        "10");
  }

  /** Runs {@code bench} with {@code options}: exit status 2, {@code message}, nothing made. */
  private void assertRefused(String message, String... options) {
    StringWriter err = new StringWriter();
    List<String> args =
        new ArrayList<>(List.of("bench", "--work-dir", dir.resolve("work").toString()));
    args.addAll(List.of(options));

    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            args.toArray(String[]::new));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(dir.resolve("work")).doesNotExist();
  }
}
