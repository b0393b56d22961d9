package org.clinicalingest.spi;

import java.util.Objects;

/**
 * A row the database refused while the rest of its chunk was written.
 *
 * @param table the table of the row
 * @param key the row's id
 * @param reason the database's reason, e.g. a SQLSTATE and constraint name; never a column value
 */
public record RowFailure(Table table, String key, String reason) {

  public RowFailure {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
  }
}
