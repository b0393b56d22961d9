package org.clinicalingest.store.duckdb;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/** Reads a table back through a separate JDBC connection, as {@link Row}s of the SPI's types. */
final class StoredRows {

  private StoredRows() {}

  static Connection connect(Path databaseFile) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath());
  }

  /** All rows of the table, ordered by key. */
  static List<Row> read(Connection connection, Table table, String qualifiedName)
      throws SQLException {
    String order = table.keyColumns().stream().map(Column::name).collect(Collectors.joining(", "));
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT * FROM " + qualifiedName + " ORDER BY " + order)) {
      while (result.next()) {
        List<Object> values = new ArrayList<>();
        for (int index = 1; index <= table.columns().size(); index++) {
          values.add(value(result, index));
        }
        rows.add(new Row(values));
      }
    }
    return rows;
  }

  static List<Row> read(Path databaseFile, Table table, String qualifiedName) throws SQLException {
    try (Connection connection = connect(databaseFile)) {
      return read(connection, table, qualifiedName);
    }
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Object value(ResultSet result, int index) throws SQLException {
    Object value = result.getObject(index);
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return value;
  }
}
