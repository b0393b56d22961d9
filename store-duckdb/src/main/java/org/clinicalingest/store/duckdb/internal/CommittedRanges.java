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
 * when a row exists for each of those parts, which one grouped query counts. The run that committed
 * the latest part of any range is the source's run, so that a run killed before its first complete
 * range is resumed under its own id and rewrites, rather than duplicates, the parts it committed.
 */
public final class CommittedRanges {

  private CommittedRanges() {}

  /**
   * The committed ranges of the source and the run that committed the latest part of any range;
   * empty if the source has no checkpoint row. Not thread-safe: uses the connection from the
   * calling thread.
   *
   * @throws SQLException if the database fails
   */
  public static Optional<SourceCheckpoint> read(
      Connection connection, TableLayout layout, String sourceKey) throws SQLException {
    List<Table> parts = Table.checkpointedTables();
    List<RecordRange> ranges = new ArrayList<>();
    String runId = null;
    try (PreparedStatement query =
        connection.prepareStatement(layout.checkpointedRangesSql(parts.size()))) {
      query.setString(1, sourceKey);
      for (int index = 0; index < parts.size(); index++) {
        query.setString(index + 2, parts.get(index).tableName());
      }
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          if (runId == null) {
            runId = result.getString(3);
          }
          if (result.getLong(4) == parts.size()) {
            ranges.add(new RecordRange(result.getLong(1), result.getLong(2)));
          }
        }
      }
    }
    return runId == null ? Optional.empty() : Optional.of(new SourceCheckpoint(runId, ranges));
  }
}
