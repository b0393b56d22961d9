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
 * <p>Design: for each table the chunk's keys are appended to a temporary keys table, the target
 * rows with those keys are deleted ({@code DELETE ... USING}), and the chunk's rows are appended
 * straight into the target. Measured against appending to a staging table followed by {@code INSERT
 * OR REPLACE ... SELECT} or {@code INSERT ... ON CONFLICT DO UPDATE} (see {@code
 * DuckDbUpsertStrategyBenchmark}): on new keys it ran at about 0.7 of a plain append and 1.7 times
 * INSERT OR REPLACE; when every key exists, it was 3 to 10 times faster on tables with {@code
 * VARCHAR[]} columns (DuckDB cannot update list columns in place), but INSERT OR REPLACE was about
 * 2.5 times faster on a table without one. New keys are the common case and two of the four tables
 * have lists, so one strategy serves all tables. The Appender joins the connection's transaction
 * only if one was started explicitly, so every attempt runs between {@code BEGIN TRANSACTION} and
 * {@code COMMIT}.
 *
 * <p>The whole chunk is first written in one transaction. DuckDB has no savepoints and aborts the
 * transaction at the first error, so if a row error (a constraint or conversion) makes it fail,
 * everything is rolled back and each table's rows are written again, halving any part that fails
 * until the failing rows stand alone; they are reported and the other parts commit one by one.
 * Since rows replace rows by key, committing parts separately still leaves the same rows as one
 * transaction would. Rows whose Java values do not fit their columns are reported before anything
 * is written ({@link RowValues}). Any other error is a store failure and ends in a {@link
 * WriteException}.
 *
 * <p>Not thread-safe: one thread at a time, as for the connection it uses.
 */
public final class ChunkWriter {

  /** Keys per delete statement; DuckDB scans the index for up to 2048 matches by default. */
  private static final int MAX_DELETE_BATCH = 1024;

  private final DuckDBConnection connection;
  private final TableLayout layout;
  private final Map<Table, Map<Integer, PreparedStatement>> deletes = new EnumMap<>(Table.class);

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
    String step = "begin";
    try {
      execute("BEGIN TRANSACTION");
      for (Table table : Table.values()) {
        step = "write into " + layout.qualifiedName(table);
        appendPart(table, rows.get(table));
      }
      step = "commit";
      execute("COMMIT");
      Map<Table, Long> written = new EnumMap<>(Table.class);
      rows.forEach((table, tableRows) -> written.put(table, (long) tableRows.size()));
      return new WriteResult(written, failures);
    } catch (SQLException exception) {
      rollback(exception);
      if (!StoreErrors.isRowError(exception)) {
        throw storeFailure(step, chunk, exception);
      }
    }
    Map<Table, Long> written = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      written.put(table, isolate(table, rows.get(table), chunk, failures));
    }
    return new WriteResult(written, failures);
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
      appendPart(table, rows);
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

  /** Replaces the table's rows having the keys of {@code rows} by {@code rows}. */
  private void appendPart(Table table, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (TableLayout.deletesByIndex(table)) {
      deleteByIndex(table, rows);
    } else {
      deleteByJoin(table, rows);
    }
    try (DuckDBAppender target =
        connection.createAppender(layout.catalog(), layout.schema(), layout.tableName(table))) {
      for (Row row : rows) {
        RowValues.append(target, table, row);
      }
      target.flush();
    }
  }

  /**
   * Deletes rows by key in batches of a power of two keys (at most {@value #MAX_DELETE_BATCH}), the
   * last one padded by repeating a key, so that few statements are prepared.
   */
  private void deleteByIndex(Table table, List<Row> rows) throws SQLException {
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
      delete.executeUpdate();
    }
  }

  private void deleteByJoin(Table table, List<Row> rows) throws SQLException {
    try (DuckDBAppender keys =
        connection.createAppender("temp", "main", layout.keysTableName(table))) {
      for (Row row : rows) {
        RowValues.appendKey(keys, table, row);
      }
      keys.flush();
    }
    execute(layout.deleteExistingSql(table));
    execute(layout.clearKeysSql(table));
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
