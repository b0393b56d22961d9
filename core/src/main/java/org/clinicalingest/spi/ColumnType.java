package org.clinicalingest.spi;

/** SQL-neutral types of the output columns; each writer maps them to its database's types. */
public enum ColumnType {
  /** Text; a Java {@code String}. */
  TEXT,
  /** Array of text; a Java {@code List<String>}. */
  TEXT_ARRAY,
  /** A Java {@code Boolean}. */
  BOOLEAN,
  /** A Java {@code Double}. */
  DOUBLE,
  /** A Java {@code Long}. */
  BIGINT,
  /** A point in time; a Java {@code java.time.Instant}. */
  TIMESTAMP
}
