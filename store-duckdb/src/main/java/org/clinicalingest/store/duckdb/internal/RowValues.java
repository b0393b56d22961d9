package org.clinicalingest.store.duckdb.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.duckdb.DuckDBAppender;

/**
 * Checks a row's Java values against its table's column types and appends them to a DuckDB
 * Appender.
 *
 * <p>Design: the Appender checks types as each value is added, and a mismatch in the middle of a
 * row leaves it unusable. So every row is checked here first, in Java, and a row holding a value of
 * the wrong Java type (or a timestamp DuckDB cannot hold) is reported as a failed row without
 * touching the database. Constraints (NOT NULL, primary key) are left to the database. Problems
 * name columns and Java types, never values.
 */
public final class RowValues {

  private RowValues() {}

  /** Why the row cannot be appended to the table, or empty if its values fit the columns. */
  static Optional<String> problem(Table table, Row row) {
    List<Column> columns = table.columns();
    List<Object> values = row.values();
    if (values.size() != columns.size()) {
      return Optional.of(
          "row has " + values.size() + " values, table has " + columns.size() + " columns");
    }
    for (int index = 0; index < columns.size(); index++) {
      Column column = columns.get(index);
      Optional<String> problem = problem(column, values.get(index));
      if (problem.isPresent()) {
        return Optional.of("column " + column.name() + ": " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(Column column, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    Class<?> expected =
        switch (column.type()) {
          case TEXT -> String.class;
          case TEXT_ARRAY -> List.class;
          case BOOLEAN -> Boolean.class;
          case DOUBLE -> Double.class;
          case BIGINT -> Long.class;
          case TIMESTAMP -> Instant.class;
        };
    if (!expected.isInstance(value)) {
      return Optional.of(
          "expected "
              + expected.getSimpleName()
              + " for "
              + column.type()
              + ", got "
              + value.getClass().getName());
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element != null && !(element instanceof String)) {
          return Optional.of(
              "expected a List of String for TEXT_ARRAY, got an element of "
                  + element.getClass().getName());
        }
      }
    }
    if (value instanceof Instant instant && epochMicros(instant).isEmpty()) {
      return Optional.of("instant out of the range of TIMESTAMP WITH TIME ZONE");
    }
    return Optional.empty();
  }

  /** Appends the row's values; the row must have passed {@link #problem}. */
  static void append(DuckDBAppender appender, Table table, Row row) throws SQLException {
    append(appender, table.columns(), row);
  }

  /** Appends the row's key values only, e.g. to a keys table. */
  static void appendKey(DuckDBAppender appender, Table table, Row row) throws SQLException {
    append(appender, table.keyColumns(), row);
  }

  /**
   * Appends the row's first {@code columns.size()} values as one row; they must fit the columns
   * (see {@link #problem}).
   */
  public static void append(DuckDBAppender appender, List<Column> columns, Row row)
      throws SQLException {
    appender.beginRow();
    for (int index = 0; index < columns.size(); index++) {
      Object value = row.values().get(index);
      if (value == null) {
        appender.appendNull();
        continue;
      }
      switch (columns.get(index).type()) {
        case TEXT -> appender.append((String) value);
        case TEXT_ARRAY -> appender.append((List<?>) value);
        case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
        case DOUBLE -> appender.append(((Double) value).doubleValue());
        case BIGINT -> appender.append(((Long) value).longValue());
        case TIMESTAMP -> appender.appendEpochMicros(epochMicros((Instant) value).orElseThrow());
      }
    }
    appender.endRow();
  }

  /**
   * Microseconds since the epoch, rounded down; empty if they overflow or hit the values DuckDB
   * reserves for {@code infinity} and {@code -infinity}.
   */
  public static Optional<Long> epochMicros(Instant instant) {
    try {
      long micros =
          Math.addExact(
              Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
      if (micros == Long.MAX_VALUE || micros <= -Long.MAX_VALUE) {
        return Optional.empty();
      }
      return Optional.of(micros);
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
  }
}
