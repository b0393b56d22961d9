package org.clinicalingest.examples.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The main rules of FORMAT.md, written small and independently of the core validator, so that the
 * generator's output can be checked against the contract itself. Each broken rule is reported as
 * the {@link Defect} the generator is expected to have put there.
 */
final class FormatRules {

  private static final Pattern MRN = Pattern.compile("[A-Za-z0-9_-]{3,20}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2,3}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2}(-[A-Za-z]{2})?");
  private static final Set<String> GENDERS =
      Set.of("male", "female", "other", "unknown", "m", "f", "o", "u");
  static final Set<String> ENCOUNTER_STATUSES =
      Set.of(
          "planned",
          "arrived",
          "triaged",
          "in-progress",
          "onleave",
          "finished",
          "cancelled",
          "entered-in-error",
          "unknown");
  static final Set<String> OBSERVATION_STATUSES =
      Set.of(
          "registered",
          "preliminary",
          "final",
          "amended",
          "corrected",
          "cancelled",
          "entered-in-error",
          "unknown");
  private static final Set<String> PATIENT_STRINGS =
      Set.of(
          "family_name",
          "marital_status",
          "address_line1",
          "address_line2",
          "city",
          "phone",
          "fax",
          "emergency_contact_name",
          "emergency_contact_relationship",
          "emergency_contact_phone",
          "managing_organization");
  private static final Set<String> PATIENT_STRING_LISTS =
      Set.of("identifiers", "given_names", "name_prefix", "name_suffix");
  private static final Set<String> ENCOUNTER_STRINGS =
      Set.of("class_code", "reason_code", "reason_display", "provider_name", "facility_name");
  private static final Set<String> OBSERVATION_STRINGS =
      Set.of(
          "category",
          "code_system",
          "display",
          "value_unit",
          "value_string",
          "interpretation",
          "notes");

  private FormatRules() {}

