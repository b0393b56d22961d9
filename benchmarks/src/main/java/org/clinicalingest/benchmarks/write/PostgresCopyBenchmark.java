package org.clinicalingest.benchmarks.write;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

  /**
   * {@code empty}: the tables are emptied before each write, so every row is new (a first run);
   * {@code full}: they already hold the chunk's rows, so every write is a rerun of the same rows.
   */
  @Param({"empty", "full"})
  public String tables;

  private String url;
  private String schema;
  private Chunk chunk;
  private PostgresCopyWriter copyParallel;
  private PostgresCopyWriter copySequential;
  private PostgresBatchInsert insertRewritten;
  private PostgresBatchInsert insertPlain;
  private PostgresServerCpu serverCpu;
  private long processCpuAtStart;
  private final AtomicLong writes = new AtomicLong();

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
      try (PostgresCopyWriter creator = writer(prefix, true, "setup")) {
        creator.write("full".equals(tables) ? chunk : empty);
      }
    }
    copyParallel = writer("copy_par_", true, "bench-copy-parallel");
    copySequential = writer("copy_seq_", false, "bench-copy-sequential");
    insertRewritten =
        new PostgresBatchInsert(
            withParameter(url, "ApplicationName=bench-insert-rewrite"),
            true,
            schema,
            "insert_rewrite_");
    insertPlain =
        new PostgresBatchInsert(
            withParameter(url, "ApplicationName=bench-insert-plain"),
            false,
            schema,
            "insert_plain_");
    serverCpu = PostgresServerCpu.start(url);
    processCpuAtStart = processCpuNanos();
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
    if (!"empty".equals(tables)) {
      return;
    }
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

  /**
   * Prints CPU time per written chunk (warm-up included) of the server's backends and of this JVM,
   * closes the writers and drops the schema.
   */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    double serverMillis = serverCpu.millisSinceStart();
    double clientMillis = (processCpuNanos() - processCpuAtStart) / 1e6;
    System.err.printf(
        "%nCPU per chunk over %d writes: server %s ms, benchmark JVM %.1f ms%n",
        writes.get(),
        serverMillis < 0 ? "n/a" : String.format("%.1f", serverMillis / writes.get()),
        clientMillis / writes.get());
    copyParallel.close();
    copySequential.close();
    insertRewritten.close();
    insertPlain.close();
    execute("DROP SCHEMA \"" + schema + "\" CASCADE");
  }

  /** COPY writer, the four table parts on four connections at once. */
  @Benchmark
  public WriteResult copyParallelTables() {
    writes.incrementAndGet();
    return copyParallel.write(chunk);
  }

  /** COPY writer, the table parts one after another. */
  @Benchmark
  public WriteResult copySequentialTables() {
    writes.incrementAndGet();
    return copySequential.write(chunk);
  }

  /** Batched upsert with {@code reWriteBatchedInserts=true}, tables one after another. */
  @Benchmark
  public long insertBatchRewritten() throws SQLException {
    writes.incrementAndGet();
    return insertRewritten.write(chunk);
  }

  /** Batched upsert without rewriting, tables one after another. */
  @Benchmark
  public long insertBatchPlain() throws SQLException {
    writes.incrementAndGet();
    return insertPlain.write(chunk);
  }

  private PostgresCopyWriter writer(String prefix, boolean parallelTables, String application) {
    return PostgresCopyWriter.builder(withParameter(url, "ApplicationName=" + application))
        .schema(schema)
        .tablePrefix(prefix)
        .poolSize(4)
        .parallelTables(parallelTables)
        .build();
  }

  private static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
