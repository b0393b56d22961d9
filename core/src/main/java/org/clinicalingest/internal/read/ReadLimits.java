package org.clinicalingest.internal.read;

/**
 * The limits a reader enforces on each top-level record, already validated by {@link
 * org.clinicalingest.JsonInputFormat.Builder}.
 *
 * @param maxRecordBytes largest record, in bytes of UTF-8 text (an NDJSON line, an array element)
 * @param maxNestingDepth deepest nesting of objects and arrays, counted from the record (the record
 *     object itself is depth 1)
 * @param maxStringLength longest string value, in characters
 * @param maxNumberLength longest number, in characters
 */
public record ReadLimits(
    long maxRecordBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength) {

  /** Reason given for a record over {@link #maxRecordBytes()}. */
  String recordTooLargeReason() {
    return "record exceeds the maximum record size of " + maxRecordBytes + " bytes";
  }
}
