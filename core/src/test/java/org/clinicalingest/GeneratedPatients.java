package org.clinicalingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.clinicalingest.HostileFixtures.Layout;

/**
 * jqwik generators of patient files whose validity is known by construction: each patient,
 * encounter and observation is either valid or carries one defect from FORMAT.md, so the expected
 * outcome follows from the generated structure alone, without asking the validator (an independent
 * oracle). Ids are unique in a file, so nothing is counted as a duplicate.
 */
final class GeneratedPatients {
  private static final String[] WORDS = {
    "patient", "reports", "mild", "chest", "pain", "denies", "fever", "lungs", "clear", "stable",
    "follow", "up", "in", "clinic", "continue", "current", "medications", "no", "acute", "distress"
  };

  private GeneratedPatients() {}

  /** A defect of a patient; each makes the patient, and so everything in it, invalid. */
  enum PatientDefect {
    NONE,
    MISSING_ID,
    SHORT_ID,
    FUTURE_BIRTH,
    IMPOSSIBLE_BIRTH,
    BIRTH_BEFORE_1900,
    GENDER,
    GENDER_NUMBER,
    STATE,
    POSTAL_CODE,
    EMAIL,
    LANGUAGE,
    DEATH_BEFORE_BIRTH,
    GIVEN_NAMES_NOT_ARRAY
  }

  /** A defect of an encounter; each makes the encounter and its observations invalid. */
  enum EncounterDefect {
    NONE,
    MISSING_ID,
    MISSING_START,
    START_NOT_A_DATE,
    END_BEFORE_START,
    STATUS,
    CLASS_CODE,
    OTHER_PATIENT,
    OBSERVATIONS_NOT_ARRAY,
    NOT_AN_OBJECT
  }

  /** A defect of an observation; each makes that observation alone invalid. */
  enum ObservationDefect {
    NONE,
    MISSING_ID,
    MISSING_CODE,
    STATUS,
    FUTURE_EFFECTIVE,
    EFFECTIVE_NOT_A_DATE,
    QUANTITY_STRING,
    NOTES_NUMBER,
    NOT_AN_OBJECT
  }

  record ObservationSpec(ObservationDefect defect, String notes, double quantity) {}

  /** An encounter; one whose observations are not an array, or which is no object, has none. */
  record EncounterSpec(EncounterDefect defect, List<ObservationSpec> observations) {
    EncounterSpec {
      observations =
          defect == EncounterDefect.OBSERVATIONS_NOT_ARRAY
                  || defect == EncounterDefect.NOT_AN_OBJECT
              ? List.of()
              : List.copyOf(observations);
    }
  }

  /** A patient; an unreadable one is written as JSON that is not a patient object at all. */
  record PatientSpec(PatientDefect defect, boolean unreadable, List<EncounterSpec> encounters) {
    PatientSpec {
      encounters = unreadable ? List.of() : List.copyOf(encounters);
    }
  }

  /** A generated file: its patients in one layout, maybe compressed. */
  record FileSpec(List<PatientSpec> patients, Layout layout, boolean compressed) {

    /** The file's uncompressed content. */
    byte[] content() {
      List<String> records = new ArrayList<>();
      for (int i = 0; i < patients.size(); i++) {
        records.add(render(patients.get(i), i, layout));
      }
      return layout.joinText(records).bytes();
    }

    /** What the run must read, by kind. */
    RecordCounts read() {
      long encounters = 0;
      long observations = 0;
      for (PatientSpec patient : patients) {
        encounters += patient.encounters().size();
        for (EncounterSpec encounter : patient.encounters()) {
          observations += encounter.observations().size();
        }
      }
      return new RecordCounts(patients.size(), encounters, observations);
    }

    /**
     * What the run must quarantine, by kind: the invalid records and everything nested in them, and
     * the valid observations under valid parents whose id the store refuses.
     */
    RecordCounts quarantined(List<String> refusedObservationIds) {
      long patientCount = 0;
      long encounterCount = 0;
      long observationCount = 0;
      for (int i = 0; i < patients.size(); i++) {
        PatientSpec patient = patients.get(i);
        if (patient.unreadable() || patient.defect() != PatientDefect.NONE) {
          patientCount++;
          for (EncounterSpec encounter : patient.encounters()) {
            encounterCount++;
            observationCount += encounter.observations().size();
          }
          continue;
        }
        for (int j = 0; j < patient.encounters().size(); j++) {
          EncounterSpec encounter = patient.encounters().get(j);
          if (encounter.defect() != EncounterDefect.NONE) {
            encounterCount++;
            observationCount += encounter.observations().size();
            continue;
          }
          for (int k = 0; k < encounter.observations().size(); k++) {
            if (encounter.observations().get(k).defect() != ObservationDefect.NONE
                || refusedObservationIds.contains(observationId(i, j, k))) {
              observationCount++;
            }
          }
        }
      }
      return new RecordCounts(patientCount, encounterCount, observationCount);
    }

