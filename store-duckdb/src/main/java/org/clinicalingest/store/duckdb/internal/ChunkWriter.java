package org.clinicalingest.store.duckdb.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * the chunk is written again, now deleting the rows with its keys before appending, and the writer
 * keeps replacing until a chunk finds no rows to delete. The delete binds the keys as an {@code IN}
 * list that DuckDB answers from the primary key index: for 1000 keys in a table of 4 million rows
 * about 16 ms, where a {@code DELETE ... USING} join with a keys table scanned the whole table in
 * 500 ms (though on a table of 1 million rows the join was about twice as fast). The composite-key
 * quarantine table, where DuckDB does not use the index, joins a keys table ({@link TableLayout}).
 * Appending to a staging table followed by {@code INSERT OR REPLACE} or {@code INSERT ... ON
 * CONFLICT DO UPDATE} was 3 to 10 times slower on tables with {@code VARCHAR[]} columns (DuckDB
 * cannot update lists in place), though faster on tables without lists (see {@code
 * DuckDbUpsertStrategyBenchmark}). The Appender joins the connection's transaction only if one was
 * started explicitly, so every attempt runs between {@code BEGIN TRANSACTION} and {@code COMMIT}.
 *
 * <p>DuckDB has no savepoints and aborts the transaction at the first error, so if a row error (a
 * constraint or conversion) makes the replacing write fail too, everything is rolled back and each
 * table's rows are written again, halving any part that fails until the failing rows stand alone;
 * they are reported and the other parts commit one by one. Since rows replace rows by key,
 * committing parts separately still leaves the same rows as one transaction would. Rows whose Java
 * values do not fit their columns are reported before anything is written ({@link RowValues}). Any
 * other error is a store failure and ends in a {@link WriteException}.
 *
 * <p>Not thread-safe: one thread at a time, as for the connection it uses.
 */
public final class ChunkWriter {

  /** Keys per delete statement; DuckDB scans the index for up to 2048 matches by default. */
  private static final int MAX_DELETE_BATCH = 1024;

  private final DuckDBConnection connection;
  private final TableLayout layout;
  private final Map<Table, Map<Integer, PreparedStatement>> deletes = new EnumMap<>(Table.class);
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
    List<RowFailure> failures = new ArrayList<>();
    Map<Table, List<Row>> rows = fittingRows(chunk, failures);
    if ((!replacing && writeAll(chunk, rows, false)) || writeAll(chunk, rows, true)) {
      Map<Table, Long> written = new EnumMap<>(Table.class);
      rows.forEach((table, tableRows) -> written.put(table, (long) tableRows.size()));
      return new WriteResult(written, failures);
    }
    Map<Table, Long> written = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      written.put(table, isolate(table, rows.get(table), chunk, failures));
    }
    return new WriteResult(written, failures);
  }

  /**
   * Writes every table's rows in one transaction, first deleting the rows with their keys if {@code
   * replace}; false if a row error rolled it back. A replacing write that found no rows to delete
   * switches back to appending only.
   */
  private boolean writeAll(Chunk chunk, Map<Table, List<Row>> rows, boolean replace) {
    String step = "begin";
    try {
      execute("BEGIN TRANSACTION");
      long deleted = 0;
      for (Table table : Table.values()) {
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

  /** The rows whose values fit their columns, by table; the others are added to failures. */
  private static Map<Table, List<Row>> fittingRows(Chunk chunk, List<RowFailure> failures) {
    Map<Table, List<Row>> fitting = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      List<Row> rows = chunk.rows(table);
      List<Row> kept = new ArrayList<>(rows.size());
      for (Row row : rows) {
        Optional<String> problem = RowValues.problem(table, row);
        if (problem.isPresent()) {
          failures.add(new RowFailure(table, key(table, row), problem.get()));
        } else {
          kept.add(row);
        }
      }
      fitting.put(table, kept);
    }
    return fitting;
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
  private long writePart(Table table, List<Row> rows, boolean replace) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    long deleted = 0;
    if (replace) {
      deleted =
          TableLayout.deletesByIndex(table)
              ? deleteByIndex(table, rows)
              : deleteByJoin(table, rows);
    }
    try (DuckDBAppender target =
        connection.createAppender(layout.catalog(), layout.schema(), layout.tableName(table))) {
      for (Row row : rows) {
        RowValues.append(target, table, row);
      }
      target.flush();
    }
    return deleted;
  }

  /**
   * Deletes rows by key in batches of a power of two keys (at most {@value #MAX_DELETE_BATCH}), the
   * last one padded by repeating a key, so that few statements are prepared.
   */
  private long deleteByIndex(Table table, List<Row> rows) throws SQLException {
    long deleted = 0;
    for (int start = 0; start < rows.size(); start += MAX_DELETE_BATCH) {
      int remaining = rows.size() - start;
      int size =
          remaining >= MAX_DELETE_BATCH
              ? MAX_DELETE_BATCH
              : Integer.highestOneBit(remaining * 2 - 1);
      PreparedStatement delete = deletes.computeIfAbsent(table, key -> new HashMap<>()).get(size);
      if (delete == null) {
        delete = connection.prepareStatement(layout.deleteByKeysSql(table, size));
        deletes.get(table).put(size, delete);
      }
      for (int index = 0; index < size; index++) {
        Row row = rows.get(start + Math.min(index, remaining - 1));
        delete.setObject(index + 1, row.values().get(0));
      }
      deleted += delete.executeUpdate();
    }
    return deleted;
  }

  private long deleteByJoin(Table table, List<Row> rows) throws SQLException {
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

  /**
   * Closes the prepared statements; the connection stays open.
   *
   * @throws SQLException if one fails to close
   */
  public void close() throws SQLException {
    SQLException failure = null;
    for (Map<Integer, PreparedStatement> statements : deletes.values()) {
      for (PreparedStatement statement : statements.values()) {
        try {
          statement.close();
        } catch (SQLException exception) {
          if (failure == null) {
            failure = exception;
          } else {
            failure.addSuppressed(exception);
          }
        }
      }
    }
    deletes.clear();
    if (failure != null) {
      throw failure;
    }
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
