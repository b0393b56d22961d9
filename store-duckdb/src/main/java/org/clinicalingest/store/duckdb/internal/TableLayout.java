package org.clinicalingest.store.duckdb.internal;

import static org.clinicalingest.store.duckdb.internal.Identifiers.quote;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.ColumnType;
import org.clinicalingest.spi.Table;

/**
 * Where the tables of {@link Table} live in one DuckDB database, and the SQL that creates, checks
 * and feeds them.
 *
 * <p>Design: every name in SQL text is built here, from identifiers already checked by {@link
 * Identifiers#require} and always quoted. Rows are replaced by deleting the chunk's keys before
 * appending the chunk (see {@link ChunkWriter}): each table has a companion temporary "keys" table
 * (key columns only, no constraints) private to the writer's connection, and the delete joins it.
 * The keys tables live in the {@code temp} catalog under names no target table uses.
 *
 * <p>Column types: TEXT is {@code VARCHAR}, TEXT_ARRAY {@code VARCHAR[]}, BOOLEAN {@code BOOLEAN},
 * DOUBLE {@code DOUBLE}, BIGINT {@code BIGINT} and TIMESTAMP {@code TIMESTAMP WITH TIME ZONE}
 * (TIMESTAMPTZ: an instant, stored as UTC microseconds, shown in the session's time zone).
 *
 * <p>Immutable and thread-safe; the methods that take a connection use it from the calling thread.
 */
public final class TableLayout {

  private static final String KEYS_TABLE_PREFIX = "clinical_ingest_keys_";

  private final String catalog;
  private final String schema;
  private final String tablePrefix;

  /**
   * A layout of the tables in {@code schema} of the database {@code catalog}, each name preceded by
   * {@code tablePrefix}.
   *
   * @param catalog the database's name, as {@code current_database()} tells
   * @param schema a schema name matching {@link Identifiers#PATTERN}
   * @param tablePrefix empty, or a prefix matching {@link Identifiers#PATTERN}
   * @throws IllegalArgumentException if the schema or prefix does not match
   */
  TableLayout(String catalog, String schema, String tablePrefix) {
    this.catalog = catalog;
    this.schema = Identifiers.require("schema", schema);
    this.tablePrefix = tablePrefix.isEmpty() ? "" : Identifiers.require("tablePrefix", tablePrefix);
  }

