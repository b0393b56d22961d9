package org.clinicalingest.store.duckdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/**
 * Builds synthetic rows of one table in {@link Table#columns()} order, as the pipeline produces
 * them: required columns get a placeholder of their type, nullable ones stay null unless set.
 */
final class TestRow {

  static final String RUN_ID = "run-1";
  static final String SOURCE = "synthetic.ndjson";

  private final Table table;
  private final Object[] values;

  private TestRow(Table table) {
    this.table = table;
    this.values = new Object[table.columns().size()];
    for (int index = 0; index < values.length; index++) {
      Column column = table.columns().get(index);
      values[index] = column.nullable() ? null : placeholder(column);
    }
  }

  static TestRow patient(String patientId) {
    return new TestRow(Table.PATIENTS).set("patient_id", patientId);
  }

  static TestRow encounter(String encounterId, String patientId) {
    return new TestRow(Table.ENCOUNTERS)
        .set("encounter_id", encounterId)
        .set("patient_id", patientId);
  }

  static TestRow observation(String observationId) {
    return new TestRow(Table.OBSERVATIONS)
        .set("observation_id", observationId)
        .set("encounter_id", "enc-1")
        .set("patient_id", "pat-1")
        .set("code", "8480-6");
  }

  static TestRow quarantine(long recordIndex, String path) {
    return new TestRow(Table.QUARANTINE)
        .set("run_id", RUN_ID)
        .set("source", SOURCE)
        .set("record_index", recordIndex)
        .set("path", path)
        .set("line", recordIndex + 1)
        .set("byte_offset", recordIndex * 100)
        .set("record_kind", "observation")
        .set("reasons", List.of("code is required"))
        .set("rejected_at", Instant.parse("2024-05-06T07:08:09.123456Z"));
  }

  /** The checkpoint row of one table part of the records {@code first..last} of a source. */
  static TestRow checkpoint(
      String sourceKey, long first, long last, Table part, String runId, Instant committedAt) {
    return new TestRow(Table.CHECKPOINTS)
        .set("source_key", sourceKey)
        .set("first_record_index", first)
        .set("table_name", part.tableName())
        .set("last_record_index", last)
        .set("run_id", runId)
        .set("source", SOURCE)
        .set("committed_at", committedAt);
  }

  /** Sets a column by name; any value, of any type, including null. */
  TestRow set(String column, Object value) {
    for (int index = 0; index < values.length; index++) {
      if (table.columns().get(index).name().equals(column)) {
        values[index] = value;
        return this;
      }
    }
    throw new IllegalArgumentException("no column " + column + " in " + table);
  }

  Table table() {
    return table;
  }

  Row row() {
    return new Row(Arrays.asList(values.clone()));
  }

  /** A chunk of the given rows, grouped by table in the given order. */
  static Chunk chunk(long sequence, TestRow... rows) {
    return chunk(sequence, List.of(rows));
  }

  static Chunk chunk(long sequence, List<TestRow> rows) {
    Map<Table, List<Row>> byTable = new EnumMap<>(Table.class);
    for (TestRow row : rows) {
      byTable.computeIfAbsent(row.table(), table -> new ArrayList<>()).add(row.row());
    }
    return new Chunk(RUN_ID, sequence, SOURCE, sequence * 1000, sequence * 1000 + 999, byTable);
  }

  private static Object placeholder(Column column) {
    return switch (column.type()) {
      case TEXT -> "x";
      case TEXT_ARRAY -> List.of("x");
      case BOOLEAN -> Boolean.FALSE;
      case DOUBLE -> 0.0;
      case BIGINT -> 0L;
      case TIMESTAMP -> Instant.EPOCH;
    };
  }
}
