package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The encounter rules of FORMAT.md, each alone on the second encounter of a valid patient. */
class EncounterConstraintsTest {

  private final RecordValidator validator = new RecordValidator(ValidationFixtures.CLOCK);

  /** Problems of a valid patient whose encounter 1 (of 3) is changed by {@code change}. */
  private List<FieldProblem> problemsWith(UnaryOperator<Encounter.Builder> change) {
    Patient patient = ValidationFixtures.patient(3, 2);
    List<Encounter> encounters =
        List.of(
            patient.encounters().get(0),
            change.apply(patient.encounters().get(1).toBuilder()).build(),
            patient.encounters().get(2));
    return validator.validate(patient.toBuilder().encounters(encounters).build());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " \t"})
  void requiresEncounterId(String encounterId) {
    assertThat(problemsWith(encounter -> encounter.encounterId(encounterId)))
        .containsExactly(
            new FieldProblem("encounters[1].encounter_id", "encounter_id is required"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"PAT-0001", " PAT-0001 "})
  void acceptsMissingOrMatchingPatientId(String patientId) {
    assertThat(problemsWith(encounter -> encounter.patientId(patientId))).isEmpty();
  }

  @Test
  void comparesPatientIdsTrimmedOnBothSides() {
    Patient patient = ValidationFixtures.patient(1, 1).toBuilder().patientId(" PAT-0001\t").build();
    assertThat(validator.validate(patient)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PAT-0002", "pat-0001", "", "PAT-00011"})
  void reportsPatientIdMismatchOnTheEncounter(String patientId) {
    assertThat(problemsWith(encounter -> encounter.patientId(patientId)))
        .containsExactly(
            new FieldProblem(
                "encounters[1].patient_id", "patient_id must equal the patient's patient_id"));
  }

  @Test
  void reportsEachMismatchingEncounterOnItsOwnPath() {
    Patient patient = ValidationFixtures.patient(4, 0);
    List<Encounter> encounters =
        List.of(
            patient.encounters().get(0).toBuilder().patientId("OTHER-1").build(),
            patient.encounters().get(1),
            patient.encounters().get(2).toBuilder().patientId("OTHER-2").build(),
            patient.encounters().get(3).toBuilder().patientId(null).build());

    assertThat(validator.validate(patient.toBuilder().encounters(encounters).build()))
        .containsExactly(
            new FieldProblem(
                "encounters[0].patient_id", "patient_id must equal the patient's patient_id"),
            new FieldProblem(
                "encounters[2].patient_id", "patient_id must equal the patient's patient_id"));
  }

  @Test
  void leavesPatientIdComparisonToThePatientWhenItHasNoId() {
    Patient patient = ValidationFixtures.patient(1, 0).toBuilder().patientId(null).build();
    assertThat(validator.validate(patient))
        .containsExactly(new FieldProblem("patient_id", "patient_id is required"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "planned",
        "arrived",
        "triaged",
        "in-progress",
        "onleave",
        "finished",
        "cancelled",
        "entered-in-error",
        "unknown"
      })
  void acceptsEncounterStatuses(String status) {
    assertThat(problemsWith(encounter -> encounter.status(status))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"done", "Finished", "in progress", "", "final"})
  void rejectsOtherEncounterStatuses(String status) {
    assertThat(problemsWith(encounter -> encounter.status(status)))
        .containsExactly(
            new FieldProblem(
                "encounters[1].status",
                "status must be one of planned, arrived, triaged, in-progress, onleave, finished,"
                    + " cancelled, entered-in-error, unknown"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "AMB", "EMER", "FLD", "HH", "IMP", "ACUTE", "NONAC", "OBSENC", "PRENC", "SS", "VR"
      })
  void acceptsEncounterClasses(String classCode) {
    assertThat(problemsWith(encounter -> encounter.classCode(classCode))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amb", "XYZ", "ambulatory", "", "AMB "})
  void rejectsOtherEncounterClasses(String classCode) {
    assertThat(problemsWith(encounter -> encounter.classCode(classCode)))
        .containsExactly(
            new FieldProblem(
                "encounters[1].class_code",
                "class_code must be one of AMB, EMER, FLD, HH, IMP, ACUTE, NONAC, OBSENC, PRENC, SS,"
                    + " VR"));
  }

  @Test
  void requiresPeriodStart() {
    assertThat(problemsWith(encounter -> encounter.periodStart(null)))
        .containsExactly(
            new FieldProblem("encounters[1].period_start", "period_start is required"));
  }

  @Test
  void reportsBlankPeriodStartAsRequiredAndMalformed() {
    assertThat(problemsWith(encounter -> encounter.periodStart(" ")))
        .containsExactly(
            new FieldProblem("encounters[1].period_start", "period_start is required"),
            new FieldProblem(
                "encounters[1].period_start",
                "period_start must be an ISO-8601 date or date-time"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-12T25:00:00Z", "12/02/2019", "2019-02-12T05:35:50 EST"})
  void rejectsPeriodStartThatIsNotAnIsoDateTime(String periodStart) {
    assertThat(problemsWith(encounter -> encounter.periodStart(periodStart)))
        .containsExactly(
            new FieldProblem(
                "encounters[1].period_start",
                "period_start must be an ISO-8601 date or date-time"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-12T06:05:50+01:00x", "2019-02-31", ""})
  void rejectsPeriodEndThatIsNotAnIsoDateTime(String periodEnd) {
    assertThat(problemsWith(encounter -> encounter.periodEnd(periodEnd)))
        .containsExactly(
            new FieldProblem(
                "encounters[1].period_end", "period_end must be an ISO-8601 date or date-time"));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        // period_start, period_end: the end is not before the start
        "2019-02-12T05:35:50-05:00, 2019-02-12T05:35:50-05:00",
        "2019-02-12T05:35:50-05:00, 2019-02-12T06:45:00-04:00",
        "2019-02-12T10:00:00+02:00, 2019-02-12T09:00:00Z",
        "2019-02-12T10:00:00.25Z, 2019-02-12T10:00:00.5Z",
        "2019-02-12T23:30:00-05:00, 2019-02-12",
        "2019-02-12, 2019-02-12T00:00:00+14:00",
        "2019-02-12T05:35, null"
      })
  void acceptsPeriodEndNotBeforeStart(String periodStart, String periodEnd) {
    assertThat(problemsWith(encounter -> encounter.periodStart(periodStart).periodEnd(periodEnd)))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    // period_start, period_end: the end lies before the start
    "2019-02-12T05:35:50-05:00, 2019-02-12T06:00:00-04:00",
    "2019-02-12T10:00:00.5Z, 2019-02-12T10:00:00.25Z",
    "2019-02-12T10:00:00, 2019-02-12T10:30:00+01:00",
    "2019-02-12, 2019-02-11T23:59:59Z",
    "2019-02-12T00:30:00+05:00, 2019-02-11"
  })
  void reportsPeriodEndBeforeStartOnPeriodEnd(String periodStart, String periodEnd) {
    assertThat(problemsWith(encounter -> encounter.periodStart(periodStart).periodEnd(periodEnd)))
        .containsExactly(
            new FieldProblem(
                "encounters[1].period_end", "period_end must not be before period_start"));
  }

  @Test
  void acceptsPlannedEncounterInTheFuture() {
    assertThat(
            problemsWith(
                encounter ->
                    encounter
                        .status("planned")
                        .periodStart("2030-01-01T09:00:00Z")
                        .periodEnd("2030-01-01T10:00:00Z")))
        .isEmpty();
  }
}
