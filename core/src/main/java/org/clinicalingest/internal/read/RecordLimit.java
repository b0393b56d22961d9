package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * A size check the mapper runs between tokens of a record, so that a record inside a JSON array is
 * stopped once it grows past the record size while the parser can still skip it. NDJSON bounds each
 * line before parsing and needs no check ({@link #NONE}).
 */
@FunctionalInterface
interface RecordLimit {
  /** Never stops a record. */
  RecordLimit NONE = parser -> {};

  /**
   * Throws when the record being read has grown past the limit.
   *
   * @throws RecordTooLargeException when the record is over the limit
   */
  void check(JsonParser parser) throws IOException;
}
