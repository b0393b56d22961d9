package org.clinicalingest.spi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link BulkWriter} did with a chunk.
 *
 * @param rowsWritten rows committed, by table
 * @param failures rows refused by the database and left out; the rest of the chunk was committed
 */
public record WriteResult(Map<Table, Long> rowsWritten, List<RowFailure> failures) {

  public WriteResult {
    Map<Table, Long> copy = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      copy.put(table, rowsWritten.getOrDefault(table, 0L));
    }
    rowsWritten = java.util.Collections.unmodifiableMap(copy);
    failures = List.copyOf(failures);
  }

  /** A result where every row of the chunk was written. */
  public static WriteResult allWritten(Chunk chunk) {
    Map<Table, Long> written = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      written.put(table, (long) chunk.rows(table).size());
    }
    return new WriteResult(written, List.of());
  }

  /** Rows committed to one table. */
  public long rowsWritten(Table table) {
    return rowsWritten.get(table);
  }
}
