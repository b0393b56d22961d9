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
 * The annotated text is a medical record number: after trimming, 3 to 20 characters of {@code
 * [A-Za-z0-9_-]}.
 *
 * <p>{@code null} is valid (combine with {@code @NotBlank} for a required id). Applies to {@link
 * CharSequence}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface MedicalRecordNumber {

  /** The rule broken, without the field's name or value. */
  String message() default "must be 3-20 characters of A-Z, a-z, 0-9, _ or -";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
