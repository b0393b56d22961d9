package org.clinicalingest.examples.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads written observations from a table, merging a scan in id order with the requests.
 *
 * <p>One query per observation is slow (milliseconds each in DuckDB, so over an hour for a million
 * notes); but gold files list observations in ascending id order, so the lookup reads the table in
 * pages of 10,000 rows ordered by {@code observation_id} (keyset paging, which works in any SQL
 * store and keeps memory bounded) and walks both in step. If the store sorts ids differently from
 * {@link String#compareTo} (a collation), or a request goes back in order, it falls back to one
 * query per observation, which is always right. Not thread-safe.
 */
final class JdbcTextLookup implements TextLookup {

  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final String COLUMNS = "observation_id, notes, interpretation, value_string";

  private final String table;
  private final int pageRows;
  private final PreparedStatement page;
  private final PreparedStatement single;
  private final List<String[]> rows = new ArrayList<>();
  private int position;
  private boolean exhausted;
  private boolean merging = true;
  private String lastScanned = "";
  private String lastRequested = "";
  private String cachedId;
  private String[] cachedRow;

  /** Reads {@code pageRows} rows per query; {@link TextLookup#jdbc} uses 10,000. */
  JdbcTextLookup(Connection connection, String table, int pageRows) {
    Objects.requireNonNull(connection, "connection");
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table must be an identifier such as clinical.observations, was " + table);
    }
    this.table = table;
    this.pageRows = pageRows;
    try {
      page =
          connection.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM "
                  + table
                  + " WHERE observation_id > ? ORDER BY observation_id LIMIT "
                  + pageRows);
      single =
          connection.prepareStatement(
              "SELECT " + COLUMNS + " FROM " + table + " WHERE observation_id = ?");
    } catch (SQLException e) {
      throw unreadableTable(e);
    }
  }

  /**
   * The table cannot be read (missing, or without the columns {@code ingest} writes), in the first
   * line of the driver's message: an error preparing or first running the query speaks of the table
   * and its columns, never of a row's values.
   */
  private IllegalStateException unreadableTable(SQLException e) {
    String message = e.getMessage() == null ? "the database refused the query" : e.getMessage();
    int lineEnd = message.indexOf('\n');
    return new IllegalStateException(
        "cannot read the notes of table "
            + table
            + ": "
            + (lineEnd < 0 ? message : message.substring(0, lineEnd)),
        e);
  }

  @Override
  public Optional<String> text(String observationId, String field) {
    if (!observationId.equals(cachedId)) {
      cachedRow = find(observationId);
      cachedId = observationId;
    }
    if (cachedRow == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (field) {
          case "notes" -> cachedRow[1];
          case "interpretation" -> cachedRow[2];
          case "value_string" -> cachedRow[3];
          default -> null;
        });
  }

  /** The row of an observation ({@code id, notes, interpretation, value_string}), or null. */
  private String[] find(String observationId) {
    if (!merging || observationId.compareTo(lastRequested) < 0) {
      return query(observationId);
    }
    lastRequested = observationId;
    while (true) {
      while (position < rows.size() && rows.get(position)[0].compareTo(observationId) < 0) {
        position++;
      }
      if (position < rows.size()) {
        String[] row = rows.get(position);
        return row[0].equals(observationId) ? row : null;
      }
      if (exhausted) {
        return null;
      }
      nextPage();
      if (!merging) {
        return query(observationId);
      }
    }
  }

  /** Reads the next page; stops merging if the store's order is not Java's. */
  private void nextPage() {
    rows.clear();
    position = 0;
    try {
      page.setString(1, lastScanned);
      try (ResultSet result = page.executeQuery()) {
        while (result.next()) {
          String[] row = {
            result.getString(1), result.getString(2), result.getString(3), result.getString(4)
          };
          if (row[0].compareTo(lastScanned) <= 0) {
            merging = false;
          }
          lastScanned = row[0];
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      if (lastScanned.isEmpty()) {
        throw unreadableTable(e); // PostgreSQL's driver prepares a query when it first runs it
      }
      throw new IllegalStateException(
          "scan of "
              + table
              + " after observation "
              + lastScanned
              + " failed, SQLSTATE "
              + e.getSQLState(),
          e);
    }
    exhausted = rows.size() < pageRows;
  }

  private String[] query(String observationId) {
    try {
      single.setString(1, observationId);
      try (ResultSet result = single.executeQuery()) {
        if (!result.next()) {
          return null;
        }
        return new String[] {
          result.getString(1), result.getString(2), result.getString(3), result.getString(4)
        };
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "lookup of observation " + observationId + " failed, SQLSTATE " + e.getSQLState(), e);
    }
  }

  @Override
  public void close() {
    try (page;
        single) {
      rows.clear();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot close the lookup statements, SQLSTATE " + e.getSQLState(), e);
    }
  }
}
