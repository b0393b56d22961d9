package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.IsoDateTime;

/**
 * Checks {@link IsoDateTime} with {@link IsoTemporal}, which parses without allocating.
 *
 * <p>Design: public only because Hibernate Validator instantiates validators through their public
 * constructor; not API. Stateless and thread-safe.
 */
public final class IsoDateTimeValidator implements ConstraintValidator<IsoDateTime, CharSequence> {

  /** Creates the validator; called by Hibernate Validator. */
  public IsoDateTimeValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || IsoTemporal.isDateTime(value);
  }
}
