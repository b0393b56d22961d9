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
import org.clinicalingest.spi.Table;
import org.clinicalingest.store.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM running {@code clinical-ingest ingest} with SIGKILL at several points,
 * resumes with {@code --resume}, and checks that every record is in the store exactly once: the
 * same ids as a clean run, and each rejected record quarantined once.
 *
 * <p>PostgreSQL is watched while the child runs, and the child is killed once it has committed a
 * given number of chunks. A DuckDB file cannot be opened while the child holds it, so that child is
 * killed at times after its first progress line, which is printed once its first chunk committed;
 * DuckDB gets a larger input so that the run outlasts the last kill point on a fast machine. Both
 * stores go through the same ingest and counts.
 */
class ResumeAfterKillIT {
  private static final Path JAR = Path.of("target", "clinical-ingest.jar");
  private static final String PROGRESS_LINE = " records/s | ";

  /** Ranges whose every table part is committed: only those a resume skips. */
  private static final String COMMITTED_RANGES =
      "SELECT count(*) FROM (SELECT 1 FROM %s.ingest_checkpoints"
          + " GROUP BY source_key, first_record_index"
          + " HAVING count(DISTINCT table_name) = "
          + Table.checkpointedTables().size()
          + ") complete";

  @TempDir static Path dir;
  private static Path input;

  @BeforeAll
  static void generate() {
    input = generate("patients.ndjson", 3000);
  }

  private static Path generate(String name, int patients) {
    Path file = dir.resolve(name);
    SyntheticDataGenerator.builder()
        .patients(patients)
        .seed(21)
        .ndjson(true)
        .invalidRate(0.05)
        .duplicateRate(0.01)
        .build()
        .write(file);
    return file;
  }

  @Test
  void postgresRunKilledAtSeveralPointsResumesToExactlyOnce() throws Exception {
    String url = PostgresTestDatabase.url();
    Map<String, Long> reference = ingestAndCount(new PostgresStore(url, "resume_ref", input));
    List<String> report = new ArrayList<>();

    for (int committedChunksBeforeKill : new int[] {1, 4, 9}) {
      PostgresStore store =
          new PostgresStore(url, "resume_kill_" + committedChunksBeforeKill, input);
      Process child = startIngest(store);
      waitForCheckpoints(store, committedChunksBeforeKill, child);
      report.add(killResumeAndCompare(store, child, reference, "" + committedChunksBeforeKill));
    }
    System.out.println(String.join("\n", report));
  }

  @Test
  void duckDbRunKilledAtSeveralPointsResumesToExactlyOnce() throws Exception {
    Path largeInput = generate("patients-large.ndjson", 9000);
    Map<String, Long> reference =
        ingestAndCount(new DuckDbStore(dir.resolve("ref.duckdb"), largeInput));
    List<String> report = new ArrayList<>();

    for (int millisAfterFirstCommit : new int[] {0, 2000, 5000}) {
      DuckDbStore store =
          new DuckDbStore(dir.resolve("kill_" + millisAfterFirstCommit + ".duckdb"), largeInput);
      Process child = startIngest(store);
      waitForFirstProgressLine(store, child);
      Thread.sleep(millisAfterFirstCommit);
      report.add(
          killResumeAndCompare(
              store, child, reference, millisAfterFirstCommit + " ms after the first commit"));
    }
    System.out.println(String.join("\n", report));
  }

  /**
   * Kills the child (which must still run), resumes the ingest in this JVM and compares its counts
   * with the reference; returns a line for the report.
   */
  private static String killResumeAndCompare(
      Store store, Process child, Map<String, Long> reference, String killPoint) throws Exception {
    assertThat(child.isAlive())
        .as("the ingest finished before it could be killed; log: %s", log(store))
        .isTrue();
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long committedAtKill = store.count(COMMITTED_RANGES);
    assertThat(committedAtKill).as("complete ranges committed before the kill").isPositive();

    StringWriter resumeOutput = new StringWriter();
    Map<String, Long> resumed = ingestAndCount(store, List.of("--resume"), resumeOutput);

    assertThat(resumed).isEqualTo(reference);
    assertThat(resumeOutput.toString()).contains("resumed: ");
    return String.format(
        "%s: killed after %s (%d checkpointed ranges): expected %s, found %s",
        store.name(), killPoint, committedAtKill, reference, resumed);
  }

  private static Map<String, Long> ingestAndCount(Store store) throws SQLException {
    store.reset();
    return ingestAndCount(store, List.of(), new StringWriter());
  }

