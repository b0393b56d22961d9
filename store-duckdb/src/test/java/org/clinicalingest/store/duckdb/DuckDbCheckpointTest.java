package org.clinicalingest.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalingest.store.duckdb.TestRow.checkpoint;
import static org.clinicalingest.store.duckdb.TestRow.chunk;
import static org.clinicalingest.store.duckdb.TestRow.observation;
import static org.clinicalingest.store.duckdb.TestRow.patient;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.SourceCheckpoint;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCheckpointTest {

  private static final Instant FIRST_RUN = Instant.parse("2024-05-06T07:00:00Z");
  private static final Instant SECOND_RUN = Instant.parse("2024-05-07T07:00:00Z");

  @TempDir Path directory;

  private Path database() {
    return directory.resolve("clinical.duckdb");
  }

  private DuckDbAppenderWriter writer() {
    return DuckDbAppenderWriter.builder(database()).build();
  }

  /** A chunk's rows: one patient and its checkpoint rows for {@code parts}. */
  private static List<TestRow> rangeRows(
      String sourceKey, long first, long last, List<Table> parts, String runId, Instant at) {
    List<TestRow> rows = new ArrayList<>();
    rows.add(patient("pat-" + first));
    for (Table part : parts) {
      rows.add(checkpoint(sourceKey, first, last, part, runId, at));
    }
    return rows;
  }

  @Test
  void reportsNothingForASourceWithoutCheckpoints() {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(
          chunk(0, rangeRows("other", 0, 9, Table.checkpointedTables(), "run-1", FIRST_RUN)));

      assertThat(writer.checkpoint("source-a")).isEmpty();
    }
  }

  @Test
  void reportsARangeCommittedOnlyWhenEveryTablePartHasItsCheckpoint() {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(
          chunk(0, rangeRows("source-a", 0, 9, Table.checkpointedTables(), "run-1", FIRST_RUN)));
      writer.write(
          chunk(
              1,
              rangeRows(
                  "source-a",
                  10,
                  19,
                  List.of(Table.PATIENTS, Table.ENCOUNTERS, Table.OBSERVATIONS),
                  "run-1",
                  FIRST_RUN)));

      assertThat(writer.checkpoint("source-a"))
          .contains(new SourceCheckpoint("run-1", List.of(new RecordRange(0, 9))));
    }
  }

  @Test
  void reportsTheRunOfAPartlyCommittedRangeWithoutCountingTheRange() {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(
          chunk(0, rangeRows("source-a", 0, 9, List.of(Table.QUARANTINE), "run-1", FIRST_RUN)));

      assertThat(writer.checkpoint("source-a")).contains(new SourceCheckpoint("run-1", List.of()));
    }
  }

  @Test
  void reportsRangesOfEveryRunSortedWithTheLatestRunAfterReopening() {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(
          chunk(0, rangeRows("source-a", 20, 29, Table.checkpointedTables(), "run-2", SECOND_RUN)));
      writer.write(
          chunk(1, rangeRows("source-a", 0, 9, Table.checkpointedTables(), "run-1", FIRST_RUN)));
      writer.write(
          chunk(2, rangeRows("source-b", 30, 39, Table.checkpointedTables(), "run-3", SECOND_RUN)));
    }

    try (DuckDbAppenderWriter reopened = writer()) {
      assertThat(reopened.checkpoint("source-a"))
          .contains(
              new SourceCheckpoint(
                  "run-2", List.of(new RecordRange(0, 9), new RecordRange(20, 29))));
      assertThat(reopened.checkpoint("source-b").map(SourceCheckpoint::committedRecords))
          .contains(10L);
    }
  }

  @Test
  void rewritingACommittedRangeReplacesItsCheckpointRows() throws Exception {
    try (DuckDbAppenderWriter writer = writer()) {
      writer.write(
          chunk(0, rangeRows("source-a", 0, 9, Table.checkpointedTables(), "run-1", FIRST_RUN)));
      writer.write(
          chunk(0, rangeRows("source-a", 0, 9, Table.checkpointedTables(), "run-2", SECOND_RUN)));

      assertThat(writer.checkpoint("source-a"))
          .contains(new SourceCheckpoint("run-2", List.of(new RecordRange(0, 9))));
      try (Connection connection = StoredRows.connect(database())) {
        assertThat(StoredRows.count(connection, "SELECT count(*) FROM ingest_checkpoints"))
            .isEqualTo(Table.checkpointedTables().size());
        assertThat(StoredRows.count(connection, "SELECT count(*) FROM patients")).isEqualTo(1);
      }
    }
  }

  @Test
  void commitsTheCheckpointOfAChunkWhoseRowWasIsolated() throws Exception {
    List<TestRow> rows =
        rangeRows("source-a", 0, 9, Table.checkpointedTables(), "run-1", FIRST_RUN);
    rows.add(observation("obs-ok"));
    rows.add(observation("obs-bad").set("code", null));
    try (DuckDbAppenderWriter writer = writer()) {
      WriteResult result = writer.write(chunk(0, rows));

      assertThat(result.failures()).hasSize(1);
      assertThat(writer.checkpoint("source-a"))
          .contains(new SourceCheckpoint("run-1", List.of(new RecordRange(0, 9))));
      try (Connection connection = StoredRows.connect(database())) {
        assertThat(StoredRows.count(connection, "SELECT count(*) FROM observations")).isEqualTo(1);
      }
    }
  }

  @Test
  void refusesToReadCheckpointsAfterClose() {
    DuckDbAppenderWriter writer = writer();
    writer.close();

    assertThatThrownBy(() -> writer.checkpoint("source-a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer is closed");
  }
}
