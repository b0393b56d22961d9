package org.clinicalingest.model;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated ISO-8601 date or date-time (see {@link IsoDateTime}) is not in the future.
 *
 * <p>"Now" is the instant of the validator's clock: the {@link java.time.Clock} given as Hibernate
 * Validator constraint-validator payload if there is one, otherwise the {@link
 * jakarta.validation.ClockProvider}'s; the clock's time zone plays no part. A date-time is compared
 * as an instant (without offset it is read as UTC) and may equal now. A date is in the future only
 * when it has begun nowhere on earth yet, i.e. when even in UTC+14:00, the first time zone to begin
 * each day, it is still to come: a date that is today in any time zone passes, so a date is
 * accepted from 14 hours before it begins in UTC.
 *
 * <p>{@code null} and text that is not a date or date-time are valid here (the format is checked by
 * {@link IsoDate} or {@link IsoDateTime}). Applies to {@link CharSequence}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NotInFuture {

  /** The rule broken, without the field's name or value. */
  String message() default "must not be in the future";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
