package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.clinicalingest.examples.cli.ClinicalIngestCommand;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.store.postgres.PostgresServer;
import org.clinicalingest.store.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real database faults during a whole run: the server restarted mid-run (the retries ride through
 * and nothing is lost), and the server down longer than the retry budget (the circuit opens, the
 * run stops with one clear error, and a resumed run completes it).
 */
class PostgresRunFaultsIT {
  @TempDir static Path dir;
  private static Path input;
  private static long expectedObservations;

  @BeforeAll
  static void generate() throws SQLException {
    input = dir.resolve("patients.ndjson");
    SyntheticDataGenerator.builder().patients(2500).seed(31).ndjson(true).build().write(input);
    String schema = PostgresTestDatabase.newSchema("faults_ref");
    assertThat(ingest(schema).status()).isZero();
    expectedObservations = observations(schema);
  }

  @AfterEach
  void serverIsUpAgain() {
    if (!PostgresServer.isRunning()) {
      PostgresServer.start();
    }
  }

  @Test
  void runRidesThroughAServerRestart() throws Exception {
    String schema = PostgresTestDatabase.newSchema("faults_restart");
    CompletableFuture<Outcome> run = CompletableFuture.supplyAsync(() -> ingest(schema));
    waitForCheckpoints(schema, 2);

    PostgresServer.stop();
    PostgresServer.start();
    Outcome outcome = run.get();

    assertThat(outcome.status()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("accounted for: yes");
    assertThat(observations(schema)).isEqualTo(expectedObservations);
  }

  @Test
  void serverDownLongerThanTheRetryBudgetStopsTheRunWithOneClearErrorAndResumes() throws Exception {
    String schema = PostgresTestDatabase.newSchema("faults_down");
    CompletableFuture<Outcome> run = CompletableFuture.supplyAsync(() -> ingest(schema));
    waitForCheckpoints(schema, 2);

    PostgresServer.stop();
    Outcome failed = run.get();
    PostgresServer.start();

    assertThat(failed.status()).isEqualTo(1);
    List<String> errorLines =
        failed.err().lines().filter(line -> line.startsWith("clinical-ingest: error:")).toList();
    assertThat(errorLines).hasSize(1);
    assertThat(errorLines.get(0)).contains("PostgreSQL unavailable", "chunk");
    Outcome resumed = ingest(schema, "--resume");
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resumed: ");
    assertThat(observations(schema)).isEqualTo(expectedObservations);
  }

  private record Outcome(int status, String out, String err) {}

  private static Outcome ingest(String schema, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--input",
                input.toString(),
                "--postgres",
                PostgresTestDatabase.url(),
                "--schema",
                schema,
                "--ner",
                "none",
                "--chunk-size",
                "300"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Outcome(status, out.toString(), err.toString());
  }

  private static void waitForCheckpoints(String schema, int ranges) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (checkpointedRanges(schema) >= ranges) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no checkpoint after 3 minutes");
  }

  private static long checkpointedRanges(String schema) {
    try {
      return count(
          "SELECT count(DISTINCT first_record_index) FROM " + schema + ".ingest_checkpoints");
    } catch (SQLException tableNotThereYet) {
      return 0;
    }
  }

  private static long observations(String schema) throws SQLException {
    return count("SELECT count(*) FROM " + schema + ".observations");
  }

  private static long count(String query) throws SQLException {
    try (Connection connection = PostgresTestDatabase.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
