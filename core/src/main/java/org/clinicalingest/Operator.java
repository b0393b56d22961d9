package org.clinicalingest;

/**
 * What redaction does to one structured value ({@link PhiField}) or to one span found in free text
 * ({@link org.clinicalingest.spi.PhiType}). A {@code null} or blank value holds no PHI and is left
 * as it is by every operator but {@link #DROP}.
 */
public enum Operator {
  /**
   * Leaves the value as it is. For a field this turns its redaction off; for a free-text type it
   * turns that category off (spans of the type are found but not replaced). Not Safe Harbor.
   */
  KEEP,
  /** Removes the value: a field becomes {@code null} (a list becomes empty), a span is deleted. */
  DROP,
  /**
   * Replaces the value by exactly four asterisks, {@code ****}, whatever its length or format, so
   * that neither is revealed. For an identifier with a type prefix, only the part after the prefix.
   */
  MASK,
  /**
   * Replaces the value by a typed placeholder: {@link PhiField#placeholder()} for a field (e.g.
   * {@code [NAME]}, {@code [CITY]}), {@link org.clinicalingest.spi.PhiType#placeholder()} for a
   * span.
   */
  PLACEHOLDER,
  /**
   * Replaces the value by a keyed, deterministic token: the type's name, a dash and the first 16
   * hex digits of HMAC-SHA256 over the normalised value, e.g. {@code NAME-7f3a9c21e4b0d5a8}. The
   * same value gives the same token in every record, field, note and run that uses the same key;
   * without the key the token cannot be linked back to the value. The value is normalised first:
   * Unicode NFKC, trimmed, case-folded, inner blanks collapsed; for names, digits are removed (so
   * {@code Alva958} and {@code ALVA} give the same token); for phone, fax, SSN and ZIP values, only
   * the digits count (so {@code (555) 814-8772} and {@code 555.814.8772} give the same token). The
   * hex part depends only on the normalised value, not on the type. Requires {@link
   * RedactionPolicy.Builder#pseudonymKey(byte[])}.
   */
  PSEUDONYM,
  /**
   * Keeps a coarse part of the value, per HIPAA Safe Harbor. A date becomes its year ({@code
   * YYYY}); a patient's date of birth becomes {@code 90+} when the patient is over 89 at the
   * reference date. A postal code becomes its first three digits, or {@code 000} for the
   * three-digit areas with 20,000 people or fewer. Allowed only for date fields and {@link
   * PhiField#POSTAL_CODE}, and in free text only for {@code DATE} (year when the span shows a
   * four-digit one, otherwise the placeholder), {@code ZIP} and {@code AGE} (always {@code 90+}). A
   * value that cannot be read as such becomes {@code null} in a field and the placeholder in free
   * text.
   */
  GENERALIZE
}