  /**
   * The layout in the connection's database: creates the schema and the missing tables, checks the
   * existing ones and creates the connection's keys tables.
   *
   * @throws IllegalArgumentException if the schema or prefix does not match {@link
   *     Identifiers#PATTERN}
   * @throws WriteException if an existing table's columns, types, nullability or primary key differ
   *     from {@link Table}
   * @throws SQLException if the database fails
   */
  public static TableLayout create(Connection connection, String schema, String tablePrefix)
      throws SQLException {
    String catalog;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_database()")) {
      result.next();
      catalog = result.getString(1);
    }
    TableLayout layout = new TableLayout(catalog, schema, tablePrefix);
    layout.ensureTables(connection);
    return layout;
  }

  /** The database (catalog) holding the tables, unquoted. */
  String catalog() {
    return catalog;
  }

  /** The schema holding the tables, unquoted. */
  String schema() {
    return schema;
  }

  /** The table's name in its schema, unquoted: the prefix followed by the default name. */
  String tableName(Table table) {
    return tablePrefix + table.tableName();
  }

  /**
   * The table's quoted, fully qualified name for SQL, e.g. {@code
   * "store"."clinical"."ci_patients"}. The database name is needed: a schema named like the
   * database would be ambiguous.
   */
  public String qualifiedName(Table table) {
    return quote(catalog) + "." + quote(schema) + "." + quote(tableName(table));
  }

  /** Name of the table's temporary keys table in schema {@code main} of catalog {@code temp}. */
  String keysTableName(Table table) {
    return KEYS_TABLE_PREFIX + tableName(table);
  }

  /** Deletes the target rows whose keys are in the keys table, by a join. */
  String deleteExistingSql(Table table) {
    String target = qualifiedName(table);
    String keys = qualifiedKeysName(table);
    String matches =
        table.keyColumns().stream()
            .map(column -> target + "." + quote(column.name()) + " = keys." + quote(column.name()))
            .collect(Collectors.joining(" AND "));
    return "DELETE FROM " + target + " USING " + keys + " AS keys WHERE " + matches;
  }

  /**
   * The record ranges of one source (parameter 1) that have a checkpoint row for any of {@code
   * parts} table names (parameters 2 to {@code parts + 1}), with the run that committed the latest
   * part of each and the number of those parts committed, latest first.
   */
  String checkpointedRangesSql(int parts) {
    return "SELECT first_record_index, last_record_index, arg_max(run_id, committed_at),"
        + " count(DISTINCT table_name) FROM "
        + qualifiedName(Table.CHECKPOINTS)
        + " WHERE source_key = ? AND table_name IN ("
        + String.join(", ", Collections.nCopies(parts, "?"))
        + ") GROUP BY first_record_index, last_record_index ORDER BY max(committed_at) DESC";
  }

  /** Empties the keys table. */
  String clearKeysSql(Table table) {
    return "DELETE FROM " + qualifiedKeysName(table);
  }

  private void ensureTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(catalog) + "." + quote(schema));
      for (Table table : Table.values()) {
        List<String> existing = existingColumns(connection, table);
        if (existing.isEmpty()) {
          statement.execute(createTableSql(table));
        } else {
          verify(table, existing, primaryKey(connection, table));
        }
        statement.execute(createKeysTableSql(table));
      }
    }
  }

  String createTableSql(Table table) {
    List<String> definitions = new ArrayList<>();
    for (Column column : table.columns()) {
      definitions.add(columnDefinition(column));
    }
    definitions.add("PRIMARY KEY (" + quotedNames(table.keyColumns()) + ")");
    return "CREATE TABLE " + qualifiedName(table) + " (" + String.join(", ", definitions) + ")";
  }

  private String createKeysTableSql(Table table) {
    String columns =
        table.keyColumns().stream()
            .map(column -> quote(column.name()) + " " + sqlType(column.type()))
            .collect(Collectors.joining(", "));
    return "CREATE TEMP TABLE IF NOT EXISTS " + qualifiedKeysName(table) + " (" + columns + ")";
  }

  private String qualifiedKeysName(Table table) {
    return "temp.main." + quote(keysTableName(table));
  }

  /** The existing table's columns as {@code name TYPE NULL|NOT NULL}, in order; empty if none. */
  private List<String> existingColumns(Connection connection, Table table) throws SQLException {
    String sql =
        "SELECT column_name, data_type, is_nullable FROM duckdb_columns()"
            + " WHERE database_name = ?"
            + " AND lower(schema_name) = lower(?) AND lower(table_name) = lower(?)"
            + " ORDER BY column_index";
    List<String> columns = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, catalog);
      statement.setString(2, schema);
      statement.setString(3, tableName(table));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(
              describe(
                  result.getString(1).toLowerCase(Locale.ROOT),
                  result.getString(2),
                  result.getBoolean(3)));
        }
      }
    }
    return columns;
  }

  /** The existing table's primary key as {@code (a, b)}, or {@code none}. */
  private String primaryKey(Connection connection, Table table) throws SQLException {
    String sql =
        "SELECT constraint_column_names FROM duckdb_constraints()"
            + " WHERE database_name = ? AND constraint_type = 'PRIMARY KEY'"
            + " AND lower(schema_name) = lower(?) AND lower(table_name) = lower(?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, catalog);
      statement.setString(2, schema);
      statement.setString(3, tableName(table));
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return "none";
        }
        Array names = result.getArray(1);
        List<String> columns = new ArrayList<>();
        for (Object name : (Object[]) names.getArray()) {
          columns.add(String.valueOf(name).toLowerCase(Locale.ROOT));
        }
        return "(" + String.join(", ", columns) + ")";
      }
    }
  }

  private void verify(Table table, List<String> existing, String existingKey) {
    List<String> expected = new ArrayList<>();
    for (Column column : table.columns()) {
      expected.add(describe(column.name(), sqlType(column.type()), column.nullable()));
    }
    String expectedKey =
        table.keyColumns().stream().map(Column::name).collect(Collectors.joining(", ", "(", ")"));
    String problem = null;
    for (int index = 0; index < Math.min(expected.size(), existing.size()); index++) {
      if (!expected.get(index).equals(existing.get(index))) {
        problem =
            "column "
                + (index + 1)
                + " is "
                + existing.get(index)
                + ", expected "
                + expected.get(index);
        break;
      }
    }
    if (problem == null && expected.size() != existing.size()) {
      problem = "it has " + existing.size() + " columns, expected " + expected.size();
    }
    if (problem == null && !expectedKey.equals(existingKey)) {
      problem = "its primary key is " + existingKey + ", expected " + expectedKey;
    }
    if (problem != null) {
      throw new WriteException(
          "table "
              + qualifiedName(table)
              + " exists but does not match the "
              + table.tableName()
              + " table of this library version: "
              + problem);
    }
  }

  private static String columnDefinition(Column column) {
    return quote(column.name())
        + " "
        + sqlType(column.type())
        + (column.nullable() ? "" : " NOT NULL");
  }

  private static String describe(String name, String type, boolean nullable) {
    return name + " " + type + (nullable ? " NULL" : " NOT NULL");
  }

  private static String quotedNames(List<Column> columns) {
    return columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
  }

  /** The DuckDB type of a column type, spelled as {@code duckdb_columns()} reports it. */
  public static String sqlType(ColumnType type) {
    return switch (type) {
      case TEXT -> "VARCHAR";
      case TEXT_ARRAY -> "VARCHAR[]";
      case BOOLEAN -> "BOOLEAN";
      case DOUBLE -> "DOUBLE";
      case BIGINT -> "BIGINT";
      case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
    };
  }
}
