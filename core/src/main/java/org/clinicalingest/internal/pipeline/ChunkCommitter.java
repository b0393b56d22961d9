package org.clinicalingest.internal.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.Stage;
import org.clinicalingest.WriteException;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.QuarantineSink;
import org.clinicalingest.spi.RecordKind;
import org.clinicalingest.spi.Rejection;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes prepared batches in sequence order and keeps the run's accounts.
 *
 * <p>Batches are committed in the order they were read so that, when two records share an id, the
 * later one is written last and wins, as FORMAT.md requires. Ids already written are remembered as
 * 64-bit hashes to count duplicates across chunks. A row the database refuses is quarantined with
 * the database's reason in a follow-up write, which also commits the quarantine part's checkpoint,
 * so that {@code read == written + quarantined} holds whatever the store does, even across a crash.
 * Not thread-safe: one committer thread.
 */
final class ChunkCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkCommitter.class);

  private final String runId;
  private final BulkWriter writer;
  private final QuarantineSink sink;
  private final Clock clock;
  private final StageTimes times;
  private final Map<Table, LongHashSet> writtenIds = new EnumMap<>(Table.class);
  private final Map<PhiType, Long> spanCounts = new EnumMap<>(PhiType.class);
  private final ReasonTally reasons = new ReasonTally();
  private RecordCounts read = RecordCounts.ZERO;
  private RecordCounts written = RecordCounts.ZERO;
  private RecordCounts quarantined = RecordCounts.ZERO;
  private RecordCounts duplicates = RecordCounts.ZERO;
  private long unknownFields;

  ChunkCommitter(
      String runId, BulkWriter writer, QuarantineSink sink, Clock clock, StageTimes times) {
    this.runId = runId;
    this.writer = writer;
    this.sink = sink;
    this.clock = clock;
    this.times = times;
    for (Table table : Table.dataTables()) {
      writtenIds.put(table, new LongHashSet());
    }
  }

  /**
   * Remembers the ids a batch writes, in read order, before its write starts.
   *
   * @return the batch's rows whose id an earlier chunk already wrote, by kind; the caller must let
   *     earlier writes commit first when any are counted, so that the later record wins
   */
  RecordCounts recordIds(PreparedBatch prepared) {
    long[] repeated = new long[3];
    for (Table table : Table.dataTables()) {
      LongHashSet ids = writtenIds.get(table);
      for (Row row : prepared.rows().get(table)) {
        if (!ids.add(LongHashSet.hash(row.key()))) {
          repeated[table.ordinal()]++;
        }
      }
    }
    return new RecordCounts(repeated[0], repeated[1], repeated[2]);
  }

  /** How many ids {@link #recordIds} remembers so far, over all tables. */
  long rememberedIds() {
    long ids = 0;
    for (LongHashSet set : writtenIds.values()) {
      ids += set.size();
    }
    return ids;
  }

  /**
   * Writes and commits a batch, then the quarantine rows of any rows the store refused. Safe to
   * call from several threads for different batches.
   *
   * <p>The quarantine part's checkpoint row commits with that second write, so a range counts as
   * committed only once every record of it is written or quarantined: a crash between the two
   * writes leaves the range incomplete, and a resume writes it again (idempotently).
   *
   * @return the rejections of the refused rows
   */
  List<Rejection> write(PreparedBatch prepared) {
    RecordBatch batch = prepared.batch();
    Instant now = clock.instant();
    Map<Table, List<Row>> rows = new EnumMap<>(prepared.rows());
    rows.put(Table.QUARANTINE, quarantineRows(prepared.rejections(), now));
    rows.put(Table.CHECKPOINTS, checkpointRows(batch, now, Table.dataTables()));
    Chunk chunk = chunk(batch, rows);

    WriteResult result = write(chunk);
    List<Rejection> refused = refusedRows(prepared, result.failures(), chunk);
    Map<Table, List<Row>> quarantinePart = new EnumMap<>(Table.class);
    quarantinePart.put(Table.QUARANTINE, quarantineRows(refused, now));
    quarantinePart.put(Table.CHECKPOINTS, checkpointRows(batch, now, List.of(Table.QUARANTINE)));
    write(chunk(batch, quarantinePart));
    return refused;
  }

  /**
   * Accounts for a written batch and hands its rejections to the sink; called in read order from
   * one thread.
   */
  void account(PreparedBatch prepared, RecordCounts repeatedIds, List<Rejection> refused) {
    RecordCounts refusedCounts = countByKind(refused);
    long[] rows = new long[3];
    for (Table table : Table.dataTables()) {
      rows[table.ordinal()] = prepared.rows().get(table).size();
    }
    RecordCounts batchWritten =
        new RecordCounts(
                rows[0] - refusedCounts.patients(),
                rows[1] - refusedCounts.encounters(),
                rows[2] - refusedCounts.observations())
            .plus(prepared.duplicates());
    read = read.plus(prepared.read());
    written = written.plus(batchWritten);
    quarantined = quarantined.plus(countByKind(prepared.rejections())).plus(refusedCounts);
    duplicates = duplicates.plus(prepared.duplicates()).plus(repeatedIds);
    unknownFields += prepared.unknownFields();
    prepared.spanCounts().forEach((type, count) -> spanCounts.merge(type, count, Long::sum));

    List<Rejection> allRejections = new ArrayList<>(prepared.rejections());
    allRejections.addAll(refused);
    for (Rejection rejection : allRejections) {
      LOG.debug("quarantined {}", rejection.describe());
      reasons.add(rejection);
      if (sink != null) {
        sink.accept(rejection);
      }
    }
  }

  private Chunk chunk(RecordBatch batch, Map<Table, List<Row>> rows) {
    return new Chunk(
        runId,
        batch.sequence(),
        batch.source(),
        batch.firstRecordIndex(),
        batch.lastRecordIndex(),
        rows);
  }

  private WriteResult write(Chunk chunk) {
    long start = System.nanoTime();
    try {
      WriteResult result = writer.write(chunk);
      for (RowFailure failure : result.failures()) {
        if (failure.table() == Table.QUARANTINE) {
          throw new WriteException(
              "the store refused a quarantine row of "
                  + chunk.describe()
                  + ": "
                  + failure.reason());
        }
      }
      return result;
    } finally {
      times.add(Stage.WRITE, System.nanoTime() - start);
    }
  }

  private List<Rejection> refusedRows(
      PreparedBatch prepared, List<RowFailure> failures, Chunk chunk) {
    List<Rejection> refused = new ArrayList<>();
    for (RowFailure failure : failures) {
      List<Row> tableRows = prepared.rows().get(failure.table());
      List<RowOrigin> tableOrigins = prepared.origins().get(failure.table());
      int index = indexOfKey(tableRows, failure.key());
      if (index < 0) {
        throw new WriteException(
            "writer reported a failure for a row that is not in " + chunk.describe());
      }
      RowOrigin origin = tableOrigins.get(index);
      refused.add(
          new Rejection(
              origin.position(),
              origin.kind(),
              RecordProcessor.safeId(failure.key()),
              origin.path(),
              List.of("database refused the row: " + failure.reason()),
              origin.raw()));
    }
    return refused;
  }

  private static int indexOfKey(List<Row> rows, String key) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static RecordCounts countByKind(List<Rejection> rejections) {
    long[] counts = new long[RecordKind.values().length];
    for (Rejection rejection : rejections) {
      counts[rejection.kind().ordinal()]++;
    }
    return new RecordCounts(counts[0], counts[1], counts[2]);
  }

  /** One checkpoint row per table part, each to be committed with that part. */
  private List<Row> checkpointRows(RecordBatch batch, Instant committedAt, List<Table> parts) {
    List<Row> rows = new ArrayList<>();
    for (Table table : parts) {
      rows.add(
          Row.of(
              batch.sourceKey(),
              batch.firstRecordIndex(),
              table.tableName(),
              batch.lastRecordIndex(),
              runId,
              batch.source(),
              committedAt));
    }
    return rows;
  }

  private List<Row> quarantineRows(List<Rejection> rejections, Instant rejectedAt) {
    List<Row> rows = new ArrayList<>(rejections.size());
    for (Rejection rejection : rejections) {
      rows.add(
          Row.of(
              runId,
              rejection.position().source(),
              rejection.position().recordIndex(),
              rejection.path(),
              rejection.position().line(),
              rejection.position().byteOffset(),
              rejection.kind().label(),
              rejection.recordId().isEmpty() ? null : rejection.recordId(),
              rejection.reasons(),
              rejection.raw().isEmpty() ? null : rejection.raw(),
              rejectedAt));
    }
    return rows;
  }

  RecordCounts read() {
    return read;
  }

  RecordCounts written() {
    return written;
  }

  RecordCounts quarantined() {
    return quarantined;
  }

  RecordCounts duplicates() {
    return duplicates;
  }

  long unknownFields() {
    return unknownFields;
  }

  Map<PhiType, Long> spanCounts() {
    return spanCounts;
  }

  Map<String, Long> quarantineReasons() {
    return reasons.mostFrequentFirst();
  }
}
