package org.clinicalingest.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a store holds of one source file from earlier runs: the run that wrote it and the record
 * ranges whose every table part is committed.
 *
 * @param runId the run that committed the latest table part of any range, complete or not
 * @param committed committed ranges, sorted by their first record
 */
public record SourceCheckpoint(String runId, List<RecordRange> committed) {

  public SourceCheckpoint {
    Objects.requireNonNull(runId, "runId");
    committed = committed.stream().sorted(Comparator.comparingLong(RecordRange::first)).toList();
  }

  /** Records in the committed ranges. */
  public long committedRecords() {
    return committed.stream().mapToLong(range -> range.last() - range.first() + 1).sum();
  }
}
