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
 * Every encounter of a {@link Patient} that states a {@code patient_id} states the patient's own:
 * both trimmed, they are equal. A violation is reported on the encounter's property, e.g. {@code
 * encounters[2].patientId}, so that only that encounter is rejected.
 *
 * <p>An encounter without {@code patient_id} ({@code null}) is valid; a blank one is not. Nothing
 * is checked when the patient has no usable {@code patient_id} itself (that is the patient's own
 * violation). Applies to {@link Patient}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface EncounterPatientIdMatches {

  /** The rule broken, without the field's name or value. */
  String message() default "must equal the patient's patient_id";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload for clients of the constraint. */
  Class<? extends Payload>[] payload() default {};
}
