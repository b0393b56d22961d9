package org.clinicalingest.spi;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of work for a {@link BulkWriter}: redacted rows of consecutive records of one source file,
 * for some or all tables, with the checkpoint rows of the table parts it commits (see {@link
 * BulkWriter}).
 *
 * <p>Within a chunk each table holds at most one row per key. Immutable.
 *
 * @param runId the id of the run the chunk belongs to
 * @param sequence zero-based sequence number of the chunk in the run
 * @param source name of the source file
 * @param firstRecordIndex index of the chunk's first top-level record in the file
 * @param lastRecordIndex index of its last top-level record
 * @param rows rows by table; tables without rows may be missing
 */
public record Chunk(
    String runId,
    long sequence,
    String source,
    long firstRecordIndex,
    long lastRecordIndex,
    Map<Table, List<Row>> rows) {

  public Chunk {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(source, "source");
    Map<Table, List<Row>> copy = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      copy.put(table, List.copyOf(rows.getOrDefault(table, List.of())));
    }
    rows = java.util.Collections.unmodifiableMap(copy);
  }

  /** The rows of one table, possibly none. */
  public List<Row> rows(Table table) {
    return rows.get(table);
  }

  /** Rows over all tables. */
  public int rowCount() {
    return rows.values().stream().mapToInt(List::size).sum();
  }

  /** Names the chunk for messages: {@code chunk 12 of a.ndjson (records 55000-59999)}. */
  public String describe() {
    return "chunk "
        + sequence
        + " of "
        + source
        + " (records "
        + firstRecordIndex
        + "-"
        + lastRecordIndex
        + ")";
  }
}
