package org.clinicalingest.internal.validate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;

/** Synthetic, fully valid records and a fixed clock for the validation tests. */
final class ValidationFixtures {

  /** "Now" of the tests: 2024-06-15T09:00Z, when 2024-06-15 has begun everywhere but not 06-16. */
  static final Instant NOW = Instant.parse("2024-06-15T09:00:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private ValidationFixtures() {}

  /** A valid observation. */
  static Observation observation(String observationId) {
    return Observation.builder()
        .observationId(observationId)
        .status("final")
        .category("vital-signs")
        .code("8480-6")
        .codeSystem("http://loinc.org")
        .display("Systolic blood pressure")
        .valueQuantity(120.0)
        .valueUnit("mm[Hg]")
        .effectiveAt("2019-02-12T05:35:50-05:00")
        .interpretation("normal")
        .notes("Synthetic note for testing.")
        .build();
  }

  /** A valid encounter of patient {@code PAT-0001} holding {@code observations}. */
  static Encounter encounter(String encounterId, List<Observation> observations) {
    return Encounter.builder()
        .encounterId(encounterId)
        .patientId("PAT-0001")
        .status("finished")
        .classCode("AMB")
        .periodStart("2019-02-12T05:35:50-05:00")
        .periodEnd("2019-02-12T06:05:50-05:00")
        .reasonCode("185345009")
        .reasonDisplay("Encounter for symptom")
        .providerName("Dr. Synthetic Provider")
        .facilityName("Synthetic Clinic")
        .observations(observations)
        .build();
  }

  /** A valid patient {@code PAT-0001} without encounters. */
  static Patient.Builder patientBuilder() {
    return Patient.builder()
        .patientId("PAT-0001")
        .identifiers(List.of("SSN:999-00-0001"))
        .familyName("Testperson")
        .givenNames(List.of("Alex"))
        .namePrefix(List.of("Mx."))
        .dateOfBirth("1980-04-01")
        .gender("female")
        .deceased(false)
        .maritalStatus("M")
        .addressLine1("1 Example Street")
        .city("Springfield")
        .state("MA")
        .postalCode("01101-1234")
        .country("US")
        .phone("555-0100")
        .email("alex.testperson@example.org")
        .emergencyContactName("Sam Testperson")
        .emergencyContactRelationship("spouse")
        .emergencyContactPhone("555-0101")
        .language("en-US")
        .managingOrganization("Synthetic Health");
  }

  /** A valid patient with {@code encounters} encounters of {@code observations} observations. */
  static Patient patient(int encounters, int observations) {
    List<Encounter> encounterList = new ArrayList<>();
    for (int encounter = 0; encounter < encounters; encounter++) {
      List<Observation> observationList = new ArrayList<>();
      for (int observation = 0; observation < observations; observation++) {
        observationList.add(observation("OBS-" + encounter + "-" + observation));
      }
      encounterList.add(encounter("ENC-" + encounter, observationList));
    }
    return patientBuilder().encounters(encounterList).build();
  }

  /** The typical patient of the pipeline: 3 encounters of 4 observations each. */
  static Patient typicalPatient() {
    return patient(3, 4);
  }
}
