/**
 * Redaction internals: pattern recognisers for free text ({@link
 * org.clinicalingest.internal.redact.PatternRedactor}), the patient's own values found in its notes
 * ({@link org.clinicalingest.internal.redact.RecordTerms}), and the code that applies a {@link
 * org.clinicalingest.RedactionPolicy} to spans and structured fields. Not API: it may change in any
 * release.
 */
package org.clinicalingest.internal.redact;
