package org.clinicalingest.internal.pipeline;

import java.util.List;
import org.clinicalingest.spi.SourceRecord;

/**
 * Consecutive top-level records of one source, read but not yet processed.
 *
 * @param sourceKey the source's identity for checkpoints
 */
record RecordBatch(
    long sequence, String source, String sourceKey, List<SourceRecord> records, long rowCount) {

  RecordBatch {
    records = List.copyOf(records);
  }

  long firstRecordIndex() {
    return records.get(0).position().recordIndex();
  }

  long lastRecordIndex() {
    return records.get(records.size() - 1).position().recordIndex();
  }

  /** Names the batch for messages: {@code chunk 12 of a.ndjson (records 55000-59999)}. */
  String describe() {
    return "chunk "
        + sequence
        + " of "
        + source
        + " (records "
        + firstRecordIndex()
        + "-"
        + lastRecordIndex()
        + ")";
  }
}
