package org.clinicalingest;

/** The stages of a run, in the order a record passes them; {@link RunSummary} times each. */
public enum Stage {
  /** Streaming and parsing the source files. */
  READ,
  /** Bean Validation of each record. */
  VALIDATE,
  /** Structured-field, pattern and record-aware redaction. */
  REDACT,
  /** The named-entity recogniser, in batches. */
  NER,
  /** Bulk writes to the store. */
  WRITE
}
