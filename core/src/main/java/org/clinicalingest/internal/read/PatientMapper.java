package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;

/**
 * Maps the tokens of one patient object onto {@link Patient}, {@link Encounter} and {@link
 * Observation} builders, straight from the streaming parser.
 *
 * <p>Field names come from Jackson's canonicalizer, interned, so each object's fields are a {@code
 * switch} on the name. A value of the wrong JSON type is never coerced: the field stays unset and a
 * {@link FieldProblem} names its path (built only then) and the expected type, never the value. A
 * non-object element of {@code encounters} or {@code observations} is kept as an empty placeholder
 * so that list indices equal JSON indices, which the pipeline relies on to map problem paths to
 * records. A repeated {@code encounters} or {@code observations} key does not replace the list read
 * before it, which would make its records vanish unaccounted: the lists are joined, so every nested
 * record is counted, and the repetition is a problem of the object holding the key, so it is
 * quarantined with all of them. Unknown fields are skipped and counted. One mapper per reader; not
 * thread-safe.
 */
final class PatientMapper {
  private static final Encounter EMPTY_ENCOUNTER = Encounter.builder().build();
  private static final Observation EMPTY_OBSERVATION = Observation.builder().build();

  private final RecordLimit limit;
  private List<FieldProblem> problems;
  private int unknownFields;
  private int encounterIndex = -1;
  private int observationIndex = -1;

  PatientMapper(RecordLimit limit) {
    this.limit = limit;
  }

