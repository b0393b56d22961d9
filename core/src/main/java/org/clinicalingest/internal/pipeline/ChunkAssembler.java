package org.clinicalingest.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.ReadException;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;

/**
 * Groups the records of one source into batches of about {@code targetRows} rows, counting each
 * patient with its encounters and observations.
 *
 * <p>Chunks are sized by rows, not by patients, because the cost of every later stage (validation,
 * redaction, the write) grows with rows, and patients differ a hundredfold in their number of
 * observations. A batch closes at the first record that reaches the target, so it holds whole
 * patients. When the reader fails, the records read before the failure still form a last batch and
 * the failure is thrown on the following call, so that everything before it is committed.
 *
 * <p>Records in ranges committed by an earlier run are read over and skipped; a batch ends before
 * such a range, so that its own checkpoint range covers only records it holds or committed ones.
 */
final class ChunkAssembler {
  private final RecordReader reader;
  private final String source;
  private final String sourceKey;
  private final List<RecordRange> committed;
  private final int targetRows;
  private final SequenceCounter sequences;
  private ReadException pendingFailure;
  private boolean finished;
  private int nextRange;
  private long skipped;

  ChunkAssembler(
      RecordReader reader,
      String source,
      String sourceKey,
      List<RecordRange> committed,
      int targetRows,
      SequenceCounter sequences) {
    this.reader = reader;
    this.source = source;
    this.sourceKey = sourceKey;
    this.committed = committed;
    this.targetRows = targetRows;
    this.sequences = sequences;
  }

  /** Top-level records skipped so far because an earlier run committed them. */
  long skipped() {
    return skipped;
  }

  /** The next batch, or empty at the end of the source. */
  Optional<RecordBatch> next() {
    if (pendingFailure != null) {
      throw pendingFailure;
    }
    if (finished) {
      return Optional.empty();
    }
    List<SourceRecord> records = new ArrayList<>();
    long rows = 0;
    try {
      while (rows < targetRows) {
        Optional<SourceRecord> record = reader.next();
        if (record.isEmpty()) {
          finished = true;
          break;
        }
        if (isCommitted(record.get().position().recordIndex())) {
          skipped++;
          if (!records.isEmpty()) {
            break;
          }
          continue;
        }
        records.add(record.get());
        rows += rowsOf(record.get());
      }
    } catch (ReadException failure) {
      if (records.isEmpty()) {
        throw failure;
      }
      pendingFailure = failure;
    }
    if (records.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(RecordBatch.of(sequences.next(), source, sourceKey, records, rows));
  }

  private boolean isCommitted(long recordIndex) {
    while (nextRange < committed.size() && committed.get(nextRange).last() < recordIndex) {
      nextRange++;
    }
    return nextRange < committed.size() && committed.get(nextRange).contains(recordIndex);
  }

  static long rowsOf(SourceRecord record) {
    if (!(record instanceof ParsedRecord parsed)) {
      return 1;
    }
    long rows = 1;
    for (Encounter encounter : parsed.patient().encounters()) {
      rows += 1 + encounter.observations().size();
    }
    return rows;
  }
}
