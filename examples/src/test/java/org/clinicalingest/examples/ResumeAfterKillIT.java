package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.examples.cli.ClinicalIngestCommand;
import org.clinicalingest.examples.generate.SyntheticDataGenerator;
import org.clinicalingest.store.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM running {@code clinical-ingest ingest} with SIGKILL at several points,
 * resumes with {@code --resume}, and checks that every record is in the store exactly once: the
 * same ids as a clean run, and each rejected record quarantined once.
 */
class ResumeAfterKillIT {
  private static final Path JAR = Path.of("target", "clinical-ingest.jar");

  @TempDir static Path dir;
  private static Path input;

  @BeforeAll
  static void generate() {
    input = dir.resolve("patients.ndjson");
    SyntheticDataGenerator.builder()
        .patients(3000)
        .seed(21)
        .ndjson(true)
        .invalidRate(0.05)
        .duplicateRate(0.01)
        .build()
        .write(input);
  }

  @Test
  void postgresRunKilledAtSeveralPointsResumesToExactlyOnce() throws Exception {
    String url = PostgresTestDatabase.url();
    dropSchema(url, "resume_ref");
    Map<String, Long> reference = ingestAndCount(url, "resume_ref", List.of(), new StringWriter());
    List<String> report = new ArrayList<>();

    for (int committedChunksBeforeKill : new int[] {1, 4, 9}) {
      String schema = "resume_kill_" + committedChunksBeforeKill;
      dropSchema(url, schema);
      Process child = startIngest(url, schema);
      waitForCheckpoints(url, schema, committedChunksBeforeKill, child);
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      long committedAtKill =
          count(
              url, schema, "SELECT count(DISTINCT first_record_index) FROM %s.ingest_checkpoints");

      StringWriter resumeOutput = new StringWriter();
      Map<String, Long> resumed = ingestAndCount(url, schema, List.of("--resume"), resumeOutput);

      assertThat(resumed).isEqualTo(reference);
      assertThat(resumeOutput.toString()).contains("resumed: ");
      report.add(
          String.format(
              "killed after %d chunk(s) committed (%d checkpointed ranges): expected %s, found %s",
              committedChunksBeforeKill, committedAtKill, reference, resumed));
    }
    System.out.println(String.join("\n", report));
  }

  /** Ingests into a schema (resuming if asked) and returns row counts and duplicate counts. */
  private static Map<String, Long> ingestAndCount(
      String url, String schema, List<String> extra, StringWriter out) throws SQLException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--input",
                input.toString(),
                "--postgres",
                url,
                "--schema",
                schema,
                "--ner",
                "none",
                "--chunk-size",
                "400"));
    args.addAll(extra);
    StringWriter err = new StringWriter();
    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    assertThat(status).as(err.toString()).isZero();
    Map<String, Long> counts = new TreeMap<>();
    for (String table : List.of("patients", "encounters", "observations")) {
      counts.put(table, count(url, schema, "SELECT count(*) FROM %s." + table));
    }
    counts.put(
        "quarantined records",
        count(
            url,
            schema,
            "SELECT count(DISTINCT (source, record_index, path)) FROM %s.ingest_quarantine"));
    counts.put(
        "quarantined twice",
        count(
            url,
            schema,
            "SELECT count(*) FROM (SELECT 1 FROM %s.ingest_quarantine"
                + " GROUP BY source, record_index, path HAVING count(*) > 1) doubles"));
    return counts;
  }

  private static Process startIngest(String url, String schema) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-jar",
            JAR.toString(),
            "ingest",
            "--input",
            input.toString(),
            "--postgres",
            url,
            "--schema",
            schema,
            "--ner",
            "none",
            "--chunk-size",
            "400")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(schema + ".log").toFile())
        .start();
  }

  private static void waitForCheckpoints(String url, String schema, int ranges, Process child)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive())
          .as(
              "the ingest finished before it could be killed; log: %s",
              Files.readString(dir.resolve(schema + ".log")))
          .isTrue();
      if (tableExists(url, schema)
          && count(
                  url,
                  schema,
                  "SELECT count(DISTINCT first_record_index) FROM %s.ingest_checkpoints")
              >= ranges) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no checkpoint after 3 minutes");
  }

  private static boolean tableExists(String url, String schema) throws SQLException {
    return count(
            url,
            schema,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '%s'"
                + " AND table_name = 'ingest_checkpoints'")
        > 0;
  }

  private static long count(String url, String schema, String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(String.format(query, schema))) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void dropSchema(String url, String schema) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