  /** Ingests into the store (resuming if asked) and returns row counts and duplicate counts. */
  private static Map<String, Long> ingestAndCount(Store store, List<String> extra, StringWriter out)
      throws SQLException {
    List<String> args = new ArrayList<>(ingestArguments(store));
    args.addAll(extra);
    StringWriter err = new StringWriter();
    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    assertThat(status).as(err.toString()).isZero();
    Map<String, Long> counts = new TreeMap<>();
    for (String table : List.of("patients", "encounters", "observations")) {
      counts.put(table, store.count("SELECT count(*) FROM %s." + table));
    }
    counts.put(
        "quarantined records",
        store.count(
            "SELECT count(*) FROM (SELECT DISTINCT source, record_index, path"
                + " FROM %s.ingest_quarantine) records"));
    counts.put(
        "quarantined twice",
        store.count(
            "SELECT count(*) FROM (SELECT 1 FROM %s.ingest_quarantine"
                + " GROUP BY source, record_index, path HAVING count(*) > 1) doubles"));
    return counts;
  }

  private static List<String> ingestArguments(Store store) {
    List<String> args = new ArrayList<>(List.of("ingest", "--input", store.input().toString()));
    args.addAll(store.arguments());
    args.addAll(List.of("--ner", "none", "--chunk-size", "400"));
    return args;
  }

  private static Process startIngest(Store store) throws IOException, SQLException {
    store.reset();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(ingestArguments(store));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logFile(store).toFile())
        .start();
  }

  private static void waitForCheckpoints(PostgresStore store, int ranges, Process child)
      throws Exception {
    waitFor(
        child, store, () -> store.hasCheckpointsTable() && store.count(COMMITTED_RANGES) >= ranges);
  }

  private static void waitForFirstProgressLine(Store store, Process child) throws Exception {
    waitFor(
        child,
        store,
        () -> {
          try (var logLines = Files.lines(logFile(store))) {
            return logLines.anyMatch(line -> line.contains(PROGRESS_LINE));
          }
        });
  }

  private static void waitFor(Process child, Store store, Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive())
          .as("the ingest finished before it could be killed; log: %s", log(store))
          .isTrue();
      if (condition.holds()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the kill point was not reached in 3 minutes; log: " + log(store));
  }

  private static Path logFile(Store store) {
    return dir.resolve(store.name() + ".log");
  }

  private static String log(Store store) throws IOException {
    return Files.readString(logFile(store));
  }

  /** A condition polled until it holds. */
  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Where a run writes: the CLI options that name it, and SQL counts on its tables. */
  private interface Store {
    /** A name for logs and reports, usable as a file name. */
    String name();

    /** The store's options of {@code ingest}. */
    List<String> arguments();

    /** The file this store's runs ingest. */
    Path input();

    /** Drops what an earlier test run left. */
    void reset() throws SQLException;

    /** Runs a query returning one number; {@code %s} stands for the tables' schema. */
    long count(String query) throws SQLException;
  }

  private record PostgresStore(String url, String schema, Path input) implements Store {
    @Override
    public String name() {
      return schema;
    }

    @Override
    public List<String> arguments() {
      return List.of("--postgres", url, "--schema", schema);
    }

    @Override
    public void reset() throws SQLException {
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }

    @Override
    public long count(String query) throws SQLException {
      try (Connection connection = DriverManager.getConnection(url)) {
        return ResumeAfterKillIT.count(connection, String.format(query, schema));
      }
    }

    boolean hasCheckpointsTable() throws SQLException {
      return count(
              "SELECT count(*) FROM information_schema.tables WHERE table_schema = '%s'"
                  + " AND table_name = 'ingest_checkpoints'")
          > 0;
    }
  }

  private record DuckDbStore(Path file, Path input) implements Store {
    @Override
    public String name() {
      return file.getFileName().toString();
    }

    @Override
    public List<String> arguments() {
      return List.of("--duckdb", file.toString());
    }

    @Override
    public void reset() throws SQLException {
      try {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
      } catch (IOException exception) {
        throw new SQLException("cannot delete " + file, exception);
      }
    }

    /** Opens the file (replaying what a killed run left in its write-ahead log) and queries it. */
    @Override
    public long count(String query) throws SQLException {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
        return ResumeAfterKillIT.count(connection, String.format(query, "main"));
      }
    }
  }

  private static long count(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
