package org.clinicalingest.examples.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Looks observations up with one prepared statement and keeps the last row, since the gold file
 * asks for the fields of one observation one after another.
 */
final class JdbcTextLookup implements TextLookup {
  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final PreparedStatement statement;
  private String cachedId;
  private String[] cachedRow;

  JdbcTextLookup(Connection connection, String table) {
    Objects.requireNonNull(connection, "connection");
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table must be an identifier such as clinical.observations, was " + table);
    }
    try {
      statement =
          connection.prepareStatement(
              "SELECT notes, interpretation, value_string FROM "
                  + table
                  + " WHERE observation_id = ?");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot prepare the lookup in " + table + ", SQLSTATE " + e.getSQLState(), e);
    }
  }

  @Override
  public Optional<String> text(String observationId, String field) {
    if (!observationId.equals(cachedId)) {
      cachedRow = fetch(observationId);
      cachedId = observationId;
    }
    if (cachedRow == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (field) {
          case "notes" -> cachedRow[0];
          case "interpretation" -> cachedRow[1];
          case "value_string" -> cachedRow[2];
          default -> null;
        });
  }

  private String[] fetch(String observationId) {
    try {
      statement.setString(1, observationId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        return new String[] {rows.getString(1), rows.getString(2), rows.getString(3)};
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "lookup of observation " + observationId + " failed, SQLSTATE " + e.getSQLState(), e);
    }
  }

  @Override
  public void close() {
    try {
      statement.close();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot close the lookup statement, SQLSTATE " + e.getSQLState(), e);
    }
  }
}
