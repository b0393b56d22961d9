package org.clinicalingest.benchmarks.write;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.store.postgres.PostgresCopyWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writes one chunk into empty tables of a real PostgreSQL server: {@link PostgresCopyWriter} with
 * its table parts in parallel and in sequence, against JDBC batches of the same upsert with {@code
 * reWriteBatchedInserts=true} and without. The tables are emptied before each invocation, so every
 * variant inserts the same rows with the same semantics; each variant has its own tables. Time per
 * chunk; rows/s = rows of the chunk / time.
 *
 * <p>The server comes from {@code -Dclinicalingest.pg.url=jdbc:postgresql://...} or {@code
 * CLINICALINGEST_PG_URL}, e.g. {@code scripts/with-postgres.sh java -jar
 * benchmarks/target/benchmarks.jar PostgresCopyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PostgresCopyBenchmark {

  private static final long SEED = 20_240_601L;
  private static final List<String> PREFIXES =
      List.of("copy_par_", "copy_seq_", "insert_rewrite_", "insert_plain_");

  /** Data rows per chunk over patients, encounters and observations (1 : 3 : 12). */
  @Param({"1600", "16000"})
  public int chunkRows;

  private String url;
  private String schema;
  private Chunk chunk;
  private PostgresCopyWriter copyParallel;
  private PostgresCopyWriter copySequential;
  private PostgresBatchInsert insertRewritten;
  private PostgresBatchInsert insertPlain;

  /** Generates the chunk and creates schema, tables and writers. */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    url = System.getProperty("clinicalingest.pg.url", System.getenv("CLINICALINGEST_PG_URL"));
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "no PostgreSQL: set -Dclinicalingest.pg.url or CLINICALINGEST_PG_URL, or run under"
              + " scripts/with-postgres.sh");
    }
    schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    chunk = PostgresBenchmarkChunks.chunk(SEED, chunkRows);
    Chunk empty = new Chunk("bench", 0, "bench.ndjson", 0, 0, Map.of());
    for (String prefix : PREFIXES) {
      try (PostgresCopyWriter creator = writer(prefix, true)) {
        creator.write(empty);
      }
    }
    copyParallel = writer("copy_par_", true);
    copySequential = writer("copy_seq_", false);
    insertRewritten = new PostgresBatchInsert(url, true, schema, "insert_rewrite_");
    insertPlain = new PostgresBatchInsert(url, false, schema, "insert_plain_");
    System.err.printf(
        "%nchunk: %d rows (%d patients, %d encounters, %d observations, %d quarantine)%n",
        chunk.rowCount(),
        chunk.rows(Table.PATIENTS).size(),
        chunk.rows(Table.ENCOUNTERS).size(),
        chunk.rows(Table.OBSERVATIONS).size(),
        chunk.rows(Table.QUARANTINE).size());
  }

  /** Empties every variant's tables so that each invocation inserts the chunk anew. */
  @Setup(Level.Invocation)
  public void emptyTables() throws SQLException {
    StringBuilder tables = new StringBuilder();
    for (String prefix : PREFIXES) {
      for (Table table : Table.values()) {
        tables.append(tables.length() == 0 ? "" : ", ");
        tables.append('"').append(schema).append("\".\"").append(prefix);
        tables.append(table.tableName()).append('"');
      }
    }
    execute("TRUNCATE " + tables);
  }

  /** Closes the writers and drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    copyParallel.close();
    copySequential.close();
    insertRewritten.close();
    insertPlain.close();
    execute("DROP SCHEMA \"" + schema + "\" CASCADE");
  }

  /** COPY writer, the four table parts on four connections at once. */
  @Benchmark
  public WriteResult copyParallelTables() {
    return copyParallel.write(chunk);
  }

  /** COPY writer, the table parts one after another. */
  @Benchmark
  public WriteResult copySequentialTables() {
    return copySequential.write(chunk);
  }

  /** Batched upsert with {@code reWriteBatchedInserts=true}, tables one after another. */
  @Benchmark
  public long insertBatchRewritten() throws SQLException {
    return insertRewritten.write(chunk);
  }

  /** Batched upsert without rewriting, tables one after another. */
  @Benchmark
  public long insertBatchPlain() throws SQLException {
    return insertPlain.write(chunk);
  }

  private PostgresCopyWriter writer(String prefix, boolean parallelTables) {
    return PostgresCopyWriter.builder(url)
        .schema(schema)
        .tablePrefix(prefix)
        .poolSize(4)
        .parallelTables(parallelTables)
        .build();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
