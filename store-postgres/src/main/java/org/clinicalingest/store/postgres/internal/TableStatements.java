package org.clinicalingest.store.postgres.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.ColumnType;
import org.clinicalingest.spi.Table;

/**
 * The SQL the writer runs for one output table: create it, create its staging table, COPY into the
 * staging table and upsert from it into the target.
 *
 * <p>Design: every name in these statements is either a constant of {@link Table} or a checked
 * configuration value, and all of them are quoted (see {@link Identifiers}), so statements contain
 * no value of any row; values go through COPY or bind parameters. The staging table is declared
 * with the same column types as the target's definition (rather than {@code LIKE target}) so the
 * binary COPY encoding always matches it even if the host created the target with compatible but
 * different types; it keeps the NOT NULL constraints so such violations already fail in COPY. It
 * lives in {@code pg_temp} and is dropped at commit.
 */
public final class TableStatements {

  private final Table table;
  private final String schema;
  private final String tableName;
  private final String qualifiedName;
  private final String stagingName;
  private final String columnList;

  /** Statements for {@code table} in {@code schema}, its name prefixed by {@code tablePrefix}. */
  public TableStatements(Table table, String schema, String tablePrefix) {
    this.table = table;
    this.schema = Identifiers.checkSchema(schema);
    this.tableName = Identifiers.checkTablePrefix(tablePrefix) + table.tableName();
    this.qualifiedName = Identifiers.quote(schema) + "." + Identifiers.quote(tableName);
    this.stagingName = "pg_temp." + Identifiers.quote("clinicalingest_stage_" + table.tableName());
    this.columnList = names(table.columns());
  }

  /** The table these statements are for. */
  public Table table() {
    return table;
  }

  /** The unquoted table name, prefix included, as stored in {@code pg_class}. */
  public String tableName() {
    return tableName;
  }

  /** {@code schema.table}, unquoted, for messages. */
  public String displayName() {
    return schema + "." + tableName;
  }

  /** {@code CREATE TABLE IF NOT EXISTS} with column types, NOT NULL and the primary key. */
  public String createTable() {
    return "CREATE TABLE IF NOT EXISTS "
        + qualifiedName
        + " ("
        + columnDefinitions()
        + ", PRIMARY KEY ("
        + names(table.keyColumns())
        + "))";
  }

  /** Creates the transaction's staging table, dropped at commit. */
  public String createStaging() {
    return "CREATE TEMP TABLE " + stagingName + " (" + columnDefinitions() + ") ON COMMIT DROP";
  }

  /** Binary COPY into the staging table, columns in {@link Table#columns()} order. */
  public String copyIntoStaging() {
    return "COPY " + stagingName + " (" + columnList + ") FROM STDIN (FORMAT binary)";
  }

  /**
   * Whether any of the given keys exists in the target: one array parameter per key column, of
   * {@link #arrayElementType} elements.
   */
  public String anyKeyExists() {
    List<Column> keys = table.keyColumns();
    String arrays =
        keys.stream()
            .map(column -> "?::" + sqlType(column.type()) + "[]")
            .collect(Collectors.joining(", "));
    String join =
        keys.stream()
            .map(column -> qualified("target.", column) + " = " + qualified("k.", column))
            .collect(Collectors.joining(" AND "));
    return "SELECT EXISTS (SELECT 1 FROM unnest("
        + arrays
        + ") AS k ("
        + names(keys)
        + ") JOIN "
        + qualifiedName
        + " AS target ON "
        + join
        + ")";
  }

  /** The element type name for {@link java.sql.Connection#createArrayOf} of a key column. */
  static String arrayElementType(ColumnType type) {
    return switch (type) {
      case BIGINT -> "int8";
      case TEXT -> "text";
      default -> throw new IllegalArgumentException("not a key column type: " + type);
    };
  }

  /** Binary COPY straight into the target table, for rows whose keys are all new. */
  public String copyIntoTable() {
    return "COPY " + qualifiedName + " (" + columnList + ") FROM STDIN (FORMAT binary)";
  }

  /**
   * Moves the staging rows into the target: a row whose key exists replaces it (only if some value
   * differs, so a repeated run rewrites nothing).
   */
  public String upsertFromStaging() {
    List<Column> valueColumns = valueColumns();
    return "INSERT INTO "
        + qualifiedName
        + " AS target ("
        + columnList
        + ") SELECT "
        + columnList
        + " FROM "
        + stagingName
        + " ON CONFLICT ("
        + names(table.keyColumns())
        + ") DO UPDATE SET "
        + assignments(valueColumns)
        + " WHERE ("
        + names(valueColumns, "target.")
        + ") IS DISTINCT FROM ("
        + names(valueColumns, "EXCLUDED.")
        + ")";
  }

  /**
   * Inserts or replaces one checkpoint row, given as parameters in column order; used only on the
   * checkpoints table.
   */
  public String upsertRow() {
    String parameters =
        table.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO "
        + qualifiedName
        + " ("
        + columnList
        + ") VALUES ("
        + parameters
        + ") ON CONFLICT ("
        + names(table.keyColumns())
        + ") DO UPDATE SET "
        + assignments(valueColumns());
  }

  /**
   * The record ranges of one source (parameter 1) that have a checkpoint row, with the run that
   * committed the latest part of each and the number of table parts committed, latest first.
   */
  public String checkpointedRanges() {
    return "SELECT first_record_index, last_record_index,"
        + " (array_agg(run_id ORDER BY committed_at DESC))[1], count(DISTINCT table_name) FROM "
        + qualifiedName
        + " WHERE source_key = ? GROUP BY first_record_index, last_record_index"
        + " ORDER BY max(committed_at) DESC";
  }

  /** Empties the staging table between the loads of a split chunk. */
  public String truncateStaging() {
    return "TRUNCATE " + stagingName;
  }

  /** The PostgreSQL type of a column type. */
  static String sqlType(ColumnType type) {
    return switch (type) {
      case TEXT -> "text";
      case TEXT_ARRAY -> "text[]";
      case BOOLEAN -> "boolean";
      case DOUBLE -> "double precision";
      case BIGINT -> "bigint";
      case TIMESTAMP -> "timestamptz";
    };
  }

  private String columnDefinitions() {
    return table.columns().stream()
        .map(
            column ->
                Identifiers.quote(column.name())
                    + " "
                    + sqlType(column.type())
                    + (column.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", "));
  }

  /** The columns after the key columns, which a replaced row updates. */
  private List<Column> valueColumns() {
    return table.columns().subList(table.keyColumns().size(), table.columns().size());
  }

  /** {@code "a" = EXCLUDED."a", ...} for the given columns. */
  private static String assignments(List<Column> columns) {
    return columns.stream()
        .map(column -> Identifiers.quote(column.name()) + " = " + qualified("EXCLUDED.", column))
        .collect(Collectors.joining(", "));
  }

  private static String names(List<Column> columns) {
    return names(columns, "");
  }

  /** The quoted column names, each after {@code qualifier}, joined by commas. */
  private static String names(List<Column> columns, String qualifier) {
    return columns.stream()
        .map(column -> qualified(qualifier, column))
        .collect(Collectors.joining(", "));
  }

  private static String qualified(String qualifier, Column column) {
    return qualifier + Identifiers.quote(column.name());
  }
}
