package org.clinicalingest.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Stream;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientMapperTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  private static final List<String> PATIENT_STRINGS =
      List.of(
          "patient_id",
          "family_name",
          "date_of_birth",
          "gender",
          "deceased_date",
          "marital_status",
          "address_line1",
          "address_line2",
          "city",
          "state",
          "postal_code",
          "country",
          "phone",
          "fax",
          "email",
          "emergency_contact_name",
          "emergency_contact_relationship",
          "emergency_contact_phone",
          "language",
          "managing_organization");
  private static final List<String> PATIENT_STRING_LISTS =
      List.of("identifiers", "given_names", "name_prefix", "name_suffix");
  private static final List<String> ENCOUNTER_STRINGS =
      List.of(
          "encounter_id",
          "patient_id",
          "status",
          "class_code",
          "period_start",
          "period_end",
          "reason_code",
          "reason_display",
          "provider_name",
          "facility_name");
  private static final List<String> OBSERVATION_STRINGS =
      List.of(
          "observation_id",
          "status",
          "category",
          "code",
          "code_system",
          "display",
          "value_unit",
          "value_string",
          "effective_at",
          "interpretation",
          "notes");
  private static final List<String> WRONG_FOR_STRING =
      List.of("42", "-1.5", "true", "false", "{\"a\":\"secret\"}", "[\"secret\"]", "[]", "{}");

  private final PatientMapper mapper = new PatientMapper(RecordLimit.NONE);

  private Patient map(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      Patient patient = mapper.read(parser);
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(parser.nextToken()).isNull();
      return patient;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String patientWith(String field, String value) {
    return "{\"patient_id\":\"P-1\",\"" + field + "\":" + value + "}";
  }

  private static String encounterWith(String field, String value) {
    return "{\"encounters\":[{\"encounter_id\":\"E-0\"},{\"" + field + "\":" + value + "}]}";
  }

  private static String observationWith(String field, String value) {
    return "{\"encounters\":[{},{\"observations\":[{},{},{\"" + field + "\":" + value + "}]}]}";
  }

  private static Object component(Object record, String jsonName) {
    StringBuilder camel = new StringBuilder();
    for (String part : jsonName.split("_")) {
      camel.append(
          camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().contentEquals(camel)) {
        try {
          return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no component " + camel + " in " + record.getClass());
  }

  private Observation thirdObservationOfSecondEncounter(Patient patient) {
    return patient.encounters().get(1).observations().get(2);
  }

  @Test
  void mapsEveryStringFieldToItsComponent() {
    for (String field : PATIENT_STRINGS) {
      assertThat(component(map(patientWith(field, "\"v-" + field + "\"")), field))
          .as(field)
          .isEqualTo("v-" + field);
    }
    for (String field : PATIENT_STRING_LISTS) {
      assertThat(component(map(patientWith(field, "[\"a\",\"b-" + field + "\"]")), field))
          .as(field)
          .isEqualTo(List.of("a", "b-" + field));
    }
    for (String field : ENCOUNTER_STRINGS) {
      Encounter encounter = map(encounterWith(field, "\"v-" + field + "\"")).encounters().get(1);
      assertThat(component(encounter, field)).as(field).isEqualTo("v-" + field);
    }
    for (String field : OBSERVATION_STRINGS) {
      Observation observation =
          thirdObservationOfSecondEncounter(map(observationWith(field, "\"v-" + field + "\"")));
      assertThat(component(observation, field)).as(field).isEqualTo("v-" + field);
    }
    assertThat(mapper.problems()).isEmpty();
  }

  static Stream<Arguments> wrongTypesForStrings() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String wrong : WRONG_FOR_STRING) {
      for (String field : PATIENT_STRINGS) {
        cases.add(Arguments.of(patientWith(field, wrong), field, field, "patient"));
      }
      for (String field : ENCOUNTER_STRINGS) {
        cases.add(
            Arguments.of(
                encounterWith(field, wrong), "encounters[1]." + field, field, "encounter"));
      }
      for (String field : OBSERVATION_STRINGS) {
        cases.add(
            Arguments.of(
                observationWith(field, wrong),
                "encounters[1].observations[2]." + field,
                field,
                "observation"));
      }
    }
    return cases.build();
  }

  @ParameterizedTest
  @MethodSource("wrongTypesForStrings")
  void leavesStringFieldOfWrongTypeUnsetAndReportsItsPath(
      String json, String path, String field, String level) {
    Patient patient = map(json);

    Object holder =
        switch (level) {
          case "patient" -> patient;
          case "encounter" -> patient.encounters().get(1);
          default -> thirdObservationOfSecondEncounter(patient);
        };
    assertThat(component(holder, field)).isNull();
    assertThat(mapper.problems())
        .containsExactly(new FieldProblem(path, field + " must be a string"));
    assertThat(mapper.unknownFields()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"SSN:900-00-0001\"", "42", "true", "{\"a\":[\"x\"]}"})
  void leavesStringListThatIsNotAnArrayUnset(String wrong) {
    for (String field : PATIENT_STRING_LISTS) {
      Patient patient = map(patientWith(field, wrong));

      assertThat(component(patient, field)).as(field).isEqualTo(List.of());
      assertThat(mapper.problems())
          .containsExactly(new FieldProblem(field, field + " must be an array of strings"));
    }
  }

  @Test
  void leavesStringListWithNonStringElementsUnsetReportingEachElement() {
    for (String field : PATIENT_STRING_LISTS) {
      Patient patient = map(patientWith(field, "[\"ok\", 7, \"fine\", null, [\"x\"], {\"y\":1}]"));

      assertThat(component(patient, field)).as(field).isEqualTo(List.of());
      assertThat(mapper.problems())
          .containsExactly(
              new FieldProblem(field + "[1]", field + "[1] must be a string"),
              new FieldProblem(field + "[3]", field + "[3] must be a string"),
              new FieldProblem(field + "[4]", field + "[4] must be a string"),
              new FieldProblem(field + "[5]", field + "[5] must be a string"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"true\"", "1", "0", "[]", "{}"})
  void leavesDeceasedOfWrongTypeUnset(String wrong) {
    Patient patient = map(patientWith("deceased", wrong));

    assertThat(patient.deceased()).isNull();
    assertThat(mapper.problems())
        .containsExactly(new FieldProblem("deceased", "deceased must be a boolean"));
  }

  @Test
  void readsBooleansAndNumbersWithoutCoercion() {
    assertThat(map(patientWith("deceased", "true")).deceased()).isTrue();
    assertThat(map(patientWith("deceased", "false")).deceased()).isFalse();
    for (String number : List.of("12", "-0.5", "1.5e3", "0", "1e-400")) {
      Observation observation =
          thirdObservationOfSecondEncounter(map(observationWith("value_quantity", number)));
      assertThat(observation.valueQuantity()).isEqualTo(Double.parseDouble(number));
      assertThat(mapper.problems()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"12.5\"", "true", "[1]", "{\"v\":1}"})
  void leavesValueQuantityOfWrongTypeUnset(String wrong) {
    Observation observation =
        thirdObservationOfSecondEncounter(map(observationWith("value_quantity", wrong)));

    assertThat(observation.valueQuantity()).isNull();
    assertThat(mapper.problems())
        .containsExactly(
            new FieldProblem(
                "encounters[1].observations[2].value_quantity", "value_quantity must be a number"));
  }

  @Test
  void reportsNumbersOutOfTheRangeOfADouble() {
    for (String number : List.of("1e400", "-1e400", "9".repeat(400))) {
      Observation observation =
          thirdObservationOfSecondEncounter(map(observationWith("value_quantity", number)));

      assertThat(observation.valueQuantity()).as(number).isNull();
      assertThat(mapper.problems())
          .containsExactly(
              new FieldProblem(
                  "encounters[1].observations[2].value_quantity",
                  "value_quantity is out of the range of a double"));
    }
  }

  @Test
  void treatsNullAsAbsentEverywhere() {
    StringBuilder json = new StringBuilder("{");
    for (String field : PATIENT_STRINGS) {
      json.append('"').append(field).append("\":null,");
    }
    for (String field : PATIENT_STRING_LISTS) {
      json.append('"').append(field).append("\":null,");
    }
    json.append("\"deceased\":null,\"encounters\":[{");
    for (String field : ENCOUNTER_STRINGS) {
      json.append('"').append(field).append("\":null,");
    }
    json.append("\"observations\":[{");
    for (String field : OBSERVATION_STRINGS) {
      json.append('"').append(field).append("\":null,");
    }
    json.append("\"value_quantity\":null}]},{\"observations\":null}]}");

    Patient patient = map(json.toString());

    assertThat(mapper.problems()).isEmpty();
    assertThat(patient.encounters()).hasSize(2);
    Patient withoutEncounters = patient.toBuilder().encounters(null).build();
    assertThat(withoutEncounters).isEqualTo(Patient.builder().build());
    assertThat(patient.encounters().get(0).toBuilder().observations(null).build())
        .isEqualTo(Encounter.builder().build());
    assertThat(patient.encounters().get(0).observations())
        .containsExactly(Observation.builder().build());
    assertThat(patient.encounters().get(1)).isEqualTo(Encounter.builder().build());
    assertThat(map("{\"encounters\":null}").encounters()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"encounter_id\":\"E-1\"}", "\"E-1\"", "7", "true"})
  void leavesEncountersThatAreNotAnArrayUnset(String wrong) {
    Patient patient = map(patientWith("encounters", wrong));

    assertThat(patient.encounters()).isEmpty();
    assertThat(mapper.problems())
        .containsExactly(new FieldProblem("encounters", "encounters must be an array"));
  }

  @Test
  void keepsPlaceholderForNonObjectEncounterSoIndicesMatch() {
    Patient patient =
        map(
            "{\"encounters\":[{\"encounter_id\":\"E-0\"}, 42, null, \"E-x\", [{\"encounter_id\":\"no\"}],"
                + " {\"encounter_id\":\"E-5\",\"status\":7}]}");

    assertThat(patient.encounters())
        .extracting(Encounter::encounterId)
        .containsExactly("E-0", null, null, null, null, "E-5");
    assertThat(patient.encounters().subList(1, 5)).containsOnly(Encounter.builder().build());
    assertThat(mapper.problems())
        .containsExactly(
            new FieldProblem("encounters[1]", "encounter must be an object"),
            new FieldProblem("encounters[2]", "encounter must be an object"),
            new FieldProblem("encounters[3]", "encounter must be an object"),
            new FieldProblem("encounters[4]", "encounter must be an object"),
            new FieldProblem("encounters[5].status", "status must be a string"));
  }

  @Test
  void keepsPlaceholderForNonObjectObservationSoIndicesMatch() {
    Patient patient =
        map(
            "{\"encounters\":[{},{\"observations\":[{\"observation_id\":\"O-0\"}, 1.5, null,"
                + " {\"observation_id\":\"O-3\",\"value_quantity\":\"7\"}]},"
                + " {\"observations\":\"none\"}]}");

    assertThat(patient.encounters().get(1).observations())
        .extracting(Observation::observationId)
        .containsExactly("O-0", null, null, "O-3");
    assertThat(patient.encounters().get(2).observations()).isEmpty();
    assertThat(mapper.problems())
        .containsExactly(
            new FieldProblem("encounters[1].observations[1]", "observation must be an object"),
            new FieldProblem("encounters[1].observations[2]", "observation must be an object"),
            new FieldProblem(
                "encounters[1].observations[3].value_quantity", "value_quantity must be a number"),
            new FieldProblem("encounters[2].observations", "observations must be an array"));
  }

  @Test
  void countsAndSkipsUnknownFieldsAtEveryLevel() {
    Patient patient =
        map(
            "{\"resourceType\":\"Patient\",\"patient_id\":\"P-1\","
                + "\"meta\":{\"family_name\":\"not this\",\"encounters\":[1,2]},"
                + "\"encounters\":[{\"encounter_id\":\"E-1\",\"location\":[{\"city\":\"x\"}],"
                + "\"observations\":[{\"observation_id\":\"O-1\",\"code\":\"c\",\"extra\":null,"
                + "\"components\":[{\"code\":\"inner\"}],\"ref\":{\"notes\":\"no\"}}]}],"
                + "\"family_name\":\"Known\"}");

    assertThat(mapper.unknownFields()).isEqualTo(6);
    assertThat(mapper.problems()).isEmpty();
    assertThat(patient.familyName()).isEqualTo("Known");
    assertThat(patient.encounters()).hasSize(1);
    Observation observation = patient.encounters().get(0).observations().get(0);
    assertThat(observation.code()).isEqualTo("c");
    assertThat(observation.notes()).isNull();
  }

  @Test
  void problemMessagesNeverHoldTheValue() {
    map(
        "{\"family_name\":{\"secret\":\"Zebediah\"},\"identifiers\":[\"SSN:900-00-0001\",900000001],"
            + "\"encounters\":[{\"provider_name\":[\"Zebediah\"]}]}");

    assertThat(mapper.problems())
        .hasSize(3)
        .allSatisfy(
            problem -> {
              assertThat(problem.message()).doesNotContain("Zebediah", "900", "secret");
              assertThat(problem.path()).doesNotContain("Zebediah", "900", "secret");
            });
  }

  @Test
  void startsEachRecordWithNoProblemsAndNoUnknownFields() {
    map("{\"family_name\":1,\"x\":2,\"encounters\":[{\"y\":3}]}");
    assertThat(mapper.problems()).hasSize(1);
    assertThat(mapper.unknownFields()).isEqualTo(2);

    map("{\"family_name\":\"F\",\"encounters\":[{\"status\":1}]}");

    assertThat(mapper.problems())
        .containsExactly(new FieldProblem("encounters[0].status", "status must be a string"));
    assertThat(mapper.unknownFields()).isZero();
  }
}
