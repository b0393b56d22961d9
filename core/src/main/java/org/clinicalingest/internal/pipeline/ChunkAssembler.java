package org.clinicalingest.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.ReadException;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.spi.ParsedRecord;
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
 */
final class ChunkAssembler {
  private final RecordReader reader;
  private final String source;
  private final int targetRows;
  private final SequenceCounter sequences;
  private ReadException pendingFailure;
  private boolean finished;

  ChunkAssembler(RecordReader reader, String source, int targetRows, SequenceCounter sequences) {
    this.reader = reader;
    this.source = source;
    this.targetRows = targetRows;
    this.sequences = sequences;
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
    return Optional.of(new RecordBatch(sequences.next(), source, records, rows));
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
