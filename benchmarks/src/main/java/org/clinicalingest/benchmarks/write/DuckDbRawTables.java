package org.clinicalingest.benchmarks.write;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.clinicalingest.store.duckdb.internal.RowValues;
import org.clinicalingest.store.duckdb.internal.TableLayout;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Plain-JDBC helpers of the DuckDB benchmark writers that are not the library's writer: the tables
 * of {@link Table} in schema {@code main} under their default names, with the library's column
 * types, and per table a temporary keys table ({@code keys_<table>}, key columns) and staging table
 * ({@code staging_<table>}, all columns, no constraints).
 *
 * <p>Design: the benchmark writers compare load paths and so share everything else with each other;
 * the DDL matches {@code TableLayout} of store-duckdb so that every path loads the same tables.
 */
final class DuckDbRawTables {

  private DuckDbRawTables() {}

  /**
   * Opens a connection to the database file and creates the missing tables, with primary keys if
   * {@code primaryKeys}, and the temporary tables; runs the {@code settings} statements first.
   */
  static DuckDBConnection create(Path databaseFile, boolean primaryKeys, String... settings)
      throws SQLException {
    DuckDBConnection connection =
        DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath())
            .unwrap(DuckDBConnection.class);
    for (String setting : settings) {
      execute(connection, setting);
    }
    for (Table table : Table.values()) {
      String columns =
          table.columns().stream()
              .map(column -> column.name() + " " + sqlType(column) + notNull(column))
              .collect(Collectors.joining(", "));
      String key = primaryKeys ? ", PRIMARY KEY (" + names(table.keyColumns()) + ")" : "";
      execute(
          connection,
          "CREATE TABLE IF NOT EXISTS " + table.tableName() + " (" + columns + key + ")");
      execute(
          connection,
          "CREATE TEMP TABLE IF NOT EXISTS keys_"
              + table.tableName()
              + " ("
              + typed(table.keyColumns())
              + ")");
      execute(
          connection,
          "CREATE TEMP TABLE IF NOT EXISTS staging_"
              + table.tableName()
              + " ("
              + typed(table.columns())
              + ")");
    }
    return connection;
  }

  /** Deletes the target rows whose keys are in {@code source} (a keys or staging table). */
  static String deleteUsingSql(Table table, String source) {
    String target = table.tableName();
    String matches =
        table.keyColumns().stream()
            .map(column -> target + "." + column.name() + " = source." + column.name())
            .collect(Collectors.joining(" AND "));
    return "DELETE FROM " + target + " USING " + source + " AS source WHERE " + matches;
  }

  /** The DuckDB type of the column, as store-duckdb declares it. */
  static String sqlType(Column column) {
    return TableLayout.sqlType(column.type());
  }

  /** Appends the rows' keys to the table's temporary keys table. */
  private static void appendKeys(DuckDBConnection connection, Table table, List<Row> rows)
      throws SQLException {
    try (DuckDBAppender keys =
        connection.createAppender("temp", "main", "keys_" + table.tableName())) {
      for (Row row : rows) {
        RowValues.append(keys, table.keyColumns(), row);
      }
      keys.flush();
    }
  }

  /**
   * Deletes the target rows with the keys of {@code rows}, through the table's temporary keys table
   * (emptied again afterwards); returns the rows deleted.
   */
  static long deleteKeys(DuckDBConnection connection, Table table, List<Row> rows)
      throws SQLException {
    appendKeys(connection, table, rows);
    String keys = "temp.main.keys_" + table.tableName();
    long deleted = executeUpdate(connection, deleteUsingSql(table, keys));
    execute(connection, "DELETE FROM " + keys);
    return deleted;
  }

  /** Whether the error is a row's (a constraint), after which the writer replaces or gives up. */
  static boolean isConstraintError(SQLException exception) {
    String message = String.valueOf(exception.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("constraint") || message.contains("duplicate key");
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static long executeUpdate(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  static void rollback(Connection connection, SQLException cause) {
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static String notNull(Column column) {
    return column.nullable() ? "" : " NOT NULL";
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }

  private static String typed(List<Column> columns) {
    return columns.stream()
        .map(column -> column.name() + " " + sqlType(column))
        .collect(Collectors.joining(", "));
  }
}
