package org.clinicalingest.store.duckdb.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes chunks through one DuckDB connection with the Appender, replacing rows by key.
 *
 * <p>Design: rows replace rows by key. A chunk is first appended straight into the target tables in
 * one transaction: the primary key index refuses existing keys at a cost that grows with the chunk,
 * not the table, so new keys (the common case) load at the Appender's full speed. If that fails,
 * the chunk is written again, now appending its keys to a keys table and deleting the target rows
 * that join them ({@code DELETE ... USING}) before appending the rows, and the writer keeps
 * replacing until a chunk finds no rows to delete. Measured side by side on chunks of 10,000 rows
 * ({@code DuckDbAppenderBenchmark}), the join deleted a chunk's 7,500 observations from a table of
 * 3 million in about 50 ms, where deleting them by key through the primary key index ({@code IN}
 * lists of 1024 parameters, the previous way) took about 500 ms; both scale well enough, but the
 * join costs a scan of the key column and the index lookups cost a plan and probe per list.
 * Appending to a staging table without keys and copying it into the target ({@code INSERT ...
 * SELECT}, also {@code INSERT OR REPLACE}) was slower for new keys than appending straight into the
 * target, and so was staging each chunk as a CSV file loaded with {@code COPY} or {@code read_csv}:
 * loading 200,000 rows in chunks of 10,000 side by side, CSV wrote 0.8 times the rows per second of
 * the Appender with new keys and 0.8 times on a rerun, at 1.6 and 1.3 times its CPU. The Appender
 * calls are not what a chunk waits for: its commit, DuckDB's checkpoints and, on a rerun, the
 * primary key index are (tables without keys reran 1.6 times as fast, but the keys stay declared).
 * The Appender joins the connection's transaction only if one was started explicitly, so every
 * attempt runs between {@code BEGIN TRANSACTION} and {@code COMMIT}.
 *
 * <p>DuckDB has no savepoints and aborts the transaction at the first error, so if a row error (a
 * constraint or conversion) makes the replacing write fail too, everything is rolled back and each
 * table's rows are written again, halving any part that fails until the failing rows stand alone;
 * they are reported and the other parts commit one by one, the checkpoints table's last so that a
 * range never counts as committed before its rows do ({@link CommittedRanges}). Since rows replace
 * rows by key, committing parts separately still leaves the same rows as one transaction would.
 * Rows whose Java values do not fit their columns are left out and reported: each row is checked
 * ({@link RowValues}) just before it would be appended ({@link CheckedRows}). Any other error is a
 * store failure and ends in a {@link WriteException}.
 *
 * <p>Not thread-safe: one thread at a time, as for the connection it uses.
 */
public final class ChunkWriter {

  private final DuckDBConnection connection;
  private final TableLayout layout;
  private boolean replacing;

  /** A writer into the tables of {@code layout}, which must exist, through {@code connection}. */
  public ChunkWriter(DuckDBConnection connection, TableLayout layout) {
    this.connection = connection;
    this.layout = layout;
  }

  /**
   * Writes and commits the chunk's rows, leaving out and reporting the rows the database refuses.
   *
   * @throws WriteException naming the table and chunk if the store fails
   */
  public WriteResult write(Chunk chunk) {
    Map<Table, CheckedRows> rows = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      rows.put(table, new CheckedRows(table, chunk.rows(table)));
    }
    boolean committed = (!replacing && writeAll(chunk, rows, false)) || writeAll(chunk, rows, true);
    List<RowFailure> failures = new ArrayList<>();
    rows.values().forEach(tableRows -> failures.addAll(tableRows.misfits()));
    Map<Table, Long> written = new EnumMap<>(Table.class);
    rows.forEach(
        (table, tableRows) ->
            written.put(
                table,
                committed
                    ? tableRows.fitting().size()
                    : isolate(table, tableRows.fitting(), chunk, failures)));
    return new WriteResult(written, failures);
  }

  /**
   * Writes every table's rows in one transaction, first deleting the rows with their keys if {@code
   * replace}; false if a row error rolled it back. A replacing write that found no rows to delete
   * switches back to appending only.
   */
  private boolean writeAll(Chunk chunk, Map<Table, CheckedRows> rows, boolean replace) {
    String step = "begin";
    try {
      execute("BEGIN TRANSACTION");
      long deleted = 0;
      for (Table table : Table.values()) {
        if (rows.get(table).isEmpty()) {
          continue;
        }
        step = "write into " + layout.qualifiedName(table);
        deleted += writePart(table, rows.get(table), replace);
      }
      step = "commit";
      execute("COMMIT");
      if (replace) {
        replacing = deleted > 0;
      }
      return true;
    } catch (SQLException exception) {
      rollback(exception);
      if (!StoreErrors.isRowError(exception)) {
        throw storeFailure(step, chunk, exception);
      }
      return false;
    }
  }

  /**
   * Writes the rows in their own transaction, halving on row errors; returns how many committed.
   */
  private long isolate(Table table, List<Row> rows, Chunk chunk, List<RowFailure> failures) {
    if (rows.isEmpty()) {
      return 0;
    }
    try {
      execute("BEGIN TRANSACTION");
      writePart(table, rows, true);
      execute("COMMIT");
      return rows.size();
    } catch (SQLException exception) {
      rollback(exception);
      if (!StoreErrors.isRowError(exception)) {
        throw storeFailure("write into " + layout.qualifiedName(table), chunk, exception);
      }
      if (rows.size() == 1) {
        Row row = rows.get(0);
        failures.add(new RowFailure(table, key(table, row), StoreErrors.rowReason(exception)));
        return 0;
      }
    }
    int middle = rows.size() / 2;
    return isolate(table, rows.subList(0, middle), chunk, failures)
        + isolate(table, rows.subList(middle, rows.size()), chunk, failures);
  }

  /**
   * Appends the rows to the table, if {@code replace} after deleting the rows with their keys;
   * returns how many rows were deleted.
   */
  private long writePart(Table table, Iterable<Row> rows, boolean replace) throws SQLException {
    long deleted = replace ? deleteExisting(table, rows) : 0;
    try (DuckDBAppender target =
        connection.createAppender(layout.catalog(), layout.schema(), layout.tableName(table))) {
      for (Row row : rows) {
        RowValues.append(target, table, row);
      }
      target.flush();
    }
    return deleted;
  }

  /** Deletes the target rows with the keys of {@code rows}, joining them in the keys table. */
  private long deleteExisting(Table table, Iterable<Row> rows) throws SQLException {
    try (DuckDBAppender keys =
        connection.createAppender("temp", "main", layout.keysTableName(table))) {
      for (Row row : rows) {
        RowValues.appendKey(keys, table, row);
      }
      keys.flush();
    }
    long deleted;
    try (Statement statement = connection.createStatement()) {
      deleted = statement.executeUpdate(layout.deleteExistingSql(table));
    }
    execute(layout.clearKeysSql(table));
    return deleted;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void rollback(SQLException cause) {
    try {
      execute("ROLLBACK");
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static WriteException storeFailure(String step, Chunk chunk, SQLException cause) {
    return new WriteException(
        "DuckDB " + step + " failed for " + chunk.describe() + ": " + StoreErrors.errorType(cause),
        cause);
  }

  /** The row's key for reports: its key column values, joined by {@code " / "}. */
  static String key(Table table, Row row) {
    int count = Math.min(table.keyColumns().size(), row.values().size());
    List<String> parts = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      parts.add(String.valueOf(row.values().get(index)));
    }
    return String.join(" / ", parts);
  }
}
