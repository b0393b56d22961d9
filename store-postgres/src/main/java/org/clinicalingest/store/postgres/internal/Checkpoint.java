package org.clinicalingest.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.clinicalingest.spi.Row;

/**
 * The checkpoint row of one table part, inserted in that part's transaction so that a range counts
 * as committed only when every part of its chunk is.
 */
record Checkpoint(TableStatements checkpoints, Row row) {

  void insert(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(checkpoints.upsertRow())) {
      List<Object> values = row.values();
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        insert.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
      }
      insert.executeUpdate();
    }
  }
}
