package org.clinicalingest.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataGeneratorTest {

  private static final List<String> PATIENT_FIELDS =
      List.of(
          "patient_id",
          "identifiers",
          "family_name",
          "given_names",
          "name_prefix",
          "name_suffix",
          "date_of_birth",
          "gender",
          "deceased",
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
          "managing_organization",
          "encounters");
  private static final List<String> ENCOUNTER_FIELDS =
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
          "facility_name",
          "observations");
  private static final List<String> OBSERVATION_FIELDS =
      List.of(
          "observation_id",
          "status",
          "category",
          "code",
          "code_system",
          "display",
          "value_quantity",
          "value_unit",
          "value_string",
          "effective_at",
          "interpretation",
          "notes");

  @TempDir Path directory;

  private GenerationSummary generate(SyntheticDataGenerator generator, String name) {
    return generator.write(directory.resolve(name), directory.resolve(name + ".gold.jsonl"));
  }

  private Path gold(String name) {
    return directory.resolve(name + ".gold.jsonl");
  }

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverTheThreads() throws IOException {
    SyntheticDataGenerator generator =
        SyntheticDataGenerator.builder()
            .patients(300)
            .seed(42)
            .invalidRate(0.05)
            .duplicateRate(0.05)
            .threads(1)
            .build();
    generate(generator, "first.json");
    generate(generator, "second.json");
    generate(generator.toBuilder().threads(3).build(), "threaded.json");

    byte[] first = Files.readAllBytes(directory.resolve("first.json"));
    assertThat(Files.readAllBytes(directory.resolve("second.json"))).isEqualTo(first);
    assertThat(Files.readAllBytes(directory.resolve("threaded.json"))).isEqualTo(first);
    byte[] firstGold = Files.readAllBytes(gold("first.json"));
    assertThat(firstGold).isNotEmpty();
    assertThat(Files.readAllBytes(gold("second.json"))).isEqualTo(firstGold);
    assertThat(Files.readAllBytes(gold("threaded.json"))).isEqualTo(firstGold);
  }

  @Test
  void gzipOutputIsDeterministicAndHoldsTheSameJson() throws IOException {
    SyntheticDataGenerator generator =
        SyntheticDataGenerator.builder().patients(120).seed(9).ndjson(true).threads(2).build();
    generate(generator, "a.ndjson.gz");
    generate(generator, "b.ndjson.gz");
    generate(generator.toBuilder().threads(1).build(), "plain.ndjson");

    byte[] compressed = Files.readAllBytes(directory.resolve("a.ndjson.gz"));
    assertThat(compressed[0]).isEqualTo((byte) 0x1f);
    assertThat(compressed[1]).isEqualTo((byte) 0x8b);
    assertThat(Files.readAllBytes(directory.resolve("b.ndjson.gz"))).isEqualTo(compressed);
    assertThat(gunzip(directory.resolve("a.ndjson.gz")))
        .isEqualTo(Files.readAllBytes(directory.resolve("plain.ndjson")));
  }

  @Test
  void differentSeedsGiveDifferentData() throws IOException {
    generate(SyntheticDataGenerator.builder().patients(20).seed(1).build(), "one.json");
    generate(SyntheticDataGenerator.builder().patients(20).seed(2).build(), "two.json");
    assertThat(Files.readAllBytes(directory.resolve("one.json")))
        .isNotEqualTo(Files.readAllBytes(directory.resolve("two.json")));
  }

  @Test
  void writesAJsonArrayOrOneObjectPerLine() throws IOException {
    SyntheticDataGenerator generator = SyntheticDataGenerator.builder().patients(50).build();
    generate(generator, "array.json");
    generate(generator.toBuilder().ndjson(true).build(), "lines.ndjson");

    try (JsonParser parser =
        new JsonFactory().createParser(directory.resolve("array.json").toFile())) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      int objects = 0;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        parser.skipChildren();
        objects++;
      }
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
      assertThat(parser.nextToken()).isNull();
      assertThat(objects).isEqualTo(50);
    }
    List<String> lines = Files.readAllLines(directory.resolve("lines.ndjson"));
    assertThat(lines).hasSize(50);
    JsonFactory factory = new JsonFactory();
    for (String line : lines) {
      try (JsonParser parser = factory.createParser(line)) {
        assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        parser.skipChildren();
        assertThat(parser.nextToken()).isNull();
      }
    }
    assertThat(JsonTree.patients(directory.resolve("array.json")))
        .isEqualTo(JsonTree.patients(directory.resolve("lines.ndjson")));
  }

  @Test
  void writesAnEmptyArrayForNoPatients() throws IOException {
    GenerationSummary summary =
        generate(SyntheticDataGenerator.builder().patients(0).build(), "empty.json");
    assertThat(Files.readString(directory.resolve("empty.json"))).isEqualTo("[]\n");
    assertThat(summary.records().total()).isZero();
    assertThat(Files.size(gold("empty.json"))).isZero();
  }

  @Test
  void summaryCountsMatchTheFiles() throws IOException {
    GenerationSummary summary =
        generate(
            SyntheticDataGenerator.builder().patients(400).seed(5).invalidRate(0.02).build(),
            "counted.json");

    List<Map<String, Object>> patients = JsonTree.patients(directory.resolve("counted.json"));
    long encounters = 0;
    long observations = 0;
    long notes = 0;
    for (Map<String, Object> patient : patients) {
      for (Object encounter : JsonTree.asList(patient.get("encounters"))) {
        encounters++;
        for (Object observation :
            JsonTree.asList(JsonTree.asObject(encounter).get("observations"))) {
          observations++;
          if (JsonTree.asObject(observation).get("notes") instanceof String) {
            notes++;
          }
        }
      }
    }
    assertThat(summary.records()).isEqualTo(new RecordCounts(400, encounters, observations));
    assertThat(summary.notes()).isEqualTo(notes);
    assertThat(summary.bytes()).isEqualTo(Files.size(directory.resolve("counted.json")));
    assertThat(summary.jsonBytes()).isEqualTo(summary.bytes());
    assertThat((double) encounters / 400).isBetween(2.5, 3.5);
    assertThat((double) observations / 400).isBetween(10.0, 14.0);

    Map<PhiType, Long> phi = new EnumMap<>(PhiType.class);
    long[] keep = new long[1];
    GoldLine.forEach(
        gold("counted.json"),
        line -> {
          if (line.keep()) {
            keep[0]++;
          } else {
            phi.merge(line.phiType(), 1L, Long::sum);
          }
        });
    assertThat(phi).isEqualTo(summary.phiItems());
    assertThat(keep[0]).isEqualTo(summary.keepPhrases());
    assertThat(summary.table()).contains("records", "NAME", "MB/s");
  }

  @Test
  void validRecordsCarryEveryFieldAndFollowTheFormatRules() {
    generate(SyntheticDataGenerator.builder().patients(1000).seed(11).build(), "valid.json");
    List<Map<String, Object>> patients = JsonTree.patients(directory.resolve("valid.json"));

    Set<String> seen = new HashSet<>();
    Set<String> encounterIds = new HashSet<>();
    Set<String> observationIds = new HashSet<>();
    Set<String> patientIds = new HashSet<>();
    for (Map<String, Object> patient : patients) {
      assertThat(FormatRules.patient(patient))
          .as("patient %s", patient.get("patient_id"))
          .isEmpty();
      assertThat(patient).containsKeys("patient_id", "family_name", "given_names", "date_of_birth");
      assertThat(patientIds.add((String) patient.get("patient_id"))).isTrue();
      patient.keySet().forEach(field -> seen.add("patient." + field));
      for (Object encounterValue : JsonTree.asList(patient.get("encounters"))) {
        Map<String, Object> encounter = JsonTree.asObject(encounterValue);
        assertThat(FormatRules.encounter(encounter, patient.get("patient_id"))).isEmpty();
        assertThat(encounter).containsKeys("encounter_id", "period_start", "status");
        assertThat(encounterIds.add((String) encounter.get("encounter_id"))).isTrue();
        assertThat(notAfterReference((String) encounter.get("period_start"))).isTrue();
        encounter.keySet().forEach(field -> seen.add("encounter." + field));
        for (Object observationValue : JsonTree.asList(encounter.get("observations"))) {
          Map<String, Object> observation = JsonTree.asObject(observationValue);
          assertThat(FormatRules.observation(observation)).isEmpty();
          assertThat(observation).containsKeys("observation_id", "code", "effective_at");
          assertThat(observationIds.add((String) observation.get("observation_id"))).isTrue();
          assertThat(observation.containsKey("value_quantity"))
              .isNotEqualTo(observation.containsKey("value_string"));
          observation.keySet().forEach(field -> seen.add("observation." + field));
        }
      }
    }
    List<String> expected = new ArrayList<>();
    PATIENT_FIELDS.forEach(field -> expected.add("patient." + field));
    ENCOUNTER_FIELDS.forEach(field -> expected.add("encounter." + field));
    OBSERVATION_FIELDS.forEach(field -> expected.add("observation." + field));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static boolean notAfterReference(String dateTime) {
    return !OffsetDateTime.parse(dateTime).toLocalDate().isAfter(PatientWriter.REFERENCE_DATE);
  }

  @Test
  void valuesLookRealistic() {
    generate(SyntheticDataGenerator.builder().patients(1000).seed(3).build(), "real.json");
    List<Map<String, Object>> patients = JsonTree.patients(directory.resolve("real.json"));

    int over89 = 0;
    Set<String> givenNames = new HashSet<>();
    Set<String> familyNames = new HashSet<>();
    Set<String> loinc = new HashSet<>();
    Pattern ssn = Pattern.compile("SSN:\\d{3}-\\d{2}-\\d{4}");
    for (Map<String, Object> patient : patients) {
      LocalDate birth = LocalDate.parse((String) patient.get("date_of_birth"));
      assertThat(birth.getYear()).isBetween(1920, 2024);
      if (birth.plusYears(90).isBefore(PatientWriter.REFERENCE_DATE)) {
        over89++;
      }
      assertThat(JsonTree.asList(patient.get("identifiers")).get(0).toString()).matches(ssn);
      JsonTree.asList(patient.get("given_names")).forEach(name -> givenNames.add((String) name));
      familyNames.add((String) patient.get("family_name"));
      for (Object encounter : JsonTree.asList(patient.get("encounters"))) {
        for (Object value : JsonTree.asList(JsonTree.asObject(encounter).get("observations"))) {
          Map<String, Object> observation = JsonTree.asObject(value);
          assertThat(observation.get("code_system")).isEqualTo("http://loinc.org");
          assertThat((String) observation.get("code")).matches("\\d{3,5}-\\d");
          loinc.add((String) observation.get("code"));
        }
      }
    }
    assertThat(over89).isGreaterThan(20);
    assertThat(givenNames).containsAnyOf("Will", "Hope", "Grace", "May", "Mark");
    assertThat(familyNames).containsAnyOf("Parkinson", "Graves", "Bell", "Cushing", "Foley");
    assertThat(familyNames.size()).isGreaterThan(500);
    assertThat(loinc).contains("8480-6", "4548-4", "72166-2");
  }

  @Test
  void invalidRecordsOfEveryKindAppearAndOnlyThemBreakTheRules() {
    GenerationSummary summary =
        generate(
            SyntheticDataGenerator.builder().patients(2000).seed(8).invalidRate(0.08).build(),
            "invalid.json");
    List<Map<String, Object>> patients = JsonTree.patients(directory.resolve("invalid.json"));

    Map<Defect, Long> found = new EnumMap<>(Defect.class);
    long[] quarantined = new long[3];
    for (Map<String, Object> patient : patients) {
      boolean patientBad = record(FormatRules.patient(patient), found);
      for (Object encounterValue : JsonTree.asList(patient.get("encounters"))) {
        Map<String, Object> encounter = JsonTree.asObject(encounterValue);
        boolean encounterBad =
            record(FormatRules.encounter(encounter, patient.get("patient_id")), found);
        for (Object observation : JsonTree.asList(encounter.get("observations"))) {
          boolean observationBad =
              record(FormatRules.observation(JsonTree.asObject(observation)), found);
          if (patientBad || encounterBad || observationBad) {
            quarantined[RecordKind.OBSERVATION.ordinal()]++;
          }
        }
        if (patientBad || encounterBad) {
          quarantined[RecordKind.ENCOUNTER.ordinal()]++;
        }
      }
      if (patientBad) {
        quarantined[RecordKind.PATIENT.ordinal()]++;
      }
    }
    assertThat(found).isEqualTo(summary.defects());
    assertThat(found.keySet()).containsExactlyInAnyOrder(Defect.values());
    assertThat(summary.expectedQuarantined())
        .isEqualTo(new RecordCounts(quarantined[0], quarantined[1], quarantined[2]));
    long invalid = summary.invalid().total();
    assertThat(found.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(invalid);
  }

  /** Counts a record's broken rules; a generated record breaks at most one. */
  private static boolean record(List<Defect> broken, Map<Defect, Long> found) {
    assertThat(broken).hasSizeLessThanOrEqualTo(1);
    broken.forEach(defect -> found.merge(defect, 1L, Long::sum));
    return !broken.isEmpty();
  }

  @Test
  void duplicatesRepeatEarlierValidPatientsVerbatim() throws IOException {
    GenerationSummary summary =
        generate(
            SyntheticDataGenerator.builder()
                .patients(500)
                .seed(4)
                .ndjson(true)
                .duplicateRate(0.1)
                .invalidRate(0.02)
                .build(),
            "dupes.ndjson");
    List<String> lines = Files.readAllLines(directory.resolve("dupes.ndjson"));
    Map<String, String> byId = new HashMap<>();
    long repeats = 0;
    long repeatedObservations = 0;
    Pattern id = Pattern.compile("^\\{\"patient_id\":\"([^\"]+)\"");
    for (String line : lines) {
      Matcher matcher = id.matcher(line);
      if (!matcher.find()) {
        continue;
      }
      String previous = byId.putIfAbsent(matcher.group(1), line);
      if (previous != null) {
        assertThat(line).isEqualTo(previous);
        repeats++;
        repeatedObservations += count(line, "\"observation_id\"");
      }
    }
    assertThat(repeats).isPositive();
    assertThat(summary.duplicates().patients()).isEqualTo(repeats);
    assertThat(summary.duplicates().observations()).isEqualTo(repeatedObservations);
    assertThat(summary.records().patients()).isEqualTo(500 + repeats);
    assertThat(lines).hasSize((int) (500 + repeats));
  }

  private static long count(String text, String needle) {
    long found = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      found++;
    }
    return found;
  }

  @Test
  void goldOffsetsPointExactlyAtTheirTextInTheWrittenField() {
    generate(
        SyntheticDataGenerator.builder().patients(300).seed(21).invalidRate(0.02).build(),
        "gold.json");
    Map<String, Map<String, Object>> observations =
        JsonTree.observationsById(JsonTree.patients(directory.resolve("gold.json")));
    Map<String, List<GoldLine>> byField = new HashMap<>();
    long[] lines = new long[1];
    String[] previousId = {""};
    GoldLine.forEach(
        gold("gold.json"),
        line -> {
          lines[0]++;
          assertThat(line.observationId()).isGreaterThanOrEqualTo(previousId[0]);
          previousId[0] = line.observationId();
          Map<String, Object> observation = observations.get(line.observationId());
          assertThat(observation).as(line.observationId()).isNotNull();
          String text = (String) observation.get(line.field());
          assertThat(text.substring(line.start(), line.end())).isEqualTo(line.text());
          byField
              .computeIfAbsent(line.observationId() + "/" + line.field(), key -> new ArrayList<>())
              .add(line);
        });
    assertThat(lines[0]).isGreaterThan(10_000);
    assertThat(byField.keySet().stream().map(key -> key.substring(key.indexOf('/') + 1)))
        .contains("notes", "interpretation", "value_string");
    byField.forEach(
        (key, fieldLines) -> {
          String observationId = key.substring(0, key.indexOf('/'));
          String text =
              (String) observations.get(observationId).get(key.substring(key.indexOf('/') + 1));
          for (GoldLine line : fieldLines) {
            if (!line.keep()) {
              assertThat(line.background())
                  .as("background of %s in %s", line.text(), text)
                  .isEqualTo(ordinaryOccurrences(text, line.text(), fieldLines));
            }
          }
        });
  }

  /** Whole-word occurrences of phrase outside every PHI span, counted with a regex. */
  private static int ordinaryOccurrences(String text, String phrase, List<GoldLine> lines) {
    String before = boundary(phrase.charAt(0), "(?<!");
    String after = boundary(phrase.charAt(phrase.length() - 1), "(?!");
    Matcher matcher =
        Pattern.compile(before + Pattern.quote(phrase) + after, Pattern.CASE_INSENSITIVE)
            .matcher(text);
    int found = 0;
    while (matcher.find()) {
      int start = matcher.start();
      int end = matcher.end();
      boolean inPhi =
          lines.stream().anyMatch(line -> !line.keep() && start < line.end() && line.start() < end);
      if (!inPhi) {
        found++;
      }
    }
    return found;
  }

  /** A look-around that keeps a word from going on past a phrase's edge character. */
  private static String boundary(char edge, String lookaround) {
    if (Character.isDigit(edge)) {
      return lookaround + "\\p{N})";
    }
    return Character.isLetter(edge) ? lookaround + "[\\p{L}\\p{N}])" : "";
  }

  @Test
  void notesOfAThousandPatientsHoldEveryPhiCategoryAndTheTrickyNonPhi() {
    GenerationSummary summary =
        generate(SyntheticDataGenerator.builder().patients(1000).seed(13).build(), "phi.json");
    Set<PhiType> types = EnumSet.noneOf(PhiType.class);
    Set<String> keep = new HashSet<>();
    GoldLine.forEach(
        gold("phi.json"),
        line -> {
          if (line.keep()) {
            keep.add(line.text().toLowerCase(Locale.ROOT));
          } else {
            types.add(line.phiType());
          }
        });
    assertThat(types).containsExactlyInAnyOrder(PhiType.values());
    assertThat(summary.phiItems().keySet()).containsExactlyInAnyOrder(PhiType.values());
    assertThat(keep)
        .contains(
            "parkinson disease",
            "crohn's disease",
            "hodgkin lymphoma",
            "graves disease",
            "bell palsy",
            "glasgow coma scale",
            "foley catheter",
            "babinski sign",
            "cushing syndrome");
    assertThat(keep).anyMatch(phrase -> phrase.startsWith("bp "));
    assertThat(keep).anyMatch(phrase -> phrase.startsWith("hba1c "));
    assertThat(keep).anyMatch(phrase -> phrase.startsWith("loinc "));
    assertThat(keep).anyMatch(phrase -> phrase.startsWith("apgar "));

    Map<String, Map<String, Object>> observations =
        JsonTree.observationsById(JsonTree.patients(directory.resolve("phi.json")));
    int upper = 0;
    int lower = 0;
    int shorthand = 0;
    int total = 0;
    int inRange = 0;
    for (Map<String, Object> observation : observations.values()) {
      if (observation.get("notes") instanceof String note) {
        total++;
        if (note.length() >= 150 && note.length() <= 650) {
          inRange++;
        }
        if (note.equals(note.toUpperCase(Locale.ROOT))) {
          upper++;
        } else if (note.equals(note.toLowerCase(Locale.ROOT))) {
          lower++;
        }
        if (note.contains(" w/ ") || note.contains(" c/o ") || note.contains("PERRLA")) {
          shorthand++;
        }
      }
    }
    assertThat(upper).isGreaterThan(total / 20);
    assertThat(lower).isGreaterThan(total / 20);
    assertThat(shorthand).isGreaterThan(total / 20);
    assertThat(inRange).isGreaterThan(total * 8 / 10);
  }

  @Test
  void notesNameThePatientAsTheStructuredFieldsDo() {
    generate(SyntheticDataGenerator.builder().patients(200).seed(17).build(), "names.json");
    List<Map<String, Object>> patients = JsonTree.patients(directory.resolve("names.json"));
    Map<String, Set<String>> namesByObservation = new HashMap<>();
    GoldLine.forEach(
        gold("names.json"),
        line -> {
          if (!line.keep() && line.phiType() == PhiType.NAME) {
            namesByObservation
                .computeIfAbsent(line.observationId(), key -> new HashSet<>())
                .add(line.text().toLowerCase(Locale.ROOT));
          }
        });
    int notes = 0;
    int naming = 0;
    for (Map<String, Object> patient : patients) {
      String family = ((String) patient.get("family_name")).toLowerCase(Locale.ROOT);
      String given =
          ((String) JsonTree.asList(patient.get("given_names")).get(0)).toLowerCase(Locale.ROOT);
      for (Map<String, Object> observation : JsonTree.observationsById(List.of(patient)).values()) {
        if (observation.get("notes") instanceof String) {
          notes++;
          Set<String> names =
              namesByObservation.getOrDefault(observation.get("observation_id"), Set.of());
          if (names.contains(family) || names.contains(given)) {
            naming++;
          }
        }
      }
    }
    assertThat(naming).isGreaterThan(notes / 2);
  }

  @Test
  void builderRejectsBadOptionsNamingThem() {
    SyntheticDataGenerator.Builder builder = SyntheticDataGenerator.builder();
    assertThatThrownBy(() -> builder.patients(-1)).hasMessageContaining("patients");
    assertThatThrownBy(() -> builder.invalidRate(1.5)).hasMessageContaining("invalidRate");
    assertThatThrownBy(() -> builder.duplicateRate(-0.1)).hasMessageContaining("duplicateRate");
    assertThatThrownBy(() -> builder.notesRate(Double.NaN)).hasMessageContaining("notesRate");
    assertThatThrownBy(() -> builder.encountersPerPatient(3, 2))
        .hasMessageContaining("encountersPerPatient");
    assertThatThrownBy(() -> builder.observationsPerEncounter(0, 256))
        .hasMessageContaining("observationsPerEncounter");
    assertThatThrownBy(() -> builder.threads(0)).hasMessageContaining("threads");
  }

  @Test
  void writesToStreamsTheSameBytesAsToAFile() throws IOException {
    SyntheticDataGenerator generator =
        SyntheticDataGenerator.builder().patients(40).seed(6).build();
    generate(generator, "file.json");
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteArrayOutputStream gold = new ByteArrayOutputStream();
    GenerationSummary summary = generator.write(data, gold);
    assertThat(data.toByteArray()).isEqualTo(Files.readAllBytes(directory.resolve("file.json")));
    assertThat(gold.toString(StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(gold("file.json")));
    assertThat(summary.bytes()).isEqualTo(data.size());
  }

  @Test
  void writesTheSameDataWithoutAGoldFile() throws IOException {
    SyntheticDataGenerator generator =
        SyntheticDataGenerator.builder().patients(60).seed(12).invalidRate(0.05).build();
    GenerationSummary withGold = generate(generator, "with.json");
    GenerationSummary without = generator.write(directory.resolve("without.json"));
    assertThat(Files.readAllBytes(directory.resolve("without.json")))
        .isEqualTo(Files.readAllBytes(directory.resolve("with.json")));
    assertThat(without.phiItems()).isEqualTo(withGold.phiItems());
    assertThat(without.records()).isEqualTo(withGold.records());
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
