package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.PeriodEndNotBeforeStart;

/**
 * Checks {@link PeriodEndNotBeforeStart}.
 *
 * <p>Design: a class-level constraint sees both fields, but it reports the violation on {@code
 * periodEnd} so that the path names the field at fault. Malformed or missing values pass: their own
 * constraints report them. Public only because Hibernate Validator instantiates validators through
 * their public constructor; not API. Stateless and thread-safe.
 */
public final class PeriodEndNotBeforeStartValidator
    implements ConstraintValidator<PeriodEndNotBeforeStart, Encounter> {

  /** Creates the validator; called by Hibernate Validator. */
  public PeriodEndNotBeforeStartValidator() {}

  @Override
  public boolean isValid(Encounter encounter, ConstraintValidatorContext context) {
    if (encounter == null || !Temporals.isBefore(encounter.periodEnd(), encounter.periodStart())) {
      return true;
    }
    Violations.reportOn(context, "periodEnd");
    return false;
  }
}
