package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.EncounterPatientIdMatches;
import org.clinicalingest.model.Patient;

/**
 * Checks {@link EncounterPatientIdMatches}.
 *
 * <p>Design: the rule needs the parent's id, so it sits on the patient, but each mismatch is
 * reported on the encounter's own {@code patientId} ({@code encounters[i].patientId}) so that only
 * that encounter is quarantined, not the patient. Ids are compared trimmed, in place, without
 * allocating. Public only because Hibernate Validator instantiates validators through their public
 * constructor; not API. Stateless and thread-safe.
 */
public final class EncounterPatientIdMatchesValidator
    implements ConstraintValidator<EncounterPatientIdMatches, Patient> {

  /** Creates the validator; called by Hibernate Validator. */
  public EncounterPatientIdMatchesValidator() {}

  @Override
  public boolean isValid(Patient patient, ConstraintValidatorContext context) {
    if (patient == null || patient.patientId() == null || patient.patientId().isBlank()) {
      return true;
    }
    List<Encounter> encounters = patient.encounters();
    boolean valid = true;
    for (int index = 0; index < encounters.size(); index++) {
      Encounter encounter = encounters.get(index);
      if (encounter != null
          && encounter.patientId() != null
          && !trimmedEquals(encounter.patientId(), patient.patientId())) {
        if (valid) {
          context.disableDefaultConstraintViolation();
          valid = false;
        }
        Violations.reportOnElement(context, "encounters", index, "patientId");
      }
    }
    return valid;
  }

  private static boolean trimmedEquals(String first, String second) {
    int firstStart = Trim.start(first);
    int firstLength = Trim.end(first, firstStart) - firstStart;
    int secondStart = Trim.start(second);
    int secondLength = Trim.end(second, secondStart) - secondStart;
    return firstLength == secondLength
        && first.regionMatches(firstStart, second, secondStart, firstLength);
  }
}
