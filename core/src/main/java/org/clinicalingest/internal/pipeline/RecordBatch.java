package org.clinicalingest.internal.pipeline;

import java.util.List;
import org.clinicalingest.spi.SourceRecord;

/**
 * Consecutive top-level records of one source, read but not yet processed.
 *
 * @param sourceKey the source's identity for checkpoints
 * @param records the records, in source order; none once the batch is processed ({@link
 *     #withoutRecords})
 * @param firstRecordIndex the index in its source of the batch's first record
 * @param lastRecordIndex the index in its source of the batch's last record
 */
record RecordBatch(
    long sequence,
    String source,
    String sourceKey,
    List<SourceRecord> records,
    long rowCount,
    long firstRecordIndex,
    long lastRecordIndex) {

  RecordBatch {
    records = List.copyOf(records);
  }

  /** A batch of {@code records}, which must not be empty. */
  static RecordBatch of(
      long sequence, String source, String sourceKey, List<SourceRecord> records, long rowCount) {
    return new RecordBatch(
        sequence,
        source,
        sourceKey,
        records,
        rowCount,
        records.get(0).position().recordIndex(),
        records.get(records.size() - 1).position().recordIndex());
  }

  /**
   * The batch without its records: once it is processed, only its rows wait to be written, and the
   * parsed records, notes included, need not stay in memory until then.
   */
  RecordBatch withoutRecords() {
    return new RecordBatch(
        sequence, source, sourceKey, List.of(), rowCount, firstRecordIndex, lastRecordIndex);
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
