package org.clinicalingest.examples.generate;

import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the text an observation's field holds after ingestion (redacted), for {@link LeakCheck}.
 *
 * <p>Implementations are called once per observation and field of the gold file, in gold order
 * (ascending observation id for generated files); they need not be thread-safe.
 */
@FunctionalInterface
public interface TextLookup extends AutoCloseable {

  /**
   * The written text of {@code field} ({@code notes}, {@code interpretation} or {@code
   * value_string}) of observation {@code observationId}; empty if the observation or the field was
   * not written (a quarantined record, a null column).
   */
  Optional<String> text(String observationId, String field);

  /** Releases what the lookup holds; does nothing by default. */
  @Override
  default void close() {}

  /**
   * A lookup of notes only, by observation id; other fields are reported as not written.
   *
   * @param notesById the written note of an observation id, or empty
   */
  static TextLookup notes(Function<String, Optional<String>> notesById) {
    Objects.requireNonNull(notesById, "notesById");
    return (observationId, field) ->
        field.equals("notes") ? notesById.apply(observationId) : Optional.empty();
  }

  /**
   * A lookup in the observations table of a database, reading the {@code notes}, {@code
   * interpretation} and {@code value_string} columns by {@code observation_id}. It scans the table
   * in id order alongside the gold file (a few queries per 10,000 observations) and falls back to
   * one query per observation when the order does not match. The caller keeps ownership of the
   * connection; closing the lookup closes its statements only.
   *
   * @param table the table, optionally schema-qualified, e.g. {@code clinical.observations}
   * @throws IllegalArgumentException if {@code table} is not a plain (qualified) identifier
   * @throws IllegalStateException if the queries cannot be prepared; {@link #text} throws it too
   *     when a query fails, naming the observation id and the SQLSTATE
   */
  static TextLookup jdbc(Connection connection, String table) {
    return new JdbcTextLookup(connection, table, 10_000);
  }
}
