package org.clinicalingest.internal.redact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;

/**
 * The Synthea FHIR R4 bundles of {@code testdata/synthea-r4-bundles} (Apache-2.0), turned into a
 * {@link Patient} (names, identifiers, phone, address, encounters with their provider) and the
 * plain text of its clinical notes.
 */
final class SyntheaBundles {

  /** One bundle: the patient and its notes. */
  record PatientNotes(String file, Patient patient, List<String> notes) {}

  private SyntheaBundles() {}

  static List<PatientNotes> load() {
    try (Stream<Path> files = Files.list(SharedData.resolve("synthea-r4-bundles"))) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .map(SyntheaBundles::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PatientNotes read(Path file) {
    Patient.Builder patient = Patient.builder();
    List<Encounter> encounters = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Object entry : list(map(JsonTree.read(file)).get("entry"))) {
      Map<String, Object> resource = map(map(entry).get("resource"));
      switch ((String) resource.get("resourceType")) {
        case "Patient" -> patient(resource, patient);
        case "Encounter" -> encounters.add(encounter(resource));
        case "DocumentReference" -> {
          Map<String, Object> attachment =
              map(map(list(resource.get("content")).get(0)).get("attachment"));
          notes.add(
              new String(
                  Base64.getDecoder().decode((String) attachment.get("data")),
                  StandardCharsets.UTF_8));
        }
        default -> {}
      }
    }
    return new PatientNotes(
        file.getFileName().toString(), patient.encounters(encounters).build(), notes);
  }

  private static void patient(Map<String, Object> resource, Patient.Builder patient) {
    Map<String, Object> name = map(list(resource.get("name")).get(0));
    patient.patientId((String) resource.get("id"));
    patient.familyName((String) name.get("family"));
    patient.givenNames(list(name.get("given")).stream().map(String.class::cast).toList());
    patient.dateOfBirth((String) resource.get("birthDate"));
    List<String> identifiers = new ArrayList<>();
    for (Object identifier : list(resource.get("identifier"))) {
      Object type = map(identifier).get("type");
      if (type != null) {
        String code = (String) map(list(map(type).get("coding")).get(0)).get("code");
        identifiers.add((code.equals("SS") ? "SSN" : code) + ":" + map(identifier).get("value"));
      }
    }
    patient.identifiers(identifiers);
    for (Object telecom : list(resource.get("telecom"))) {
      if ("phone".equals(map(telecom).get("system"))) {
        patient.phone((String) map(telecom).get("value"));
      }
    }
    Map<String, Object> address = map(list(resource.get("address")).get(0));
    patient.addressLine1((String) list(address.get("line")).get(0));
    patient.city((String) address.get("city"));
    patient.state((String) address.get("state"));
    patient.postalCode((String) address.get("postalCode"));
  }

  private static Encounter encounter(Map<String, Object> resource) {
    Encounter.Builder encounter = Encounter.builder().encounterId((String) resource.get("id"));
    for (Object participant : list(resource.get("participant"))) {
      Object individual = map(participant).get("individual");
      if (individual != null) {
        encounter.providerName((String) map(individual).get("display"));
      }
    }
    return encounter.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
