package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.ObservationStatus;

/**
 * Checks {@link ObservationStatus} against its fixed code list.
 *
 * <p>Design: FHIR codes are case-sensitive, so the match is exact. Public only because Hibernate
 * Validator instantiates validators through their public constructor; not API. Stateless and
 * thread-safe.
 */
public final class ObservationStatusValidator
    implements ConstraintValidator<ObservationStatus, CharSequence> {

  private static final String[] CODES = {
    "registered",
    "preliminary",
    "final",
    "amended",
    "corrected",
    "cancelled",
    "entered-in-error",
    "unknown"
  };

  /** Creates the validator; called by Hibernate Validator. */
  public ObservationStatusValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || Codes.contains(CODES, value);
  }
}
