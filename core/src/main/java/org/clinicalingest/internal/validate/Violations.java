package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Re-targets the violation of a class-level constraint onto the offending field.
 *
 * <p>Design: Bean Validation reports a class-level violation on the bean itself; the pipeline
 * quarantines the smallest invalid unit found from the path, so cross-field rules name the field at
 * fault instead. The constraint's own message template is kept. Stateless and thread-safe.
 */
final class Violations {

  private Violations() {}

  /** Replaces the default violation with one on property {@code property} of the bean. */
  static void reportOn(ConstraintValidatorContext context, String property) {
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
        .addPropertyNode(property)
        .addConstraintViolation();
  }

  /**
   * Adds a violation on property {@code property} of element {@code index} of the list property
   * {@code list}, e.g. {@code encounters[2].patientId}; the caller disables the default violation
   * once.
   */
  static void reportOnElement(
      ConstraintValidatorContext context, String list, int index, String property) {
    context
        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
        .addPropertyNode(list)
        .addPropertyNode(property)
        .inIterable()
        .atIndex(index)
        .addConstraintViolation();
  }
}
