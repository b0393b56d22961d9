package org.clinicalingest.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row of an output table: values in the order of {@link Table#columns()}, of the Java types
 * that {@link ColumnType} names, {@code null} for SQL NULL. Text values are already redacted.
 *
 * @param values the column values; unmodifiable
 */
public record Row(List<Object> values) {

  public Row {
    values = Collections.unmodifiableList(Arrays.asList(values.toArray()));
  }

  /** A row of the given values, in column order. */
  public static Row of(Object... values) {
    return new Row(Arrays.asList(values));
  }

  /** The value of the first column, the row's id in the three data tables. */
  public String key() {
    return String.valueOf(values.get(0));
  }
}
