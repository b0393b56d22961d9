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
 * The annotated text is an ISO-8601 date or date-time as FHIR {@code dateTime} writes it: a
 * calendar date {@code YYYY-MM-DD} (see {@link IsoDate}) or {@code
 * YYYY-MM-DDThh:mm[:ss[.fraction]][Z|±hh:mm]}, e.g. {@code 2019-02-12T05:35:50-05:00}.
 *
 * <p>Hours are 00-23, seconds 00-59 (no leap second), the fraction has 1 to 9 digits and the offset
 * is at most ±18:00. A date-time without offset is read as UTC wherever it is compared.
 *
 * <p>{@code null} is valid. Applies to {@link CharSequence}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface IsoDateTime {

  /** The rule broken, without the field's name or value. */
  String message() default "must be an ISO-8601 date or date-time";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