  /** Broken rules of the patient's own fields, not of its encounters. */
  static List<Defect> patient(Map<String, Object> patient) {
    List<Defect> broken = new ArrayList<>();
    Object id = patient.get("patient_id");
    if (id == null) {
      broken.add(Defect.MISSING_PATIENT_ID);
    } else if (!(id instanceof String text)) {
      broken.add(Defect.PATIENT_WRONG_TYPE);
    } else if (!MRN.matcher(text.trim()).matches()) {
      broken.add(Defect.BAD_MRN);
    }
    for (String field : PATIENT_STRINGS) {
      wrongTypeUnless(patient, field, String.class, Defect.PATIENT_WRONG_TYPE, broken);
    }
    for (String field : PATIENT_STRING_LISTS) {
      Object value = patient.get(field);
      if (value != null
          && !(value instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
        broken.add(Defect.PATIENT_WRONG_TYPE);
      }
    }
    LocalDate birth = null;
    Object birthValue = patient.get("date_of_birth");
    if (birthValue != null && !(birthValue instanceof String)) {
      broken.add(Defect.PATIENT_WRONG_TYPE);
    } else if (birthValue instanceof String text) {
      birth = date(text);
      if (birth == null) {
        broken.add(Defect.MALFORMED_BIRTH_DATE);
      } else if (birth.isAfter(LocalDate.now())) {
        broken.add(Defect.FUTURE_BIRTH_DATE);
      } else if (birth.isBefore(LocalDate.of(1900, 1, 1))) {
        broken.add(Defect.BIRTH_DATE_BEFORE_1900);
      }
    }
    Object gender = patient.get("gender");
    if (gender != null && !(gender instanceof String text && GENDERS.contains(lower(text)))) {
      broken.add(Defect.BAD_GENDER);
    }
    wrongTypeUnless(patient, "deceased", Boolean.class, Defect.PATIENT_WRONG_TYPE, broken);
    Object death = patient.get("deceased_date");
    if (death instanceof String text) {
      OffsetDateTime deathTime = dateTime(text);
      if (deathTime == null) {
        broken.add(Defect.PATIENT_WRONG_TYPE);
      } else if (birth != null && deathTime.toLocalDate().isBefore(birth)) {
        broken.add(Defect.DEATH_BEFORE_BIRTH);
      }
    }
    matches(patient, "state", STATE, Defect.BAD_STATE, broken);
    matches(patient, "postal_code", ZIP, Defect.BAD_POSTAL_CODE, broken);
    matches(patient, "country", COUNTRY, Defect.BAD_COUNTRY, broken);
    matches(patient, "email", EMAIL, Defect.BAD_EMAIL, broken);
    matches(patient, "language", LANGUAGE, Defect.BAD_LANGUAGE, broken);
    if (patient.get("encounters") != null && !(patient.get("encounters") instanceof List<?>)) {
      broken.add(Defect.PATIENT_WRONG_TYPE);
    }
    return broken;
  }

  /** Broken rules of the encounter's own fields. */
  static List<Defect> encounter(Map<String, Object> encounter, Object parentId) {
    List<Defect> broken = new ArrayList<>();
    Object id = encounter.get("encounter_id");
    if (id == null) {
      broken.add(Defect.MISSING_ENCOUNTER_ID);
    } else if (!(id instanceof String text) || text.isBlank()) {
      broken.add(Defect.ENCOUNTER_WRONG_TYPE);
    }
    Object patientId = encounter.get("patient_id");
    if (patientId != null && !patientId.equals(parentId)) {
      broken.add(Defect.PATIENT_ID_MISMATCH);
    }
    Object status = encounter.get("status");
    if (status != null && !(status instanceof String)) {
      broken.add(Defect.ENCOUNTER_WRONG_TYPE);
    } else if (status != null && !ENCOUNTER_STATUSES.contains(status)) {
      broken.add(Defect.BAD_ENCOUNTER_STATUS);
    }
    for (String field : ENCOUNTER_STRINGS) {
      wrongTypeUnless(encounter, field, String.class, Defect.ENCOUNTER_WRONG_TYPE, broken);
    }
    Object start = encounter.get("period_start");
    OffsetDateTime startTime = null;
    if (start == null) {
      broken.add(Defect.MISSING_PERIOD_START);
    } else if (!(start instanceof String text)) {
      broken.add(Defect.ENCOUNTER_WRONG_TYPE);
    } else {
      startTime = dateTime(text);
      if (startTime == null) {
        broken.add(Defect.MALFORMED_PERIOD_START);
      }
    }
    if (encounter.get("period_end") instanceof String text) {
      OffsetDateTime end = dateTime(text);
      if (end == null) {
        broken.add(Defect.ENCOUNTER_WRONG_TYPE);
      } else if (startTime != null && end.isBefore(startTime)) {
        broken.add(Defect.PERIOD_END_BEFORE_START);
      }
    }
    if (encounter.get("observations") != null
        && !(encounter.get("observations") instanceof List<?>)) {
      broken.add(Defect.ENCOUNTER_WRONG_TYPE);
    }
    return broken;
  }

  /** Broken rules of the observation. */
  static List<Defect> observation(Map<String, Object> observation) {
    List<Defect> broken = new ArrayList<>();
    Object id = observation.get("observation_id");
    if (id == null) {
      broken.add(Defect.MISSING_OBSERVATION_ID);
    } else if (!(id instanceof String)) {
      broken.add(Defect.OBSERVATION_WRONG_TYPE);
    }
    Object status = observation.get("status");
    if (status != null && !OBSERVATION_STATUSES.contains(status)) {
      broken.add(Defect.BAD_OBSERVATION_STATUS);
    }
    Object code = observation.get("code");
    if (code == null) {
      broken.add(Defect.MISSING_CODE);
    } else if (!(code instanceof String)) {
      broken.add(Defect.OBSERVATION_WRONG_TYPE);
    }
    for (String field : OBSERVATION_STRINGS) {
      wrongTypeUnless(observation, field, String.class, Defect.OBSERVATION_WRONG_TYPE, broken);
    }
    wrongTypeUnless(
        observation, "value_quantity", BigDecimal.class, Defect.OBSERVATION_WRONG_TYPE, broken);
    Object effective = observation.get("effective_at");
    if (effective != null && !(effective instanceof String)) {
      broken.add(Defect.OBSERVATION_WRONG_TYPE);
    } else if (effective instanceof String text && dateTime(text) == null) {
      broken.add(Defect.MALFORMED_EFFECTIVE_AT);
    }
    return broken;
  }

  private static void wrongTypeUnless(
      Map<String, Object> record, String field, Class<?> type, Defect defect, List<Defect> broken) {
    Object value = record.get(field);
    if (value != null && !type.isInstance(value)) {
      broken.add(defect);
    }
  }

  private static void matches(
      Map<String, Object> record,
      String field,
      Pattern pattern,
      Defect defect,
      List<Defect> broken) {
    Object value = record.get(field);
    if (value != null && !(value instanceof String text && pattern.matcher(text).matches())) {
      broken.add(defect);
    }
  }

  private static LocalDate date(String text) {
    if (!DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static OffsetDateTime dateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String lower(String text) {
    return text.toLowerCase(java.util.Locale.ROOT);
  }
}
