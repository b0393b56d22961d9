package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.IsoDate;

/**
 * Checks {@link IsoDate} with {@link IsoTemporal}, which parses without allocating.
 *
 * <p>Design: public only because Hibernate Validator instantiates validators through their public
 * constructor; not API. Stateless and thread-safe.
 */
public final class IsoDateValidator implements ConstraintValidator<IsoDate, CharSequence> {

  /** Creates the validator; called by Hibernate Validator. */
  public IsoDateValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || IsoTemporal.isDate(value);
  }
}
