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
 * The annotated text is a FHIR R4 ObservationStatus code: {@code registered}, {@code preliminary},
 * {@code final}, {@code amended}, {@code corrected}, {@code cancelled}, {@code entered-in-error} or
 * {@code unknown}. Codes are case-sensitive, as in FHIR.
 *
 * <p>{@code null} is valid. Applies to {@link CharSequence}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ObservationStatus {

  /** The rule broken, without the field's name or value. */
  String message() default
      "must be one of registered, preliminary, final, amended, corrected, cancelled, entered-in-error, unknown";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
