package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.Gender;

/**
 * Checks {@link Gender} against its fixed code list.
 *
 * <p>Design: any case is accepted and left as read; mapping to one spelling is for the writer.
 * Public only because Hibernate Validator instantiates validators through their public constructor;
 * not API. Stateless and thread-safe.
 */
public final class GenderValidator implements ConstraintValidator<Gender, CharSequence> {

  private static final String[] CODES = {"male", "female", "other", "unknown", "m", "f", "o", "u"};

  /** Creates the validator; called by Hibernate Validator. */
  public GenderValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || Codes.containsIgnoringAsciiCase(CODES, value);
  }
}