  /**
   * Reads one patient; the parser is on the record's {@code START_OBJECT} and is left on its {@code
   * END_OBJECT}.
   *
   * @throws IOException from the parser, or {@link RecordTooLargeException} from the limit
   */
  Patient read(JsonParser parser) throws IOException {
    problems = null;
    unknownFields = 0;
    encounterIndex = -1;
    observationIndex = -1;
    Patient.Builder patient = Patient.builder();
    List<Encounter> encounters = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      limit.check(parser);
      switch (name) {
        case "patient_id" -> patient.patientId(readString(parser, name));
        case "identifiers" -> patient.identifiers(readStrings(parser, name));
        case "family_name" -> patient.familyName(readString(parser, name));
        case "given_names" -> patient.givenNames(readStrings(parser, name));
        case "name_prefix" -> patient.namePrefix(readStrings(parser, name));
        case "name_suffix" -> patient.nameSuffix(readStrings(parser, name));
        case "date_of_birth" -> patient.dateOfBirth(readString(parser, name));
        case "gender" -> patient.gender(readString(parser, name));
        case "deceased" -> patient.deceased(readBoolean(parser, name));
        case "deceased_date" -> patient.deceasedDate(readString(parser, name));
        case "marital_status" -> patient.maritalStatus(readString(parser, name));
        case "address_line1" -> patient.addressLine1(readString(parser, name));
        case "address_line2" -> patient.addressLine2(readString(parser, name));
        case "city" -> patient.city(readString(parser, name));
        case "state" -> patient.state(readString(parser, name));
        case "postal_code" -> patient.postalCode(readString(parser, name));
        case "country" -> patient.country(readString(parser, name));
        case "phone" -> patient.phone(readString(parser, name));
        case "fax" -> patient.fax(readString(parser, name));
        case "email" -> patient.email(readString(parser, name));
        case "emergency_contact_name" -> patient.emergencyContactName(readString(parser, name));
        case "emergency_contact_relationship" ->
            patient.emergencyContactRelationship(readString(parser, name));
        case "emergency_contact_phone" -> patient.emergencyContactPhone(readString(parser, name));
        case "language" -> patient.language(readString(parser, name));
        case "managing_organization" -> patient.managingOrganization(readString(parser, name));
        case "encounters" -> encounters = readEncounters(parser, encounters);
        default -> skipUnknown(parser);
      }
    }
    limit.check(parser);
    return patient.encounters(encounters).build();
  }

  /** Type problems of the last record read, in reading order. */
  List<FieldProblem> problems() {
    return problems == null ? List.of() : problems;
  }

  /** Unknown fields of the last record read, nested ones included. */
  int unknownFields() {
    return unknownFields;
  }

  /** Reads an {@code encounters} value, appending to the list of an earlier key of that name. */
  private List<Encounter> readEncounters(JsonParser parser, List<Encounter> earlier)
      throws IOException {
    if (earlier != null) {
      addProblem("encounters", "encounters appears more than once");
    }
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return earlier;
    }
    if (token != JsonToken.START_ARRAY) {
      addProblem("encounters", "encounters must be an array");
      parser.skipChildren();
      return earlier;
    }
    List<Encounter> encounters = earlier != null ? earlier : new ArrayList<>();
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      limit.check(parser);
      encounterIndex = encounters.size();
      if (token == JsonToken.START_OBJECT) {
        encounters.add(readEncounter(parser));
      } else {
        addProblem(null, "encounter must be an object");
        parser.skipChildren();
        encounters.add(EMPTY_ENCOUNTER);
      }
    }
    encounterIndex = -1;
    return encounters;
  }

  private Encounter readEncounter(JsonParser parser) throws IOException {
    Encounter.Builder encounter = Encounter.builder();
    List<Observation> observations = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      limit.check(parser);
      switch (name) {
        case "encounter_id" -> encounter.encounterId(readString(parser, name));
        case "patient_id" -> encounter.patientId(readString(parser, name));
        case "status" -> encounter.status(readString(parser, name));
        case "class_code" -> encounter.classCode(readString(parser, name));
        case "period_start" -> encounter.periodStart(readString(parser, name));
        case "period_end" -> encounter.periodEnd(readString(parser, name));
        case "reason_code" -> encounter.reasonCode(readString(parser, name));
        case "reason_display" -> encounter.reasonDisplay(readString(parser, name));
        case "provider_name" -> encounter.providerName(readString(parser, name));
        case "facility_name" -> encounter.facilityName(readString(parser, name));
        case "observations" -> observations = readObservations(parser, observations);
        default -> skipUnknown(parser);
      }
    }
    return encounter.observations(observations).build();
  }

  /** Reads an {@code observations} value, appending to the list of an earlier key of that name. */
  private List<Observation> readObservations(JsonParser parser, List<Observation> earlier)
      throws IOException {
    if (earlier != null) {
      addProblem("observations", "observations appears more than once");
    }
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return earlier;
    }
    if (token != JsonToken.START_ARRAY) {
      addProblem("observations", "observations must be an array");
      parser.skipChildren();
      return earlier;
    }
    List<Observation> observations = earlier != null ? earlier : new ArrayList<>();
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      limit.check(parser);
      observationIndex = observations.size();
      if (token == JsonToken.START_OBJECT) {
        observations.add(readObservation(parser));
      } else {
        addProblem(null, "observation must be an object");
        parser.skipChildren();
        observations.add(EMPTY_OBSERVATION);
      }
    }
    observationIndex = -1;
    return observations;
  }

  private Observation readObservation(JsonParser parser) throws IOException {
    Observation.Builder observation = Observation.builder();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      limit.check(parser);
      switch (name) {
        case "observation_id" -> observation.observationId(readString(parser, name));
        case "status" -> observation.status(readString(parser, name));
        case "category" -> observation.category(readString(parser, name));
        case "code" -> observation.code(readString(parser, name));
        case "code_system" -> observation.codeSystem(readString(parser, name));
        case "display" -> observation.display(readString(parser, name));
        case "value_quantity" -> observation.valueQuantity(readNumber(parser, name));
        case "value_unit" -> observation.valueUnit(readString(parser, name));
        case "value_string" -> observation.valueString(readString(parser, name));
        case "effective_at" -> observation.effectiveAt(readString(parser, name));
        case "interpretation" -> observation.interpretation(readString(parser, name));
        case "notes" -> observation.notes(readString(parser, name));
        default -> skipUnknown(parser);
      }
    }
    return observation.build();
  }

  private String readString(JsonParser parser, String field) throws IOException {
    String value = parser.nextTextValue();
    if (value == null && parser.currentToken() != JsonToken.VALUE_NULL) {
      addProblem(field, field + " must be a string");
      parser.skipChildren();
    }
    return value;
  }

  private List<String> readStrings(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      addProblem(field, field + " must be an array of strings");
      parser.skipChildren();
      return null;
    }
    List<String> values = new ArrayList<>();
    boolean valid = true;
    int index = 0;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      limit.check(parser);
      if (token == JsonToken.VALUE_STRING) {
        if (valid) {
          values.add(parser.getText());
        }
      } else {
        String element = field + "[" + index + "]";
        addProblem(element, element + " must be a string");
        parser.skipChildren();
        valid = false;
      }
      index++;
    }
    return valid ? values : null;
  }

  private Boolean readBoolean(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (token != JsonToken.VALUE_NULL) {
      addProblem(field, field + " must be a boolean");
      parser.skipChildren();
    }
    return null;
  }

  private Double readNumber(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
      double value = parser.getDoubleValue();
      if (Double.isInfinite(value)) {
        addProblem(field, field + " is out of the range of a double");
        return null;
      }
      return value;
    }
    if (token != JsonToken.VALUE_NULL) {
      addProblem(field, field + " must be a number");
      parser.skipChildren();
    }
    return null;
  }

  private void skipUnknown(JsonParser parser) throws IOException {
    unknownFields++;
    parser.nextToken();
    parser.skipChildren();
  }

  /** Records a problem at {@code field} of the current record, or at the record itself if null. */
  private void addProblem(String field, String message) {
    if (problems == null) {
      problems = new ArrayList<>(4);
    }
    problems.add(new FieldProblem(path(field), message));
  }

  private String path(String field) {
    if (encounterIndex < 0) {
      return field;
    }
    StringBuilder path = new StringBuilder(48);
    path.append("encounters[").append(encounterIndex).append(']');
    if (observationIndex >= 0) {
      path.append(".observations[").append(observationIndex).append(']');
    }
    if (field != null) {
      path.append('.').append(field);
    }
    return path.toString();
  }
}
