package org.clinicalingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.clinicalingest.store.postgres.PostgresTestDatabase.queryValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real faults: the server is stopped and started with pg_ctl, or a backend is terminated, while the
 * writer is copying. Each test leaves the server running for the next.
 */
class PostgresCopyWriterFaultsIT {

  private static final String PLANTED = "Wvkq-PLANTED-PHI-9032";

  private static String schema;

  @BeforeAll
  static void createSchemaName() {
    schema = PostgresTestDatabase.newSchema("faults_it");
  }

  @AfterEach
  void restartServerIfStopped() {
    if (!PostgresServer.isRunning()) {
      PostgresServer.start();
    }
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestDatabase.dropSchema(schema);
  }

  @Test
  void retriesThroughServerRestartInTheMiddleOfCopy() throws Exception {
    try (PostgresCopyWriter writer = writer("restart_").build()) {
      writer.write(new ClinicalChunks(1, "warm-").chunk(0, 5));
      Chunk big = new ClinicalChunks(2, "restart-").chunk(1, 4000);
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<WriteResult> write = caller.submit(() -> writer.write(big));
        awaitActiveCopy(write, "");
        PostgresServer.stop();
        PostgresServer.start();

        WriteResult result = write.get(5, TimeUnit.MINUTES);

        assertAllWritten(result, big, "restart_");
        assertThat(writer.transientFailures()).isPositive();
      } finally {
        caller.shutdownNow();
      }
    }
  }

  @Test
  void retriesOnFreshConnectionAfterBackendIsTerminatedDuringCopy() throws Exception {
    try (PostgresCopyWriter writer = writer("terminate_").build()) {
      writer.write(new ClinicalChunks(3, "warm-").chunk(0, 5));
      Chunk big = new ClinicalChunks(4, "terminate-").chunk(1, 4000);
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<WriteResult> write;
        // Holding a lock that COPY waits for keeps it running until it is terminated, so the
        // termination cannot come after the COPY has already finished.
        try (Connection blocker = PostgresTestDatabase.connect()) {
          blocker.setAutoCommit(false);
          try (var lock = blocker.createStatement()) {
            lock.execute(
                "LOCK TABLE \"" + schema + "\".\"terminate_observations\" IN EXCLUSIVE MODE");
          }
          write = caller.submit(() -> writer.write(big));
          int pid = awaitActiveCopy(write, " AND wait_event_type = 'Lock'");
          assertThat(queryValue("SELECT pg_terminate_backend(" + pid + ")")).isEqualTo(true);
          blocker.rollback();
        }

        WriteResult result = write.get(5, TimeUnit.MINUTES);

        assertAllWritten(result, big, "terminate_");
        assertThat(writer.transientFailures()).isPositive();
      } finally {
        caller.shutdownNow();
      }
    }
  }

  @Test
  void opensCircuitWithOneClearExceptionWhenServerStaysDown() throws Exception {
    try (PostgresCopyWriter writer = quicklyFailingWriter("down_").build()) {
      writer.write(new ClinicalChunks(5, "warm-").chunk(0, 5));
      PostgresServer.stop();
      PrintStream stderr = System.err;
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      Throwable first;
      Throwable second;
      long failuresAfterFirst;
      try {
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        first = catchThrowable(() -> writer.write(plantedChunk()));
        failuresAfterFirst = writer.transientFailures();
        second = catchThrowable(() -> writer.write(plantedChunk()));
      } finally {
        System.setErr(stderr);
        PostgresServer.start();
      }

      assertThat(first)
          .isInstanceOf(WriteException.class)
          .hasMessageMatching(
              "PostgreSQL unavailable: circuit open after \\d+ failures, stopped COPY into "
                  + schema
                  + "\\.down_\\w+ for .*")
          .hasMessageContaining("for chunk 1 of planted.ndjson (records 40-41); last SQLSTATE 08");
      assertThat(first.getSuppressed())
          .as("the other table parts' failures, attached to the one exception thrown")
          .allSatisfy(
              suppressed ->
                  assertThat(suppressed)
                      .isInstanceOf(WriteException.class)
                      .hasMessageStartingWith("PostgreSQL unavailable: circuit open"));
      PostgresCopyWriterIT.assertNoPlantedValueInChain(first);
      assertThat(second)
          .isInstanceOf(WriteException.class)
          .hasMessageStartingWith("PostgreSQL unavailable: circuit open");
      assertThat(writer.transientFailures())
          .as("an open circuit sends nothing to the server")
          .isEqualTo(failuresAfterFirst);
      String logged = log.toString(StandardCharsets.UTF_8);
      assertThat(logged)
          .contains("SQLSTATE 08")
          .contains("from CLOSED to OPEN")
          .doesNotContain(PLANTED);
    }
  }

  @Test
  void opensCircuitWhenServerIsDownFromTheStart() {
    PostgresServer.stop();
    try (PostgresCopyWriter writer = quicklyFailingWriter("never_").build()) {
      Throwable thrown = catchThrowable(() -> writer.write(plantedChunk()));

      assertThat(thrown)
          .isInstanceOf(WriteException.class)
          .hasMessageStartingWith("PostgreSQL unavailable: circuit open after ")
          .hasMessageContaining("stopped creating tables in schema " + schema)
          .hasMessageContaining("last SQLSTATE 08");
      PostgresCopyWriterIT.assertNoPlantedValueInChain(thrown);
    } finally {
      PostgresServer.start();
    }
  }

  @Test
  void givesUpAfterMaxAttemptsWithSqlStateAndRedactedCause() {
    PostgresServer.stop();
    try (PostgresCopyWriter writer =
        writer("attempts_")
            .connectionTimeout(Duration.ofMillis(300))
            .maxAttempts(2)
            .retryInitialBackoff(Duration.ofMillis(10))
            .circuitBreakerFailures(1000)
            .build()) {
      Throwable thrown = catchThrowable(() -> writer.write(plantedChunk()));

      assertThat(thrown)
          .isInstanceOf(WriteException.class)
          .hasMessageMatching(
              "PostgreSQL unavailable: creating tables in schema "
                  + schema
                  + " failed for chunk 1 of planted.ndjson \\(records 40-41\\) after 2 attempts,"
                  + " SQLSTATE 08\\d\\d\\d");
      assertThat(thrown.getCause()).hasMessageContaining("message withheld");
      PostgresCopyWriterIT.assertNoPlantedValueInChain(thrown);
    } finally {
      PostgresServer.start();
    }
  }

  private static PostgresCopyWriter.Builder writer(String prefix) {
    return PostgresCopyWriter.builder(PostgresTestDatabase.url())
        .schema(schema)
        .tablePrefix(prefix)
        .poolSize(4);
  }

  private static PostgresCopyWriter.Builder quicklyFailingWriter(String prefix) {
    return writer(prefix)
        .connectionTimeout(Duration.ofMillis(500))
        .maxAttempts(1000)
        .retryInitialBackoff(Duration.ofMillis(50))
        .retryMaxBackoff(Duration.ofMillis(200))
        .circuitBreakerFailures(4);
  }

  private static Chunk plantedChunk() {
    Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
    rows.put(
        Table.PATIENTS,
        List.of(TestRows.row(Table.PATIENTS, "patient_id", "planted-1", "family_name", PLANTED)));
    rows.put(Table.OBSERVATIONS, List.of(TestRows.observation("planted-1", PLANTED)));
    return new Chunk("run-planted", 1, "planted.ndjson", 40, 41, rows);
  }

  /** Waits until one of the writer's connections runs a COPY, and returns its backend's pid. */
  private static int awaitActiveCopy(Future<?> write, String extraCondition) throws Exception {
    try (Connection monitor = PostgresTestDatabase.connect();
        PreparedStatement query =
            monitor.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'clinical-ingest'"
                    + " AND state = 'active' AND query LIKE 'COPY %'"
                    + extraCondition
                    + " LIMIT 1")) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!write.isDone() && System.nanoTime() < deadline) {
        try (ResultSet result = query.executeQuery()) {
          if (result.next()) {
            return result.getInt(1);
          }
        }
      }
    }
    return fail("no COPY was seen while the chunk was written (done: %s)", write.isDone());
  }

  /** The chunk's rows all reported written and all present (its ids start with its run id). */
  private static void assertAllWritten(WriteResult result, Chunk chunk, String prefix)
      throws Exception {
    String idPrefix = chunk.runId().substring("run-".length());
    assertThat(result.failures()).isEmpty();
    for (Table table : Table.values()) {
      String condition =
          table == Table.QUARANTINE
              ? "run_id = '" + chunk.runId() + "'"
              : "\"" + table.keyColumns().get(0).name() + "\" LIKE '" + idPrefix + "%'";
      assertThat(result.rowsWritten(table)).isEqualTo(chunk.rows(table).size());
      assertThat(
              queryValue(
                  "SELECT count(*) FROM \""
                      + schema
                      + "\".\""
                      + prefix
                      + table.tableName()
                      + "\" WHERE "
                      + condition))
          .as("rows in %s", table)
          .isEqualTo((long) chunk.rows(table).size());
    }
  }
}
