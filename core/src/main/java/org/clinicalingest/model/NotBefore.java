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
 * The annotated ISO-8601 date or date-time (see {@link IsoDateTime}) is not before the date {@link
 * #value()}; a date-time is compared by the date written in it, e.g.
 * {@code @NotBefore("1900-01-01")}.
 *
 * <p>{@code null} and text that is not a date or date-time are valid here (the format is checked by
 * {@link IsoDate} or {@link IsoDateTime}). Applies to {@link CharSequence}. A {@code value} that is
 * not a calendar date {@code YYYY-MM-DD} makes validation fail with a {@link
 * jakarta.validation.ConstraintDeclarationException}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NotBefore {

  /** The earliest valid date, {@code YYYY-MM-DD}. */
  String value();

  /** The rule broken, without the field's name or value; {@code {value}} is the earliest date. */
  String message() default "must not be before {value}";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
