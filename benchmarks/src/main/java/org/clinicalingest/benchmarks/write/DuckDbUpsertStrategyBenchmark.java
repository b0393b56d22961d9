package org.clinicalingest.benchmarks.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
 * Compares ways to replace rows by key with the DuckDB Appender, on one table with raw JDBC, one
 * transaction per chunk. This chose the strategy of {@code DuckDbAppenderWriter} ({@code
 * deleteKeysThenAppend}, before it {@code deleteInListThenAppend}).
 *
 * <ul>
 *   <li>{@code append}: plain append into the target; only valid for new keys (baseline).
 *   <li>{@code deleteInListThenAppend}: delete the keys through the primary key index, {@code
 *       DELETE ... WHERE key IN (?, ...)} with 1024 parameters, append the rows into the target.
 *   <li>{@code deleteKeysThenAppend}: append the keys to a temp table, {@code DELETE ... USING} it,
 *       append the rows into the target.
 *   <li>{@code stagingDeleteInsert}: append the rows to a temp staging table, {@code DELETE ...
 *       USING} it, {@code INSERT INTO target SELECT * FROM staging}.
 *   <li>{@code stagingInsertOrReplace}: staging, then {@code INSERT OR REPLACE}.
 *   <li>{@code stagingOnConflictUpdate}: staging, then {@code INSERT ... ON CONFLICT DO UPDATE}.
 * </ul>
 *
 * <p>{@code checkpointThreshold} is DuckDB's {@code checkpoint_threshold}: 256 MiB as the writer
 * sets it, 16 MiB as DuckDB does by default.
 *
 * <p>{@code prefilledRows} rows with other keys (spread over the same key range) are in the table
 * before the trial, to show how the cost grows with the table.
 *
 * <p>{@code keys=fresh} writes new keys, {@code keys=rerun} rewrites chunks already in the table;
 * {@code append} with {@code rerun} fails in setup, so leave that pair out. Run: {@code java -jar
 * benchmarks/target/benchmarks.jar DuckDbUpsertStrategyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class DuckDbUpsertStrategyBenchmark {

  private static final int RERUN_CHUNKS = 4;

  @Param({"10000"})
  public int chunkRows;

  @Param({
    "append",
    "deleteInListThenAppend",
    "deleteKeysThenAppend",
    "stagingDeleteInsert",
    "stagingInsertOrReplace",
    "stagingOnConflictUpdate"
  })
  public String strategy;

  @Param({"fresh", "rerun"})
  public String keys;

  @Param({"OBSERVATIONS", "PATIENTS"})
  public Table table;

  @Param({"0", "1000000"})
  public int prefilledRows;

  @Param({"256MiB"})
  public String checkpointThreshold;

  private static final int DELETE_BATCH = 1024;

  private Path directory;
  private DuckDBConnection connection;
  private PreparedStatement delete;
  private SyntheticChunks chunks;
  private final List<List<Row>> written = new ArrayList<>();
  private long sequence;
  private List<Row> next;

  @Setup(Level.Trial)
  public void openDatabase() throws IOException, SQLException {
    directory = Files.createTempDirectory("duckdb-strategy-benchmark");
    connection =
        DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("bench.duckdb"))
            .unwrap(DuckDBConnection.class);
    execute("SET GLOBAL checkpoint_threshold = '" + checkpointThreshold + "'");
    String columns =
        table.columns().stream()
            .map(
                column ->
                    column.name()
                        + " "
                        + DuckDbRawTables.sqlType(column)
                        + (column.nullable() ? "" : " NOT NULL"))
            .collect(Collectors.joining(", "));
    String key = table.keyColumns().get(0).name();
    execute("CREATE TABLE target (" + columns + ", PRIMARY KEY (" + key + "))");
    execute("CREATE TEMP TABLE staging AS SELECT * FROM target LIMIT 0");
    execute("CREATE TEMP TABLE keys (" + key + " VARCHAR)");
    String prefill =
        table.columns().stream()
            .map(
                column ->
                    column.name().equals(key)
                        ? "'pat-' || i || '-pre'"
                        : column.nullable() ? "NULL" : "'x'")
            .collect(Collectors.joining(", "));
    execute("INSERT INTO target SELECT " + prefill + " FROM range(" + prefilledRows + ") r(i)");
    execute("CHECKPOINT");
    delete =
        connection.prepareStatement(
            "DELETE FROM target WHERE "
                + key
                + " IN ("
                + String.join(", ", Collections.nCopies(DELETE_BATCH, "?"))
                + ")");
    chunks = new SyntheticChunks(42, chunkRows);
    if (keys.equals("rerun")) {
      if (strategy.equals("append")) {
        throw new IllegalStateException("append cannot replace rows; run it with keys=fresh");
      }
      for (int index = 0; index < RERUN_CHUNKS; index++) {
        List<Row> rows = chunks.chunk(index).rows(table);
        write(rows);
        written.add(rows);
      }
    }
  }

  @Setup(Level.Invocation)
  public void nextChunk() {
    next =
        keys.equals("rerun")
            ? written.get((int) (sequence++ % RERUN_CHUNKS))
            : chunks.chunk(sequence++).rows(table);
  }

  @Benchmark
  public int write(Rows rows) throws SQLException {
    write(next);
    rows.rows += next.size();
    return next.size();
  }

  @TearDown(Level.Trial)
  public void deleteDatabase() throws IOException, SQLException {
    delete.close();
    connection.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private void write(List<Row> rows) throws SQLException {
    String key = table.keyColumns().get(0).name();
    execute("BEGIN TRANSACTION");
    switch (strategy) {
      case "append" -> append("target", rows, false);
      case "deleteInListThenAppend" -> {
        for (int start = 0; start < rows.size(); start += DELETE_BATCH) {
          for (int index = 0; index < DELETE_BATCH; index++) {
            int row = Math.min(start + index, rows.size() - 1);
            delete.setObject(index + 1, rows.get(row).values().get(0));
          }
          delete.executeUpdate();
        }
        append("target", rows, false);
      }
      case "deleteKeysThenAppend" -> {
        append("keys", rows, true);
        execute("DELETE FROM target USING keys WHERE target." + key + " = keys." + key);
        execute("DELETE FROM keys");
        append("target", rows, false);
      }
      case "stagingDeleteInsert" -> {
        append("staging", rows, false);
        execute("DELETE FROM target USING staging WHERE target." + key + " = staging." + key);
        execute("INSERT INTO target SELECT * FROM staging");
        execute("DELETE FROM staging");
      }
      case "stagingInsertOrReplace" -> {
        append("staging", rows, false);
        execute("INSERT OR REPLACE INTO target SELECT * FROM staging");
        execute("DELETE FROM staging");
      }
      case "stagingOnConflictUpdate" -> {
        append("staging", rows, false);
        String updates =
            table.columns().stream()
                .skip(1)
                .map(Column::name)
                .map(name -> name + " = excluded." + name)
                .collect(Collectors.joining(", "));
        execute("INSERT INTO target SELECT * FROM staging ON CONFLICT DO UPDATE SET " + updates);
        execute("DELETE FROM staging");
      }
      default -> throw new IllegalStateException("unknown strategy " + strategy);
    }
    execute("COMMIT");
  }

  private void append(String table, List<Row> rows, boolean keyOnly) throws SQLException {
    String catalog = table.equals("target") ? null : "temp";
    try (DuckDBAppender appender = connection.createAppender(catalog, "main", table)) {
      for (Row row : rows) {
        appender.beginRow();
        int count = keyOnly ? 1 : row.values().size();
        for (int index = 0; index < count; index++) {
          Object value = row.values().get(index);
          if (value == null) {
            appender.appendNull();
          } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
          } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
          } else if (value instanceof List<?> list) {
            appender.append(list);
          } else {
            appender.append((String) value);
          }
        }
        appender.endRow();
      }
      appender.flush();
    }
  }

  private void execute(String sql) throws SQLException {
    DuckDbRawTables.execute(connection, sql);
  }
}
