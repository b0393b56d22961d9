package org.clinicalingest.spi;

import java.util.Objects;

/**
 * One column of an output table.
 *
 * @param name column name, lower case
 * @param type value type
 * @param nullable whether the column may hold null
 */
public record Column(String name, ColumnType type, boolean nullable) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
