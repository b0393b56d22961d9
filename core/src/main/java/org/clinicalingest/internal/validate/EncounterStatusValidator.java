package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.EncounterStatus;

/**
 * Checks {@link EncounterStatus} against its fixed code list.
 *
 * <p>Design: FHIR codes are case-sensitive, so the match is exact. Public only because Hibernate
 * Validator instantiates validators through their public constructor; not API. Stateless and
 * thread-safe.
 */
public final class EncounterStatusValidator
    implements ConstraintValidator<EncounterStatus, CharSequence> {

  private static final String[] CODES = {
    "planned",
    "arrived",
    "triaged",
    "in-progress",
    "onleave",
    "finished",
    "cancelled",
    "entered-in-error",
    "unknown"
  };

  /** Creates the validator; called by Hibernate Validator. */
  public EncounterStatusValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || Codes.contains(CODES, value);
  }
}
