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
 * The annotated text is a FHIR v3 ActCode for an encounter class: {@code AMB}, {@code EMER}, {@code
 * FLD}, {@code HH}, {@code IMP}, {@code ACUTE}, {@code NONAC}, {@code OBSENC}, {@code PRENC},
 * {@code SS} or {@code VR}. Codes are case-sensitive, as in FHIR.
 *
 * <p>{@code null} is valid. Applies to {@link CharSequence}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface EncounterClass {

  /** The rule broken, without the field's name or value. */
  String message() default
      "must be one of AMB, EMER, FLD, HH, IMP, ACUTE, NONAC, OBSENC, PRENC, SS, VR";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
