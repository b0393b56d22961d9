package org.clinicalingest.internal.read;

/**
 * The layouts of FORMAT.md "Input shapes". An empty or blank file is read as NDJSON with no lines,
 * which yields no record.
 */
enum Shape {
  /** {@code [ {patient}, ... ]}. */
  ARRAY,
  /** {@code { "patients": [ {patient}, ... ], ... }}. */
  WRAPPED,
  /** One patient object per line. */
  NDJSON;

  /**
   * How many containers enclose each record: the record object sits at this Jackson nesting depth
   * plus one.
   */
  int enclosingDepth() {
    return switch (this) {
      case NDJSON -> 0;
      case ARRAY -> 1;
      case WRAPPED -> 2;
    };
  }
}
