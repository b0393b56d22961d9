package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.DeceasedDateNotBeforeBirth;
import org.clinicalingest.model.Patient;

/**
 * Checks {@link DeceasedDateNotBeforeBirth}.
 *
 * <p>Design: a class-level constraint sees both fields, but it reports the violation on {@code
 * deceasedDate} so that the path names the field at fault. Malformed or missing values pass: their
 * own constraints report them. Public only because Hibernate Validator instantiates validators
 * through their public constructor; not API. Stateless and thread-safe.
 */
public final class DeceasedDateNotBeforeBirthValidator
    implements ConstraintValidator<DeceasedDateNotBeforeBirth, Patient> {

  /** Creates the validator; called by Hibernate Validator. */
  public DeceasedDateNotBeforeBirthValidator() {}

  @Override
  public boolean isValid(Patient patient, ConstraintValidatorContext context) {
    if (patient == null
        || patient.dateOfBirth() == null
        || !IsoTemporal.isDate(patient.dateOfBirth())
        || !Temporals.isBefore(patient.deceasedDate(), patient.dateOfBirth())) {
      return true;
    }
    Violations.reportOn(context, "deceasedDate");
    return false;
  }
}
