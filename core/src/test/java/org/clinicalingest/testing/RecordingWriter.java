package org.clinicalingest.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.SourceCheckpoint;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;

/**
 * An in-memory {@link BulkWriter} for tests of the pipeline's own logic: keeps the chunks it was
 * given and the resulting table contents keyed like a database would. Can be told to refuse rows or
 * to fail at a chunk. Thread-safe.
 */
public final class RecordingWriter implements BulkWriter {
  private final List<Chunk> chunks = new ArrayList<>();
  private final Map<Table, Map<String, Row>> tables = new EnumMap<>(Table.class);
  private final Map<List<Object>, Row> quarantine = new LinkedHashMap<>();
  private final List<Row> checkpoints = new ArrayList<>();
  private Predicate<Row> refuse = row -> false;
  private Predicate<Chunk> fail = chunk -> false;
  private int maxConcurrentWrites = 1;
  private boolean closed;

  public RecordingWriter() {
    for (Table table : Table.dataTables()) {
      tables.put(table, new LinkedHashMap<>());
    }
  }

  /** Makes the writer refuse data rows matching {@code predicate}, as a database would. */
  public RecordingWriter refusing(Predicate<Row> predicate) {
    this.refuse = predicate;
    return this;
  }

  /**
   * Lets the pipeline write this many chunks at once; each write then waits a random moment before
   * it commits, so that writes finish out of order as a pooled store's would.
   */
  public RecordingWriter concurrently(int writes) {
    this.maxConcurrentWrites = writes;
    return this;
  }

  @Override
  public int maxConcurrentWrites() {
    return maxConcurrentWrites;
  }

  /** Makes the writer fail as a lost store would when it gets a chunk of this sequence. */
  public RecordingWriter failingAt(long sequence) {
    return failingWhen(chunk -> chunk.sequence() == sequence);
  }

  /**
   * Makes the writer fail as a lost store would when it gets a chunk matching {@code predicate}.
   */
  public synchronized RecordingWriter failingWhen(Predicate<Chunk> predicate) {
    this.fail = predicate;
    return this;
  }

  @Override
  public WriteResult write(Chunk chunk) {
    if (maxConcurrentWrites > 1) {
      try {
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(4));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WriteException("interrupted writing " + chunk.describe());
      }
    }
    return commit(chunk);
  }

  private synchronized WriteResult commit(Chunk chunk) {
    if (fail.test(chunk)) {
      throw new WriteException("store lost while writing " + chunk.describe());
    }
    chunks.add(chunk);
    List<RowFailure> failures = new ArrayList<>();
    Map<Table, Long> written = new EnumMap<>(Table.class);
    for (Table table : Table.dataTables()) {
      long count = 0;
      for (Row row : chunk.rows(table)) {
        if (refuse.test(row)) {
          failures.add(new RowFailure(table, row.key(), "23514 check_violation"));
        } else {
          tables.get(table).put(row.key(), row);
          count++;
        }
      }
      written.put(table, count);
    }
    for (Row row : chunk.rows(Table.QUARANTINE)) {
      quarantine.put(row.values().subList(0, Table.QUARANTINE.keyColumns().size()), row);
    }
    checkpoints.addAll(chunk.rows(Table.CHECKPOINTS));
    written.put(Table.QUARANTINE, (long) chunk.rows(Table.QUARANTINE).size());
    return new WriteResult(written, failures);
  }

  /** Ranges whose four table parts all have a checkpoint row, as a database writer reports them. */
  @Override
  public synchronized Optional<SourceCheckpoint> checkpoint(String sourceKey) {
    Map<List<Object>, Integer> parts = new LinkedHashMap<>();
    String runId = null;
    for (Row row : checkpoints) {
      if (row.values().get(0).equals(sourceKey)) {
        parts.merge(List.of(row.values().get(1), row.values().get(3)), 1, Integer::sum);
        runId = (String) row.values().get(4);
      }
    }
    List<RecordRange> committed = new ArrayList<>();
    parts.forEach(
        (range, count) -> {
          if (count == Table.checkpointedTables().size()) {
            committed.add(new RecordRange((Long) range.get(0), (Long) range.get(1)));
          }
        });
    return runId == null ? Optional.empty() : Optional.of(new SourceCheckpoint(runId, committed));
  }

  /** Stops failing, as a store that came back would. */
  public synchronized RecordingWriter recovered() {
    this.fail = chunk -> false;
    return this;
  }

  /** The chunks written, in order: each range of records as a data chunk, then a quarantine one. */
  public synchronized List<Chunk> chunks() {
    return List.copyOf(chunks);
  }

  /** The rows of a data table, by key, as a database keyed by id would hold them. */
  public synchronized Map<String, Row> rows(Table table) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(tables.get(table)));
  }

  /** The quarantine rows, by key (run, source, record index, path), as a database holds them. */
  public synchronized List<Row> quarantineRows() {
    return List.copyOf(quarantine.values());
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
