package org.clinicalingest.model;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A {@link Patient}'s {@code deceased_date} is not before the {@code date_of_birth}; a violation is
 * reported on the {@code deceasedDate} property.
 *
 * <p>The date of birth has no time, so the date written in the deceased date-time is compared with
 * it: death on the day of birth is valid. Nothing is checked when either is missing or malformed
 * (see {@link IsoDate}, {@link IsoDateTime}). Applies to {@link Patient}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface DeceasedDateNotBeforeBirth {

  /** The rule broken, without the field's name or value. */
  String message() default "must not be before date_of_birth";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
