package org.clinicalingest.spi;

/**
 * One top-level record produced by a {@link RecordReader}: either parsed into a patient, or
 * unreadable (malformed JSON on an NDJSON line, a value that is not an object, a record over the
 * size limit).
 */
public sealed interface SourceRecord permits ParsedRecord, UnreadableRecord {

  /** Where the record starts in its file. */
  RecordPosition position();

  /** The record's raw text when the reader was asked to capture it, otherwise empty. */
  String raw();
}
