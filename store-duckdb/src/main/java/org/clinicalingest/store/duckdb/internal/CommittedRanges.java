package org.clinicalingest.store.duckdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.SourceCheckpoint;
import org.clinicalingest.spi.Table;

/**
 * Reads from the checkpoints table which record ranges of a source earlier runs committed.
 *
 * <p>Design: a chunk's checkpoint rows, one per table part ({@link Table#checkpointedTables()}),
 * commit in the chunk's transaction, or after every other part when a row error makes the writer
 * commit the parts one by one ({@link ChunkWriter}); either way a range counts as committed only
 * when a row exists for each of those parts, which one grouped query checks. The run of the range
 * committed last is the source's run.
 */
public final class CommittedRanges {

  private CommittedRanges() {}

  /**
   * The committed ranges of the source and the run that committed the latest of them; empty if none
   * is complete. Not thread-safe: uses the connection from the calling thread.
   *
   * @throws SQLException if the database fails
   */
  public static Optional<SourceCheckpoint> read(
      Connection connection, TableLayout layout, String sourceKey) throws SQLException {
    List<Table> parts = Table.checkpointedTables();
    List<RecordRange> ranges = new ArrayList<>();
    String runId = null;
    try (PreparedStatement query =
        connection.prepareStatement(layout.committedRangesSql(parts.size()))) {
      query.setString(1, sourceKey);
      for (int index = 0; index < parts.size(); index++) {
        query.setString(index + 2, parts.get(index).tableName());
      }
      query.setLong(parts.size() + 2, parts.size());
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          ranges.add(new RecordRange(result.getLong(1), result.getLong(2)));
          if (runId == null) {
            runId = result.getString(3);
          }
        }
      }
    }
    return runId == null ? Optional.empty() : Optional.of(new SourceCheckpoint(runId, ranges));
  }
}
