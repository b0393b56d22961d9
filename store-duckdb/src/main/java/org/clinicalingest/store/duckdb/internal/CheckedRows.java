package org.clinicalingest.store.duckdb.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;

/**
 * One table's rows of a chunk, each checked against the table's columns ({@link RowValues#problem})
 * during the first pass over them; iterating gives the rows that fit.
 *
 * <p>Design: a chunk's values are spread over the heap and seldom still in the processor's caches
 * when the writer gets the chunk, so the first read of each costs a cache miss. Checking every row
 * before appending any read each value from memory twice: over the 48,078 rows of 3,000 generated
 * patients a pass of the check alone took about 48 ms, against 330–400 ms of the writer's thread
 * for the whole write. Here the first pass checks a row just before the caller appends it, so the
 * Appender reads values the check has just brought into the cache (the writer's thread CPU:
 * 0.92–0.97 of checking first, the medians of three runs alternating both ways in one JVM). The
 * rows that fit and those that do not are kept once a pass has gone through them all, and later
 * passes (a replacing write, isolating a row error) go over the rows that fit. A pass abandoned
 * half way, when the Appender throws, keeps nothing, and the next pass checks again. Not
 * thread-safe: one pass at a time.
 */
final class CheckedRows implements Iterable<Row> {

  private final Table table;
  private final List<Row> rows;
  private List<Row> fitting;
  private List<RowFailure> misfits;

  /** The {@code rows} of {@code table}, not checked yet. */
  CheckedRows(Table table, List<Row> rows) {
    this.table = table;
    this.rows = rows;
  }

  /** Whether the chunk has no rows for this table, fitting or not. */
  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows that fit their columns, in chunk order; checks them if no pass has gone through. */
  List<Row> fitting() {
    checkAll();
    return fitting;
  }

  /** The rows that do not fit, with the reason; checks them if no pass has gone through. */
  List<RowFailure> misfits() {
    checkAll();
    return misfits;
  }

  /**
   * The rows that fit, in chunk order, each checked as it is reached if no pass has gone through.
   */
  @Override
  public Iterator<Row> iterator() {
    return fitting != null ? fitting.iterator() : new CheckingPass();
  }

  private void checkAll() {
    if (fitting == null) {
      iterator().forEachRemaining(row -> {});
    }
  }

  /** The first pass: checks each row as it is reached and keeps the outcome when it ends. */
  private final class CheckingPass implements Iterator<Row> {

    private final List<Row> passed = new ArrayList<>(rows.size());
    private final List<RowFailure> failed = new ArrayList<>();
    private final Iterator<Row> unchecked = rows.iterator();
    private Row next;

    @Override
    public boolean hasNext() {
      while (next == null && unchecked.hasNext()) {
        Row row = unchecked.next();
        Optional<String> problem = RowValues.problem(table, row);
        if (problem.isPresent()) {
          failed.add(new RowFailure(table, ChunkWriter.key(table, row), problem.get()));
        } else {
          passed.add(row);
          next = row;
        }
      }
      if (next == null && fitting == null) {
        fitting = passed;
        misfits = failed;
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }
  }
}
