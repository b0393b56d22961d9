package org.clinicalingest.internal.validate;

/**
 * Null-safe comparisons of optional date-time fields for the class-level constraints.
 *
 * <p>Design: a cross-field rule only holds between two well-formed values; a missing or malformed
 * one is reported by its own field constraint, so here it simply makes the rule pass. Stateless and
 * thread-safe.
 */
final class Temporals {

  private Temporals() {}

  /**
   * Whether both values are ISO-8601 dates or date-times and {@code value} lies before {@code
   * reference} (see {@link IsoTemporal#isBefore}).
   */
  static boolean isBefore(String value, String reference) {
    return value != null
        && reference != null
        && IsoTemporal.isDateTime(value)
        && IsoTemporal.isDateTime(reference)
        && IsoTemporal.isBefore(value, reference);
  }
}
