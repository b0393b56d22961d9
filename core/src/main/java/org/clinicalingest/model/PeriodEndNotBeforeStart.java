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
 * An {@link Encounter}'s {@code period_end} is not before its {@code period_start}; a violation is
 * reported on the {@code periodEnd} property.
 *
 * <p>Two date-times are compared as instants (without offset they are read as UTC); when either is
 * a date only, the dates as written are compared. Nothing is checked when either is missing or not
 * an ISO-8601 date or date-time (see {@link IsoDateTime}). Applies to {@link Encounter}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PeriodEndNotBeforeStart {

  /** The rule broken, without the field's name or value. */
  String message() default "must not be before period_start";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
