package org.clinicalingest.spi;

/** The three kinds of record of the input, from the outermost to the innermost. */
public enum RecordKind {
  PATIENT,
  ENCOUNTER,
  OBSERVATION;

  /** Lower-case name used in messages and in the quarantine table, e.g. {@code observation}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
