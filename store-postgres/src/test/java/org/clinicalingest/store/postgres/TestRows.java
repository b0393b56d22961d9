package org.clinicalingest.store.postgres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/** Builds rows and chunks for tests: values by column name, in {@link Table#columns()} order. */
final class TestRows {

  private TestRows() {}

  /** A row of {@code table} with the given values by column name; other columns are null. */
  static Row row(Table table, Map<String, ?> values) {
    Map<String, Object> remaining = new HashMap<>(values);
    List<Object> ordered = new ArrayList<>();
    for (Column column : table.columns()) {
      ordered.add(remaining.remove(column.name()));
    }
    if (!remaining.isEmpty()) {
      throw new IllegalArgumentException("no such columns in " + table + ": " + remaining.keySet());
    }
    return Row.of(ordered.toArray());
  }

  /** A row of {@code table} from name-value pairs: {@code row(PATIENTS, "patient_id", "p1")}. */
  static Row row(Table table, Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row(table, values);
  }

  /** A copy of {@code row} with one column's value replaced. */
  static Row with(Table table, Row row, String column, Object value) {
    List<Object> values = new ArrayList<>(row.values());
    values.set(indexOf(table, column), value);
    return new Row(values);
  }

  /** The value of a column of a row. */
  static Object value(Table table, Row row, String column) {
    return row.values().get(indexOf(table, column));
  }

  static int indexOf(Table table, String column) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + column + " in " + table);
  }

  /** An observation with the required columns set. */
  static Row observation(String id, String notes) {
    return row(
        Table.OBSERVATIONS,
        "observation_id",
        id,
        "encounter_id",
        "e-" + id,
        "patient_id",
        "p-" + id,
        "code",
        "8867-4",
        "notes",
        notes);
  }

  /** A chunk holding the given rows of one table. */
  static Chunk chunk(long sequence, Table table, List<Row> rows) {
    Map<Table, List<Row>> byTable = new EnumMap<>(Table.class);
    byTable.put(table, rows);
    return chunk(sequence, byTable);
  }

  /** A chunk holding the given rows. */
  static Chunk chunk(long sequence, Map<Table, List<Row>> rows) {
    return new Chunk("run-1", sequence, "test.ndjson", sequence * 100, sequence * 100 + 99, rows);
  }

  /** A chunk holding the given observations. */
  static Chunk observations(long sequence, Row... rows) {
    return chunk(sequence, Table.OBSERVATIONS, Arrays.asList(rows));
  }
}
