package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.EncounterClass;

/**
 * Checks {@link EncounterClass} against its fixed code list.
 *
 * <p>Design: FHIR codes are case-sensitive, so the match is exact. The list is the v3 ActCode
 * encounter classes FHIR R4 names for Encounter.class. Public only because Hibernate Validator
 * instantiates validators through their public constructor; not API. Stateless and thread-safe.
 */
public final class EncounterClassValidator
    implements ConstraintValidator<EncounterClass, CharSequence> {

  private static final String[] CODES = {
    "AMB", "EMER", "FLD", "HH", "IMP", "ACUTE", "NONAC", "OBSENC", "PRENC", "SS", "VR"
  };

  /** Creates the validator; called by Hibernate Validator. */
  public EncounterClassValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || Codes.contains(CODES, value);
  }
}
