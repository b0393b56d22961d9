package org.clinicalingest.benchmarks.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.ColumnType;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.store.duckdb.internal.RowValues;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Load paths into DuckDB other than appending straight into the keyed tables, for {@link
 * DuckDbAppenderBenchmark}. Each writes a chunk in one transaction and replaces rows by key the way
 * the library's writer does (append first; on a key conflict roll back and write again, deleting
 * the rows with the chunk's keys by a join first), with the library's checkpoint threshold (256
 * MiB):
 *
 * <ul>
 *   <li>{@link Kind#STAGING}: Appender into a temporary staging table without constraints, then
 *       {@code INSERT INTO target SELECT * FROM staging}; replacing deletes {@code USING staging}.
 *   <li>{@link Kind#CSV}: the rows as a CSV file, then {@code COPY target FROM} it (tables without
 *       lists or timestamps) or {@code INSERT INTO target SELECT ... FROM read_csv(...)} with
 *       explicit column types (lists travel as JSON text cast to {@code VARCHAR[]}, timestamps as
 *       epoch microseconds through {@code make_timestamptz}); replacing deletes by a keys table.
 *       Every text is quoted with quotes doubled, a null is an empty unquoted field and {@code
 *       allow_quoted_nulls=false} keeps {@code ""} an empty string.
 *   <li>{@link Kind#APPENDER_WITHOUT_KEYS}: the Appender into tables without primary keys, to show
 *       what the index costs. Nothing can refuse an existing key there, so every chunk first
 *       deletes its keys by a join.
 * </ul>
 *
 * <p>Design: benchmark code, so a row error ends in an exception instead of being isolated. Not
 * thread-safe.
 */
final class DuckDbLoadPathWriter implements BulkWriter {

  /** The load path. */
  enum Kind {
    STAGING,
    CSV,
    APPENDER_WITHOUT_KEYS
  }

  private final Kind kind;
  private final DuckDBConnection connection;
  private final Path directory;
  private boolean replacing;

  /** Creates the tables in a new database file; CSV files go to {@code directory}. */
  DuckDbLoadPathWriter(Kind kind, Path databaseFile, Path directory) {
    this.kind = kind;
    this.directory = directory;
    this.replacing = kind == Kind.APPENDER_WITHOUT_KEYS;
    try {
      connection =
          DuckDbRawTables.create(
              databaseFile,
              kind != Kind.APPENDER_WITHOUT_KEYS,
              "SET GLOBAL checkpoint_threshold = '256MiB'");
    } catch (SQLException exception) {
      throw new WriteException("creating the " + kind + " tables failed", exception);
    }
  }

  @Override
  public WriteResult write(Chunk chunk) {
    if ((!replacing && writeAll(chunk, false)) || writeAll(chunk, true)) {
      return WriteResult.allWritten(chunk);
    }
    throw new WriteException("a row failed in " + chunk.describe() + "; " + kind + " gives up");
  }

  private boolean writeAll(Chunk chunk, boolean replace) {
    try {
      DuckDbRawTables.execute(connection, "BEGIN TRANSACTION");
      long deleted = 0;
      for (Table table : Table.values()) {
        List<Row> rows = chunk.rows(table);
        if (!rows.isEmpty()) {
          deleted +=
              switch (kind) {
                case STAGING -> writeStaged(table, rows, replace);
                case CSV -> writeCsv(table, rows, replace);
                case APPENDER_WITHOUT_KEYS -> appendWithoutKeys(table, rows);
              };
        }
      }
      DuckDbRawTables.execute(connection, "COMMIT");
      if (replace && kind != Kind.APPENDER_WITHOUT_KEYS) {
        replacing = deleted > 0;
      }
      return true;
    } catch (SQLException exception) {
      DuckDbRawTables.rollback(connection, exception);
      if (!DuckDbRawTables.isConstraintError(exception) || replace) {
        throw new WriteException(kind + " write failed for " + chunk.describe(), exception);
      }
      return false;
    }
  }

  private long writeStaged(Table table, List<Row> rows, boolean replace) throws SQLException {
    String staging = "temp.main.staging_" + table.tableName();
    try (DuckDBAppender appender =
        connection.createAppender("temp", "main", "staging_" + table.tableName())) {
      for (Row row : rows) {
        RowValues.append(appender, table.columns(), row);
      }
      appender.flush();
    }
    long deleted =
        replace
            ? DuckDbRawTables.executeUpdate(
                connection, DuckDbRawTables.deleteUsingSql(table, staging))
            : 0;
    DuckDbRawTables.execute(
        connection, "INSERT INTO " + table.tableName() + " SELECT * FROM " + staging);
    DuckDbRawTables.execute(connection, "DELETE FROM " + staging);
    return deleted;
  }

  private long appendWithoutKeys(Table table, List<Row> rows) throws SQLException {
    long deleted = DuckDbRawTables.deleteKeys(connection, table, rows);
    try (DuckDBAppender appender = connection.createAppender(table.tableName())) {
      for (Row row : rows) {
        RowValues.append(appender, table.columns(), row);
      }
      appender.flush();
    }
    return deleted;
  }

  private long writeCsv(Table table, List<Row> rows, boolean replace) throws SQLException {
    Path file = directory.resolve("chunk-" + table.tableName() + ".csv");
    try {
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writer.append(csv(table, rows));
      }
      long deleted = replace ? DuckDbRawTables.deleteKeys(connection, table, rows) : 0;
      DuckDbRawTables.execute(connection, loadCsvSql(table, file));
      return deleted;
    } catch (IOException exception) {
      throw new UncheckedIOException(exception);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException exception) {
        throw new UncheckedIOException(exception);
      }
    }
  }

  /** The CSV text of the rows: see the class description. */
  static StringBuilder csv(Table table, List<Row> rows) {
    StringBuilder text = new StringBuilder(rows.size() * 256);
    for (Row row : rows) {
      for (int index = 0; index < table.columns().size(); index++) {
        if (index > 0) {
          text.append(',');
        }
        Object value = row.values().get(index);
        if (value == null) {
          continue;
        }
        switch (table.columns().get(index).type()) {
          case TEXT -> quote(text, (String) value);
          case TEXT_ARRAY -> quote(text, json((List<?>) value));
          case BOOLEAN, DOUBLE, BIGINT -> text.append(value);
          case TIMESTAMP -> text.append(RowValues.epochMicros((Instant) value).orElseThrow());
        }
      }
      text.append('\n');
    }
    return text;
  }

  private static void quote(StringBuilder text, String value) {
    text.append('"');
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      if (character == '"') {
        text.append('"');
      }
      text.append(character);
    }
    text.append('"');
  }

  private static String json(List<?> list) {
    StringBuilder text = new StringBuilder("[");
    for (int index = 0; index < list.size(); index++) {
      if (index > 0) {
        text.append(',');
      }
      Object element = list.get(index);
      if (element == null) {
        text.append("null");
        continue;
      }
      text.append('"');
      String value = (String) element;
      for (int position = 0; position < value.length(); position++) {
        char character = value.charAt(position);
        if (character == '"' || character == '\\') {
          text.append('\\').append(character);
        } else if (character < 0x20) {
          text.append(String.format("\\u%04x", (int) character));
        } else {
          text.append(character);
        }
      }
      text.append('"');
    }
    return text.append(']').toString();
  }

  /** {@code COPY} where the CSV columns are the table's, a converting {@code INSERT} otherwise. */
  static String loadCsvSql(Table table, Path file) {
    String path = file.toAbsolutePath().toString().replace("'", "''");
    String options =
        "HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULLSTR '',"
            + " ALLOW_QUOTED_NULLS false, NEW_LINE '\\n', AUTO_DETECT false";
    boolean converts =
        table.columns().stream()
            .anyMatch(
                column ->
                    column.type() == ColumnType.TEXT_ARRAY
                        || column.type() == ColumnType.TIMESTAMP);
    if (!converts) {
      return "COPY " + table.tableName() + " FROM '" + path + "' (FORMAT csv, " + options + ")";
    }
    String columns =
        table.columns().stream()
            .map(column -> "'" + column.name() + "': '" + csvType(column) + "'")
            .collect(Collectors.joining(", "));
    String values =
        table.columns().stream()
            .map(DuckDbLoadPathWriter::fromCsv)
            .collect(Collectors.joining(", "));
    return "INSERT INTO "
        + table.tableName()
        + " SELECT "
        + values
        + " FROM read_csv('"
        + path
        + "', columns = {"
        + columns
        + "}, header = false, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
        + " allow_quoted_nulls = false, new_line = '\\n', auto_detect = false)";
  }

  private static String csvType(Column column) {
    return switch (column.type()) {
      case TEXT_ARRAY -> "VARCHAR";
      case TIMESTAMP -> "BIGINT";
      default -> DuckDbRawTables.sqlType(column);
    };
  }

  private static String fromCsv(Column column) {
    return switch (column.type()) {
      case TEXT_ARRAY -> "CAST(CAST(" + column.name() + " AS JSON) AS VARCHAR[])";
      case TIMESTAMP -> "make_timestamptz(" + column.name() + ")";
      default -> column.name();
    };
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException exception) {
      throw new WriteException("closing the " + kind + " writer failed", exception);
    }
  }
}
