package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The observation rules of FORMAT.md, each alone on observation 2 of encounter 1 of a valid
 * patient; "now" is {@link ValidationFixtures#NOW}, 2024-06-15T09:00Z.
 */
class ObservationConstraintsTest {

  private static final String PATH = "encounters[1].observations[2].";

  private final RecordValidator validator = new RecordValidator(ValidationFixtures.CLOCK);

  private List<FieldProblem> problemsWith(UnaryOperator<Observation.Builder> change) {
    Patient patient = ValidationFixtures.patient(2, 3);
    Encounter encounter = patient.encounters().get(1);
    List<Observation> observations =
        List.of(
            encounter.observations().get(0),
            encounter.observations().get(1),
            change.apply(encounter.observations().get(2).toBuilder()).build());
    List<Encounter> encounters =
        List.of(
            patient.encounters().get(0), encounter.toBuilder().observations(observations).build());
    return validator.validate(patient.toBuilder().encounters(encounters).build());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void requiresObservationId(String observationId) {
    assertThat(problemsWith(observation -> observation.observationId(observationId)))
        .containsExactly(new FieldProblem(PATH + "observation_id", "observation_id is required"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown"
      })
  void acceptsObservationStatuses(String status) {
    assertThat(problemsWith(observation -> observation.status(status))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Final", "finished", "done", "", "final "})
  void rejectsOtherObservationStatuses(String status) {
    assertThat(problemsWith(observation -> observation.status(status)))
        .containsExactly(
            new FieldProblem(
                PATH + "status",
                "status must be one of registered, preliminary, final, amended, corrected,"
                    + " cancelled, entered-in-error, unknown"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "\t"})
  void requiresCode(String code) {
    assertThat(problemsWith(observation -> observation.code(code)))
        .containsExactly(new FieldProblem(PATH + "code", "code is required"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "2019-02-12T05:35:50-05:00",
        "2024-06-15T09:00:00Z",
        "2024-06-15T09:00:00.000Z",
        "2024-06-15T10:00:00+01:00",
        "2024-06-15T05:00:00-04:00",
        "2024-06-15T09:00",
        "2024-06-15"
      })
  void acceptsEffectiveAtUpToNow(String effectiveAt) {
    assertThat(problemsWith(observation -> observation.effectiveAt(effectiveAt))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-06-15T09:00:00.001Z",
        "2024-06-15T05:00:01-04:00",
        "2024-06-15T11:00:01+02:00",
        "2024-06-15T09:01",
        "2024-06-16",
        "2999-01-01T00:00:00Z"
      })
  void rejectsEffectiveAtInTheFuture(String effectiveAt) {
    assertThat(problemsWith(observation -> observation.effectiveAt(effectiveAt)))
        .containsExactly(
            new FieldProblem(PATH + "effective_at", "effective_at must not be in the future"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-12T05:35:50-0500", "2019-02-29", "12 Feb 2019", ""})
  void rejectsEffectiveAtThatIsNotAnIsoDateTime(String effectiveAt) {
    assertThat(problemsWith(observation -> observation.effectiveAt(effectiveAt)))
        .containsExactly(
            new FieldProblem(
                PATH + "effective_at", "effective_at must be an ISO-8601 date or date-time"));
  }

  @Test
  void leavesOptionalFieldsFree() {
    assertThat(
            problemsWith(
                observation ->
                    observation
                        .status(null)
                        .category("anything")
                        .codeSystem(null)
                        .display(null)
                        .valueQuantity(null)
                        .valueUnit(null)
                        .valueString(null)
                        .effectiveAt(null)
                        .interpretation(null)
                        .notes(null)))
        .isEmpty();
  }
}
