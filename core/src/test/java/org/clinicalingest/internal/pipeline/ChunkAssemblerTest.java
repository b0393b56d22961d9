package org.clinicalingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.ReadException;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.UnreadableRecord;
import org.junit.jupiter.api.Test;

class ChunkAssemblerTest {

  @Test
  void sizesBatchesByRowsOfAllTables() {
    // Each patient has 2 encounters of 3 observations: 1 + 2 + 6 = 9 rows.
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(patient(i, 2, 3));
    }
    ChunkAssembler assembler = assembler(records, 20);

    List<RecordBatch> batches = drain(assembler);

    assertThat(batches).extracting(batch -> batch.records().size()).containsExactly(3, 3, 3, 1);
    assertThat(batches).extracting(RecordBatch::rowCount).containsExactly(27L, 27L, 27L, 9L);
    assertThat(batches).extracting(RecordBatch::sequence).containsExactly(0L, 1L, 2L, 3L);
    assertThat(batches.get(1).firstRecordIndex()).isEqualTo(3);
    assertThat(batches.get(1).lastRecordIndex()).isEqualTo(5);
  }

  @Test
  void aBatchWithoutItsRecordsStillNamesItsRange() {
    List<SourceRecord> records = List.of(patient(7, 1, 1), patient(8, 0, 0), patient(9, 2, 0));
    RecordBatch batch = drain(assembler(records, 100)).get(0);

    RecordBatch processed = batch.withoutRecords();

    assertThat(processed.records()).isEmpty();
    assertThat(processed.firstRecordIndex()).isEqualTo(7);
    assertThat(processed.lastRecordIndex()).isEqualTo(9);
    assertThat(processed.rowCount()).isEqualTo(batch.rowCount());
    assertThat(processed.describe())
        .isEqualTo(batch.describe())
        .isEqualTo("chunk 0 of a.ndjson (records 7-9)");
  }

  @Test
  void countsAnUnreadableRecordAsOneRow() {
    SourceRecord unreadable =
        new UnreadableRecord(new RecordPosition("a.ndjson", 0, 1, 1, 0), "not an object", "");

    assertThat(ChunkAssembler.rowsOf(unreadable)).isEqualTo(1);
    assertThat(ChunkAssembler.rowsOf(patient(1, 3, 4))).isEqualTo(16);
  }

  @Test
  void returnsRecordsReadBeforeAFailureThenTheFailure() {
    ReadException failure = new ReadException("a.json: malformed JSON at byte 100");
    List<SourceRecord> records = List.of(patient(0, 0, 0), patient(1, 0, 0));
    ChunkAssembler assembler =
        new ChunkAssembler(
            new ListReader(records, failure),
            "a.json",
            "key",
            List.of(),
            100,
            new SequenceCounter());

    assertThat(assembler.next()).get().extracting(batch -> batch.records().size()).isEqualTo(2);
    assertThatThrownBy(assembler::next).isSameAs(failure);
  }

  @Test
  void endsWithEmptyForAnEmptySource() {
    assertThat(assembler(List.of(), 10).next()).isEmpty();
  }

  @Test
  void skipsCommittedRangesAndEndsABatchBeforeThem() {
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(patient(i, 0, 0));
    }
    ChunkAssembler assembler =
        new ChunkAssembler(
            new ListReader(records, null),
            "a.ndjson",
            "key",
            List.of(new RecordRange(2, 4), new RecordRange(7, 7)),
            100,
            new SequenceCounter());

    List<RecordBatch> batches = drain(assembler);

    assertThat(batches)
        .extracting(batch -> batch.records().stream().map(r -> r.position().recordIndex()).toList())
        .containsExactly(List.of(0L, 1L), List.of(5L, 6L), List.of(8L, 9L));
    assertThat(assembler.skipped()).isEqualTo(4);
    assertThat(batches).allMatch(batch -> batch.sourceKey().equals("key"));
  }

  private static ChunkAssembler assembler(List<SourceRecord> records, int targetRows) {
    return new ChunkAssembler(
        new ListReader(records, null),
        "a.ndjson",
        "key",
        List.of(),
        targetRows,
        new SequenceCounter());
  }

  private static List<RecordBatch> drain(ChunkAssembler assembler) {
    List<RecordBatch> batches = new ArrayList<>();
    for (Optional<RecordBatch> batch = assembler.next();
        batch.isPresent();
        batch = assembler.next()) {
      batches.add(batch.get());
    }
    return batches;
  }

  private static ParsedRecord patient(int index, int encounters, int observationsEach) {
    List<Encounter> encounterList = new ArrayList<>();
    for (int e = 0; e < encounters; e++) {
      List<Observation> observations = new ArrayList<>();
      for (int o = 0; o < observationsEach; o++) {
        observations.add(Observation.builder().observationId("o" + index + e + o).build());
      }
      encounterList.add(
          Encounter.builder().encounterId("e" + index + e).observations(observations).build());
    }
    Patient patient = Patient.builder().patientId("p" + index).encounters(encounterList).build();
    return new ParsedRecord(
        new RecordPosition("a.ndjson", index, index + 1, 1, index * 100L),
        patient,
        List.of(),
        0,
        "");
  }

  /** Returns the given records, then fails or ends. */
  private static final class ListReader implements RecordReader {
    private final Iterator<SourceRecord> records;
    private final ReadException failure;

    ListReader(List<SourceRecord> records, ReadException failure) {
      this.records = records.iterator();
      this.failure = failure;
    }

    @Override
    public Optional<SourceRecord> next() {
      if (records.hasNext()) {
        return Optional.of(records.next());
      }
      if (failure != null) {
        throw failure;
      }
      return Optional.empty();
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    public long totalBytes() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