    /** Ids of the valid observations under valid parents: those the store may be told to refuse. */
    List<String> writableObservationIds() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < patients.size(); i++) {
        PatientSpec patient = patients.get(i);
        if (patient.unreadable() || patient.defect() != PatientDefect.NONE) {
          continue;
        }
        for (int j = 0; j < patient.encounters().size(); j++) {
          EncounterSpec encounter = patient.encounters().get(j);
          if (encounter.defect() != EncounterDefect.NONE) {
            continue;
          }
          for (int k = 0; k < encounter.observations().size(); k++) {
            if (encounter.observations().get(k).defect() == ObservationDefect.NONE) {
              ids.add(observationId(i, j, k));
            }
          }
        }
      }
      return ids;
    }
  }

  /** Files of {@code minPatients} to {@code maxPatients} patients, some records defective. */
  static Arbitrary<FileSpec> files(int minPatients, int maxPatients) {
    return Combinators.combine(
            patients().list().ofMinSize(minPatients).ofMaxSize(maxPatients),
            Arbitraries.of(Layout.class),
            Arbitraries.of(false, true))
        .as(FileSpec::new);
  }

  static Arbitrary<PatientSpec> patients() {
    Arbitrary<PatientDefect> defect =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(PatientDefect.NONE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(PatientDefect.class)));
    return Combinators.combine(
            defect,
            Arbitraries.integers().between(0, 12).map(chance -> chance == 0),
            encounters().list().ofMaxSize(3))
        .as(PatientSpec::new);
  }

  static Arbitrary<EncounterSpec> encounters() {
    Arbitrary<EncounterDefect> defect =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.just(EncounterDefect.NONE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(EncounterDefect.class)));
    return Combinators.combine(defect, observations().list().ofMaxSize(3)).as(EncounterSpec::new);
  }

  static Arbitrary<ObservationSpec> observations() {
    Arbitrary<ObservationDefect> defect =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(ObservationDefect.NONE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(ObservationDefect.class)));
    Arbitrary<String> notes =
        Arbitraries.of(WORDS).list().ofMaxSize(12).map(w -> String.join(" ", w));
    return Combinators.combine(defect, notes, Arbitraries.doubles().between(-1e6, 1e6).ofScale(2))
        .as(ObservationSpec::new);
  }

  static String patientId(int patient) {
    return String.format("MRN-%04d", patient);
  }

  static String encounterId(int patient, int encounter) {
    return "E-" + patient + "-" + encounter;
  }

  static String observationId(int patient, int encounter, int observation) {
    return "O-" + patient + "-" + encounter + "-" + observation;
  }

  private static String render(PatientSpec spec, int index, Layout layout) {
    if (spec.unreadable()) {
      return layout == Layout.NDJSON && index % 2 == 0
          ? "{\"patient_id\": \"" + patientId(index) + "\", broken"
          : "\"" + patientId(index) + "\"";
    }
    String id = patientId(index);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("patient_id", quote(id));
    fields.put("given_names", "[\"Given" + index + "\"]");
    fields.put("family_name", quote("Family" + index));
    fields.put("date_of_birth", quote((1975 + index % 30) + "-0" + (1 + index % 9) + "-15"));
    fields.put("gender", quote(index % 2 == 0 ? "female" : "M"));
    fields.put("address_line1", quote(index + " Main Street"));
    fields.put("city", quote("Springfield"));
    fields.put("state", quote("ma"));
    fields.put("postal_code", quote("01103"));
    fields.put("phone", quote("555-867-53" + (10 + index % 90)));
    fields.put("email", quote("patient" + index + "@example.org"));
    fields.put("language", quote("en-US"));
    switch (spec.defect()) {
      case NONE -> {}
      case MISSING_ID -> fields.remove("patient_id");
      case SHORT_ID -> fields.put("patient_id", quote("ab"));
      case FUTURE_BIRTH -> fields.put("date_of_birth", quote("2999-01-01"));
      case IMPOSSIBLE_BIRTH -> fields.put("date_of_birth", quote("1980-02-30"));
      case BIRTH_BEFORE_1900 -> fields.put("date_of_birth", quote("1899-12-31"));
      case GENDER -> fields.put("gender", quote("x"));
      case GENDER_NUMBER -> fields.put("gender", "1");
      case STATE -> fields.put("state", quote("MAS"));
      case POSTAL_CODE -> fields.put("postal_code", quote("1234"));
      case EMAIL -> fields.put("email", quote("no-address"));
      case LANGUAGE -> fields.put("language", quote("english"));
      case DEATH_BEFORE_BIRTH -> {
        fields.put("deceased", "true");
        fields.put("deceased_date", quote("1950-01-01T00:00:00Z"));
      }
      case GIVEN_NAMES_NOT_ARRAY -> fields.put("given_names", quote("Given"));
    }
    List<String> encounters = new ArrayList<>();
    for (int j = 0; j < spec.encounters().size(); j++) {
      encounters.add(render(spec.encounters().get(j), index, j, id));
    }
    fields.put("encounters", "[" + String.join(",", encounters) + "]");
    return object(fields);
  }

  private static String render(EncounterSpec spec, int patient, int index, String patientId) {
    if (spec.defect() == EncounterDefect.NOT_AN_OBJECT) {
      return "42";
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("encounter_id", quote(encounterId(patient, index)));
    if (index % 2 == 0) {
      fields.put("patient_id", quote(patientId));
    }
    fields.put("status", quote("finished"));
    fields.put("class_code", quote("AMB"));
    fields.put("period_start", quote("2020-01-0" + (1 + index) + "T10:00:00Z"));
    fields.put("period_end", quote("2020-01-0" + (1 + index) + "T11:30:00Z"));
    fields.put("provider_name", quote("Dr. Provider" + index));
    switch (spec.defect()) {
      case NONE, NOT_AN_OBJECT -> {}
      case MISSING_ID -> fields.remove("encounter_id");
      case MISSING_START -> fields.remove("period_start");
      case START_NOT_A_DATE -> fields.put("period_start", quote("yesterday"));
      case END_BEFORE_START -> fields.put("period_end", quote("2019-12-31T10:00:00Z"));
      case STATUS -> fields.put("status", quote("done"));
      case CLASS_CODE -> fields.put("class_code", quote("XYZ"));
      case OTHER_PATIENT -> fields.put("patient_id", quote("OTHER-999"));
      case OBSERVATIONS_NOT_ARRAY -> fields.put("observations", quote("none"));
    }
    if (spec.defect() != EncounterDefect.OBSERVATIONS_NOT_ARRAY) {
      List<String> observations = new ArrayList<>();
      for (int k = 0; k < spec.observations().size(); k++) {
        observations.add(render(spec.observations().get(k), patient, index, k));
      }
      fields.put("observations", "[" + String.join(",", observations) + "]");
    }
    return object(fields);
  }

  private static String render(ObservationSpec spec, int patient, int encounter, int index) {
    if (spec.defect() == ObservationDefect.NOT_AN_OBJECT) {
      return quote("obs");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("observation_id", quote(observationId(patient, encounter, index)));
    fields.put("status", quote("final"));
    fields.put("code", quote("8480-6"));
    fields.put("value_quantity", Double.toString(spec.quantity()));
    fields.put("effective_at", quote("2020-01-01T10:" + (10 + index) + ":00Z"));
    fields.put("notes", quote(spec.notes()));
    switch (spec.defect()) {
      case NONE, NOT_AN_OBJECT -> {}
      case MISSING_ID -> fields.remove("observation_id");
      case MISSING_CODE -> fields.remove("code");
      case STATUS -> fields.put("status", quote("done"));
      case FUTURE_EFFECTIVE -> fields.put("effective_at", quote("2999-01-01T00:00:00Z"));
      case EFFECTIVE_NOT_A_DATE -> fields.put("effective_at", quote("2020-13-01"));
      case QUANTITY_STRING -> fields.put("value_quantity", quote("12"));
      case NOTES_NUMBER -> fields.put("notes", "5");
    }
    return object(fields);
  }

  private static String object(Map<String, String> fields) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(quote(field.getKey())).append(':').append(field.getValue());
    }
    return json.append('}').toString();
  }

  private static String quote(String value) {
    return "\"" + value + "\"";
  }
}
