package org.clinicalingest.benchmarks.write;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/**
 * The baseline the COPY writer is measured against: a JDBC batch of {@code INSERT ... ON CONFLICT
 * (key) DO UPDATE SET ... WHERE ... IS DISTINCT FROM ...} per table, the same upsert the COPY
 * writer runs from its staging table, one transaction per table, on one connection. With {@code
 * reWriteBatchedInserts=true} pgjdbc sends multi-row {@code VALUES} statements, otherwise one
 * statement per row (pipelined).
 */
final class PostgresBatchInsert implements AutoCloseable {

  private final Connection connection;
  private final String schema;
  private final String prefix;

  PostgresBatchInsert(String url, boolean rewriteBatchedInserts, String schema, String prefix)
      throws SQLException {
    String separator = url.contains("?") ? "&" : "?";
    this.connection =
        DriverManager.getConnection(
            url + separator + "reWriteBatchedInserts=" + rewriteBatchedInserts);
    this.schema = schema;
    this.prefix = prefix;
  }

  /** Upserts every table's rows of the chunk, committing per table; returns the rows sent. */
  long write(Chunk chunk) throws SQLException {
    long rows = 0;
    connection.setAutoCommit(false);
    for (Table table : Table.values()) {
      List<Row> tableRows = chunk.rows(table);
      if (tableRows.isEmpty()) {
        continue;
      }
      try (PreparedStatement insert = connection.prepareStatement(upsert(table))) {
        for (Row row : tableRows) {
          bind(insert, table.columns(), row);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      rows += tableRows.size();
    }
    connection.setAutoCommit(true);
    return rows;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private void bind(PreparedStatement insert, List<Column> columns, Row row) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      Object value = row.values().get(i);
      int index = i + 1;
      switch (columns.get(i).type()) {
        case TEXT -> insert.setString(index, (String) value);
        case TEXT_ARRAY -> {
          if (value == null) {
            insert.setNull(index, Types.ARRAY);
          } else {
            insert.setArray(index, connection.createArrayOf("text", ((List<?>) value).toArray()));
          }
        }
        case BOOLEAN -> insert.setObject(index, value, Types.BOOLEAN);
        case DOUBLE -> insert.setObject(index, value, Types.DOUBLE);
        case BIGINT -> insert.setObject(index, value, Types.BIGINT);
        case TIMESTAMP ->
            insert.setObject(
                index,
                value == null ? null : ((Instant) value).atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
      }
    }
  }

  private String upsert(Table table) {
    List<Column> columns = table.columns();
    List<Column> values = columns.subList(table.keyColumns().size(), columns.size());
    return "INSERT INTO \""
        + schema
        + "\".\""
        + prefix
        + table.tableName()
        + "\" AS target ("
        + names(columns, "")
        + ") VALUES ("
        + columns.stream().map(column -> "?").collect(Collectors.joining(", "))
        + ") ON CONFLICT ("
        + names(table.keyColumns(), "")
        + ") DO UPDATE SET "
        + values.stream()
            .map(column -> "\"" + column.name() + "\" = EXCLUDED.\"" + column.name() + "\"")
            .collect(Collectors.joining(", "))
        + " WHERE ("
        + names(values, "target.")
        + ") IS DISTINCT FROM ("
        + names(values, "EXCLUDED.")
        + ")";
  }

  private static String names(List<Column> columns, String qualifier) {
    return columns.stream()
        .map(column -> qualifier + "\"" + column.name() + "\"")
        .collect(Collectors.joining(", "));
  }
}
