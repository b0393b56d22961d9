package org.clinicalingest.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClinicalIngestCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void generatesAndIngestsIntoDuckDbWithEveryRecordAccountedFor() throws IOException, SQLException {
    Path data = dir.resolve("patients.ndjson");
    Path database = dir.resolve("clinical.duckdb");
    Path summary = dir.resolve("summary.json");

    assertThat(
            run(
                "generate",
                "--patients",
                "50",
                "--ndjson",
                "--seed",
                "3",
                "--invalid-rate",
                "0.1",
                "--out",
                data.toString()))
        .isZero();
    assertThat(dir.resolve("patients.gold.jsonl")).exists();
    int status =
        run(
            "ingest",
            "--input",
            data.toString(),
            "--duckdb",
            database.toString(),
            "--ner",
            "none",
            "--chunk-size",
            "100",
            "--summary-json",
            summary.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("accounted for: yes", "quarantine reasons (most frequent first")
        .doesNotContain("warning:");
    String json = Files.readString(summary);
    assertThat(json).contains("\"balanced\" : true", "\"quarantine_reasons\" : {");
    assertThat(count(database, "patients")).isPositive();
    assertThat(count(database, "ingest_quarantine")).isPositive();
  }

  @Test
  void listsTheQuarantineReasonsAndWarnsWhenEveryRecordWasQuarantined() throws IOException {
    Path data =
        Files.writeString(
            dir.resolve("fhir-export.ndjson"),
            "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n".repeat(3));

    int status = ingestWithoutNer(data, dir.resolve("f.duckdb"));

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "quarantine reasons (most frequent first; a record may give several):\n"
                + "         3  patient: patient_id is required\n"
                + "warning: every record read was quarantined;");
  }

  @Test
  void rerunOverTheSameFileLeavesTheSameRows() throws SQLException {
    Path data = dir.resolve("p.json");
    Path database = dir.resolve("c.duckdb");
    run("generate", "--patients", "30", "--out", data.toString());

    ingestWithoutNer(data, database);
    long first = count(database, "observations");
    ingestWithoutNer(data, database);

    assertThat(count(database, "observations")).isEqualTo(first).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "generate", "demo", "leak-check", "redact", "bench"})
  void printsHelpForEveryCommandWithoutPicocliWarnings(String command) {
    PrintStream standardError = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    int status;
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      status = run(command, "--help");
    } finally {
      System.setErr(standardError);
    }

    assertThat(status).isZero();
    assertThat(out.toString()).startsWith("Usage: clinical-ingest " + command);
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void exitsWithTwoOnBadArguments() {
    assertThat(run("ingest", "--duckdb", "x.duckdb")).isEqualTo(2);
    assertThat(run("ingest", "--input", "missing.json", "--duckdb", "x.duckdb")).isEqualTo(2);
    assertThat(err.toString()).contains("--input missing.json: no such file");
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("demo", "--patients", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--patients must be at least 1, was 0");
  }

  @Test
  void refusesWrongPathsBeforeAnyWork() throws IOException {
    Path data = Files.writeString(dir.resolve("p.ndjson"), "");
    Path database = dir.resolve("x.duckdb");
    Path nowhere = dir.resolve("nowhere");

    assertThat(run("ingest", "--input", dir.toString(), "--duckdb", database.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--input " + dir + ": a directory, not a file");
    String[] ingest = {"ingest", "--input", data.toString(), "--duckdb", database.toString()};
    Path summary = nowhere.resolve("summary.json");
    assertThat(run(concat(ingest, "--summary-json", summary.toString()))).isEqualTo(2);
    assertThat(err.toString())
        .contains("--summary-json " + summary + ": no such directory " + nowhere);
    Path generated = nowhere.resolve("p.json");
    assertThat(run("generate", "--patients", "1", "--out", generated.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + generated + ": no such directory " + nowhere);
    Path key = dir.resolve("missing.key");
    assertThat(run(concat(ingest, "--pseudonym-key-file", key.toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("--pseudonym-key-file " + key + ": no such file");
    assertThat(database).doesNotExist();
  }

  @Test
  void leakCheckRefusesMissingFilesAndNamesATableItCannotRead() throws IOException, SQLException {
    Path gold = Files.writeString(dir.resolve("p.gold.jsonl"), "");
    Path database = dir.resolve("never-written.duckdb");

    assertThat(
            run(
                "leak-check",
                "--gold",
                dir.resolve("missing.jsonl").toString(),
                "--duckdb",
                database.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--gold " + dir.resolve("missing.jsonl") + ": no such file");
    assertThat(run("leak-check", "--gold", gold.toString(), "--duckdb", database.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--duckdb " + database + ": no such file");
    assertThat(database).doesNotExist();

    Path empty = dir.resolve("empty.duckdb");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + empty)) {
      assertThat(connection.isValid(1)).isTrue();
    }
    assertThat(run("leak-check", "--gold", gold.toString(), "--duckdb", empty.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "clinical-ingest: error: cannot read the notes of table observations: Catalog Error:");
  }

  @Test
  void exitsWithTwoOnAnInvalidOptionValue() throws IOException {
    Path data = Files.writeString(dir.resolve("p.ndjson"), "");

    int status =
        run(
            "ingest",
            "--input",
            data.toString(),
            "--duckdb",
            dir.resolve("x.duckdb").toString(),
            "--ner",
            "none",
            "--chunk-size",
            "-5");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("chunkRows must be > 0, was -5");
  }

  @Test
  void ingestsUnderADuckDbMemoryLimitAndRefusesOneBelowAMebibyteOrWithoutDuckDb()
      throws SQLException {
    Path data = dir.resolve("p.json");
    Path database = dir.resolve("limited.duckdb");
    run("generate", "--patients", "30", "--out", data.toString());
    String[] ingest = {
      "ingest", "--input", data.toString(), "--duckdb", database.toString(), "--ner", "none"
    };

    assertThat(run(concat(ingest, "--duckdb-memory-mib", "0"))).isEqualTo(2);
    assertThat(err.toString()).contains("--duckdb-memory-mib must be between 1 and");
    assertThat(database).doesNotExist();

    assertThat(
            run(
                "ingest",
                "--input",
                data.toString(),
                "--postgres",
                "jdbc:postgresql://localhost:1/none",
                "--duckdb-memory-mib",
                "64"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--duckdb-memory-mib applies to --duckdb only");

    assertThat(run(concat(ingest, "--duckdb-memory-mib", "64"))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("accounted for: yes");
    assertThat(count(database, "observations")).isPositive();
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void describesAJvmOutOfMemoryInOneLineWithTheHeapLimit() {
    assertThat(ClinicalIngestCommand.describe(new OutOfMemoryError("Java heap space")))
        .startsWith("the JVM ran out of heap (Java heap space, -Xmx ")
        .endsWith(" MiB); rerun with a larger -Xmx");
    assertThat(ClinicalIngestCommand.describe(new OutOfMemoryError("Metaspace")))
        .isEqualTo("the JVM ran out of memory (Metaspace)");
  }

  @Test
  void exitsWithOneAndOneClearLineOnAFatalError() throws IOException {
    Path data =
        Files.writeString(
            dir.resolve("broken.json"), "[{\"patient_id\":\"MRN-1\"},\n{\"patient_id\": ]");

    int status =
        run(
            "ingest",
            "--input",
            data.toString(),
            "--duckdb",
            dir.resolve("x.duckdb").toString(),
            "--ner",
            "none");

    assertThat(status).isEqualTo(1);
    String[] lines = err.toString().strip().split("\n");
    assertThat(lines[lines.length - 1])
        .startsWith("clinical-ingest: error: ")
        .contains("broken.json", "malformed JSON at byte");
  }

  @Test
  void debugAfterTheCommandNameAddsTheStackTrace() throws IOException {
    Path data = Files.writeString(dir.resolve("broken.json"), "[{\"patient_id\": ]");

    int status =
        run(
            "ingest",
            "--debug",
            "--input",
            data.toString(),
            "--duckdb",
            dir.resolve("x.duckdb").toString(),
            "--ner",
            "none");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("clinical-ingest: error: ", "\tat org.clinicalingest.");
  }

  private int ingestWithoutNer(Path data, Path database) {
    return run(
        "ingest", "--input", data.toString(), "--duckdb", database.toString(), "--ner", "none");
  }

  private int run(String... args) {
    return ClinicalIngestCommand.execute(
        new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static long count(Path database, String table) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
