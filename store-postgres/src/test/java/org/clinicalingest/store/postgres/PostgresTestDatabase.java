package org.clinicalingest.store.postgres;

import static org.assertj.core.api.Assertions.fail;

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
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/**
 * The PostgreSQL server of the integration tests, from {@code CLINICALINGEST_PG_URL}. Without it
 * the tests fail, saying how to run them: they never skip silently.
 */
public final class PostgresTestDatabase {

  private static final String HOW_TO_RUN =
      "run the PostgreSQL tests through scripts/with-postgres.sh"
          + " (e.g. scripts/with-postgres.sh mvn -B -pl store-postgres -am verify) or scripts/test.sh";

  private PostgresTestDatabase() {}

  /** The JDBC URL of the test server. */
  public static String url() {
    String url = System.getenv("CLINICALINGEST_PG_URL");
    if (url == null || url.isBlank()) {
      fail("CLINICALINGEST_PG_URL is not set: " + HOW_TO_RUN);
    }
    return url;
  }

  /** A new connection to the test server, in auto-commit mode. */
  public static Connection connect() {
    String url = url();
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      return fail("cannot connect to CLINICALINGEST_PG_URL (" + url + "): " + HOW_TO_RUN, e);
    }
  }

  /** A fresh schema name, so each test class works apart from the others. */
  public static String newSchema(String purpose) {
    return purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Drops a schema and everything in it. */
  public static void dropSchema(String schema) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
  }

  /** Runs statements on a new connection. */
  public static void execute(String... sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  /** The first column of the first row of a query. */
  public static Object queryValue(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getObject(1) : null;
    }
  }

  /** The values of the first column of a query, as strings. */
  public static List<String> queryColumn(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }

  /** Rows in a table, in key order, values read back as the Java types of {@link Row}. */
  public static List<Row> readRows(String schema, String prefix, Table table) throws SQLException {
    return readRows(schema, prefix, table, "true");
  }

  /** Rows in a table that match a condition, in key order. */
  public static List<Row> readRows(String schema, String prefix, Table table, String condition)
      throws SQLException {
    String columns =
        table.columns().stream().map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", "));
    String keys =
        table.keyColumns().stream()
            .map(c -> "\"" + c.name() + "\"")
            .collect(Collectors.joining(", "));
    List<Row> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT "
                    + columns
                    + " FROM \""
                    + schema
                    + "\".\""
                    + prefix
                    + table.tableName()
                    + "\" WHERE "
                    + condition
                    + " ORDER BY "
                    + keys)) {
      while (result.next()) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
          values.add(read(result, i + 1, table.columns().get(i)));
        }
        rows.add(new Row(values));
      }
    }
    return rows;
  }

  private static Object read(ResultSet result, int index, Column column) throws SQLException {
    Object value =
        switch (column.type()) {
          case TEXT -> result.getString(index);
          case TEXT_ARRAY -> {
            Array array = result.getArray(index);
            yield array == null ? null : Arrays.asList((String[]) array.getArray());
          }
          case BOOLEAN -> result.getBoolean(index);
          case DOUBLE -> result.getDouble(index);
          case BIGINT -> result.getLong(index);
          case TIMESTAMP -> {
            OffsetDateTime time = result.getObject(index, OffsetDateTime.class);
            yield time == null ? null : time.toInstant();
          }
        };
    return result.wasNull() ? null : value;
  }
}
