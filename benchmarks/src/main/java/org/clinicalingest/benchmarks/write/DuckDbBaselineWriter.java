package org.clinicalingest.benchmarks.write;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.store.duckdb.internal.RowValues;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The write path of {@code DuckDbAppenderWriter} before it was tuned (commit 27be681), kept as the
 * baseline of {@link DuckDbAppenderBenchmark}: DuckDB's default checkpoint threshold (16 MiB), and
 * rows replaced by deleting their keys through the primary key index in {@code IN} lists of up to
 * 1024 parameters (a join with a keys table for the composite quarantine key).
 *
 * <p>Design: only the path that benchmark chunks take is kept: append first, replace when a key
 * exists, stay replacing until a chunk deletes nothing. It leaves out the Java type checks and the
 * isolation of failing rows, which cost nothing on valid rows; a row error ends in an exception.
 * Not thread-safe.
 */
final class DuckDbBaselineWriter implements BulkWriter {

  private static final int MAX_DELETE_BATCH = 1024;

  private final DuckDBConnection connection;
  private final Map<Table, Map<Integer, PreparedStatement>> deletes = new EnumMap<>(Table.class);
  private boolean replacing;

  DuckDbBaselineWriter(Path databaseFile) {
    try {
      connection = DuckDbRawTables.create(databaseFile, true);
    } catch (SQLException exception) {
      throw new WriteException("creating the baseline tables failed", exception);
    }
  }

  @Override
  public WriteResult write(Chunk chunk) {
    if ((!replacing && writeAll(chunk, false)) || writeAll(chunk, true)) {
      return WriteResult.allWritten(chunk);
    }
    throw new WriteException(
        "a row failed in " + chunk.describe() + "; the baseline cannot isolate it");
  }

  private boolean writeAll(Chunk chunk, boolean replace) {
    try {
      DuckDbRawTables.execute(connection, "BEGIN TRANSACTION");
      long deleted = 0;
      for (Table table : Table.values()) {
        deleted += writePart(table, chunk.rows(table), replace);
      }
      DuckDbRawTables.execute(connection, "COMMIT");
      if (replace) {
        replacing = deleted > 0;
      }
      return true;
    } catch (SQLException exception) {
      DuckDbRawTables.rollback(connection, exception);
      if (!DuckDbRawTables.isConstraintError(exception)) {
        throw new WriteException("baseline write failed for " + chunk.describe(), exception);
      }
      return false;
    }
  }

  private long writePart(Table table, List<Row> rows, boolean replace) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    long deleted = 0;
    if (replace) {
      deleted =
          table.keyColumns().size() == 1
              ? deleteByIndex(table, rows)
              : DuckDbRawTables.deleteKeys(connection, table, rows);
    }
    try (DuckDBAppender target = connection.createAppender(table.tableName())) {
      for (Row row : rows) {
        RowValues.append(target, table.columns(), row);
      }
      target.flush();
    }
    return deleted;
  }

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
        delete =
            connection.prepareStatement(
                "DELETE FROM "
                    + table.tableName()
                    + " WHERE "
                    + table.keyColumns().get(0).name()
                    + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(size, "?"))
                    + ")");
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

  @Override
  public void close() {
    try {
      for (Map<Integer, PreparedStatement> statements : deletes.values()) {
        for (PreparedStatement statement : statements.values()) {
          statement.close();
        }
      }
      connection.close();
    } catch (SQLException exception) {
      throw new WriteException("closing the baseline failed", exception);
    }
  }
}
