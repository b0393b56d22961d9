package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

  private final RecordValidator validator = new RecordValidator(ValidationFixtures.CLOCK);

  @Test
  void acceptsFullyValidPatient() {
    assertThat(validator.validate(ValidationFixtures.typicalPatient())).isEmpty();
  }

  @Test
  void acceptsPatientWithOnlyAnId() {
    assertThat(validator.validate(Patient.builder().patientId("PAT-0001").build())).isEmpty();
  }

  @Test
  void reportsObservationProblemOnTheObservationPath() {
    Patient patient = withObservation(ValidationFixtures.typicalPatient(), 1, 2, o -> o.code(null));

    assertThat(validator.validate(patient))
        .containsExactly(
            new FieldProblem("encounters[1].observations[2].code", "code is required"));
  }

  @Test
  void reportsEncounterProblemOnTheEncounterPath() {
    Patient patient =
        withEncounter(
            ValidationFixtures.typicalPatient(), 2, e -> e.periodEnd("2019-02-12T05:00:00-05:00"));

    assertThat(validator.validate(patient))
        .containsExactly(
            new FieldProblem(
                "encounters[2].period_end", "period_end must not be before period_start"));
  }

  @Test
  void reportsPatientProblemOnThePatientPath() {
    Patient patient =
        ValidationFixtures.typicalPatient().toBuilder().dateOfBirth("1899-12-31").build();

    assertThat(validator.validate(patient))
        .containsExactly(
            new FieldProblem("date_of_birth", "date_of_birth must not be before 1900-01-01"));
  }

  @Test
  void reportsChildPatientIdMismatchOnTheChildPath() {
    Patient patient =
        withEncounter(ValidationFixtures.typicalPatient(), 1, e -> e.patientId("PAT-0002"));

    assertThat(validator.validate(patient))
        .containsExactly(
            new FieldProblem(
                "encounters[1].patient_id", "patient_id must equal the patient's patient_id"));
  }

  @Test
  void reportsAllProblemsOfARecordAtOnce() {
    Patient patient =
        ValidationFixtures.typicalPatient().toBuilder()
            .gender("x")
            .postalCode("12345-678")
            .language("english")
            .build();
    patient = withEncounter(patient, 0, e -> e.encounterId(null).classCode("amb"));
    patient = withEncounter(patient, 2, e -> e.patientId("PAT-0009"));
    patient = withObservation(patient, 1, 3, o -> o.code(" ").effectiveAt("2024-06-16"));
    patient = withObservation(patient, 2, 0, o -> o.observationId(null).status("done"));

    assertThat(validator.validate(patient))
        .containsExactly(
            new FieldProblem(
                "encounters[0].class_code",
                "class_code must be one of AMB, EMER, FLD, HH, IMP, ACUTE, NONAC, OBSENC, PRENC, SS,"
                    + " VR"),
            new FieldProblem("encounters[0].encounter_id", "encounter_id is required"),
            new FieldProblem("encounters[1].observations[3].code", "code is required"),
            new FieldProblem(
                "encounters[1].observations[3].effective_at",
                "effective_at must not be in the future"),
            new FieldProblem(
                "encounters[2].observations[0].observation_id", "observation_id is required"),
            new FieldProblem(
                "encounters[2].observations[0].status",
                "status must be one of registered, preliminary, final, amended, corrected,"
                    + " cancelled, entered-in-error, unknown"),
            new FieldProblem(
                "encounters[2].patient_id", "patient_id must equal the patient's patient_id"),
            new FieldProblem(
                "gender", "gender must be male, female, other or unknown (or m, f, o, u)"),
            new FieldProblem("language", "language must be a language tag such as en or en-US"),
            new FieldProblem("postal_code", "postal_code must be 12345 or 12345-6789"));
  }

  @Test
  void messagesNeverContainTheInvalidValue() {
    List<String> values =
        List.of(
            "SECRET#MRN",
            "1850-07-04",
            "SecretGender",
            "secret.person(at)example",
            "98765-43",
            "Secretstate",
            "secretlanguage",
            "SECRETLAND",
            "2999-12-31T00:00:00Z",
            "1999-01-01T00:00:00Z",
            "PAT-SECRET",
            "secret-status",
            "SECRETCLASS",
            "2019-02-31");
    Patient patient =
        ValidationFixtures.typicalPatient().toBuilder()
            .patientId(values.get(0))
            .dateOfBirth(values.get(1))
            .gender(values.get(2))
            .email(values.get(3))
            .postalCode(values.get(4))
            .state(values.get(5))
            .language(values.get(6))
            .country(values.get(7))
            .deceasedDate(values.get(8))
            .build();
    patient =
        withEncounter(
            patient,
            0,
            e ->
                e.periodEnd(values.get(9))
                    .patientId(values.get(10))
                    .status(values.get(11))
                    .classCode(values.get(12)));
    patient = withEncounter(patient, 1, e -> e.periodStart(values.get(13)));
    patient = withObservation(patient, 2, 1, o -> o.effectiveAt(values.get(8)));

    List<FieldProblem> problems = validator.validate(patient);

    assertThat(problems).hasSizeGreaterThanOrEqualTo(values.size());
    for (FieldProblem problem : problems) {
      for (String value : values) {
        assertThat(problem.message()).doesNotContain(value);
        assertThat(problem.path()).doesNotContain(value);
      }
    }
  }

  @Test
  void noConstraintOfTheModelInterpolatesTheValidatedValue() throws Exception {
    List<Annotation> constraints = new ArrayList<>();
    for (Class<?> type : List.of(Patient.class, Encounter.class, Observation.class)) {
      addConstraints(type.getAnnotations(), constraints);
      for (RecordComponent component : type.getRecordComponents()) {
        Field field = type.getDeclaredField(component.getName());
        addConstraints(field.getAnnotations(), constraints);
        AnnotatedType annotatedType = field.getAnnotatedType();
        if (annotatedType instanceof AnnotatedParameterizedType parameterized) {
          for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
            addConstraints(argument.getAnnotations(), constraints);
          }
        }
      }
    }

    assertThat(constraints).hasSizeGreaterThan(20);
    for (Annotation constraint : constraints) {
      String message = (String) constraint.annotationType().getMethod("message").invoke(constraint);
      assertThat(message)
          .as(constraint.toString())
          .doesNotContain("${")
          .doesNotContain("validatedValue")
          .doesNotStartWith("{jakarta.validation");
    }
  }

  @Test
  void sharedFactoryEvaluatesNoExpressionLanguage() {
    assertThat(RecordValidator.factory().getMessageInterpolator())
        .isInstanceOf(ParameterMessageInterpolator.class);

    Set<ConstraintViolation<Probe>> violations =
        RecordValidator.factory().getValidator().validate(new Probe("SECRET-VALUE"));

    assertThat(violations)
        .singleElement()
        .extracting(ConstraintViolation::getMessage)
        .asString()
        .doesNotContain("SECRET-VALUE");
  }

  @Test
  void readsNowFromTheInjectedClock() {
    Patient patient =
        withObservation(
            ValidationFixtures.typicalPatient(), 0, 0, o -> o.effectiveAt("2025-01-01T00:00:00Z"));
    RecordValidator later =
        new RecordValidator(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    for (int round = 0; round < 3; round++) {
      assertThat(validator.validate(patient))
          .containsExactly(
              new FieldProblem(
                  "encounters[0].observations[0].effective_at",
                  "effective_at must not be in the future"));
      assertThat(later.validate(patient)).isEmpty();
    }
  }

  @Test
  void validatesFromManyThreadsAtOnce() throws Exception {
    Patient valid = ValidationFixtures.typicalPatient();
    Patient invalid =
        withObservation(valid, 2, 3, o -> o.code(null)).toBuilder().gender("x").build();
    List<FieldProblem> expected = validator.validate(invalid);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int task = 0; task < 8; task++) {
        results.add(
            threads.submit(
                () -> {
                  for (int round = 0; round < 500; round++) {
                    if (!validator.validate(valid).isEmpty()
                        || !validator.validate(invalid).equals(expected)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdown();
    }
    assertThat(expected).hasSize(2);
  }

  @Test
  void rejectsNullArguments() {
    assertThatNullPointerException().isThrownBy(() -> new RecordValidator(null));
    assertThatNullPointerException().isThrownBy(() -> validator.validate(null));
  }

  /** A bean whose message asks for the validated value, which must never be printed. */
  private record Probe(
      @Pattern(regexp = "x", message = "bad value ${validatedValue}") String value) {}

  private static void addConstraints(Annotation[] annotations, List<Annotation> constraints) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
        constraints.add(annotation);
      }
    }
  }

  private static Patient withEncounter(
      Patient patient, int index, java.util.function.UnaryOperator<Encounter.Builder> change) {
    List<Encounter> encounters = new ArrayList<>(patient.encounters());
    encounters.set(index, change.apply(encounters.get(index).toBuilder()).build());
    return patient.toBuilder().encounters(encounters).build();
  }

  private static Patient withObservation(
      Patient patient,
      int encounter,
      int index,
      java.util.function.UnaryOperator<Observation.Builder> change) {
    return withEncounter(
        patient,
        encounter,
        builder -> {
          List<Observation> observations = new ArrayList<>(builder.build().observations());
          observations.set(index, change.apply(observations.get(index).toBuilder()).build());
          return builder.observations(observations);
        });
  }
}
