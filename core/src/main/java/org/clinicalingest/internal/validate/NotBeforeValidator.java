package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.NotBefore;

/**
 * Checks {@link NotBefore}.
 *
 * <p>Design: the bound is parsed once, when Hibernate Validator initialises the validator for an
 * annotation, into an epoch day; a check then compares two numbers. Malformed values pass: their
 * format constraint reports them. Public only because Hibernate Validator instantiates validators
 * through their public constructor; not API. Thread-safe once initialised.
 */
public final class NotBeforeValidator implements ConstraintValidator<NotBefore, CharSequence> {

  private long earliestEpochDay;

  /** Creates the validator; called by Hibernate Validator. */
  public NotBeforeValidator() {}

  @Override
  public void initialize(NotBefore annotation) {
    if (!IsoTemporal.isDate(annotation.value())) {
      throw new ConstraintDeclarationException(
          "@NotBefore value must be a calendar date YYYY-MM-DD, was " + annotation.value());
    }
    earliestEpochDay = IsoTemporal.epochDay(annotation.value());
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null
        || !IsoTemporal.isDateTime(value)
        || IsoTemporal.epochDay(value) >= earliestEpochDay;
  }
}
