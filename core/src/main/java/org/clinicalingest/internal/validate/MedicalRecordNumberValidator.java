package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.clinicalingest.model.MedicalRecordNumber;

/**
 * Checks {@link MedicalRecordNumber}.
 *
 * <p>Design: scans the characters between the trimmed bounds instead of trimming and matching a
 * regular expression, so a check allocates nothing. Public only because Hibernate Validator
 * instantiates validators through their public constructor; not API. Stateless and thread-safe.
 */
public final class MedicalRecordNumberValidator
    implements ConstraintValidator<MedicalRecordNumber, CharSequence> {

  private static final int MIN_LENGTH = 3;
  private static final int MAX_LENGTH = 20;

  /** Creates the validator; called by Hibernate Validator. */
  public MedicalRecordNumberValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int start = Trim.start(value);
    int end = Trim.end(value, start);
    int length = end - start;
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    for (int index = start; index < end; index++) {
      char character = value.charAt(index);
      boolean allowed =
          (character >= 'A' && character <= 'Z')
              || (character >= 'a' && character <= 'z')
              || (character >= '0' && character <= '9')
              || character == '_'
              || character == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
