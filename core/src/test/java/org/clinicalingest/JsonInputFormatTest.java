package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalingest.internal.read.ReaderTestFiles.drain;
import static org.clinicalingest.internal.read.ReaderTestFiles.fixture;
import static org.clinicalingest.internal.read.ReaderTestFiles.gzip;
import static org.clinicalingest.internal.read.ReaderTestFiles.parsed;
import static org.clinicalingest.internal.read.ReaderTestFiles.readAll;
import static org.clinicalingest.internal.read.ReaderTestFiles.withByteOrderMark;
import static org.clinicalingest.internal.read.ReaderTestFiles.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInputFormatTest {
  private static final JsonInputFormat FORMAT = JsonInputFormat.defaults();

  @TempDir Path directory;

  static Stream<String> shapeFixtures() {
    return Stream.of("reader-array.json", "reader-wrapped.json", "reader-patients.ndjson");
  }

  @ParameterizedTest
  @MethodSource("shapeFixtures")
  void readsEveryFieldOfEachShape(String fixtureName) {
    List<SourceRecord> records = readAll(FORMAT, fixture(directory, fixtureName), false);

    assertThat(records).hasSize(3);
    assertThat(records).extracting(record -> parsed(record).patient()).containsExactly(expected());
    assertThat(records)
        .allSatisfy(
            record -> {
              assertThat(parsed(record).problems()).isEmpty();
              assertThat(parsed(record).unknownFields()).isZero();
              assertThat(record.raw()).isEmpty();
            });
    assertThat(records)
        .extracting(record -> record.position().recordIndex())
        .containsExactly(0L, 1L, 2L);
  }

  @ParameterizedTest
  @MethodSource("shapeFixtures")
  void readsEachShapeGzipped(String fixtureName) {
    Path gzipped = gzip(fixture(directory, fixtureName), directory, fixtureName + ".gz");

    List<SourceRecord> records = readAll(FORMAT, gzipped, false);

    assertThat(records).extracting(record -> parsed(record).patient()).containsExactly(expected());
  }

  @ParameterizedTest
  @MethodSource("shapeFixtures")
  void positionsAreTheSameInGzippedAndPlainFiles(String fixtureName) {
    Path plain = fixture(directory, fixtureName);
    Path gzipped = gzip(plain, directory, fixtureName + ".gz");

    List<SourceRecord> plainRecords = readAll(FORMAT, plain, false);
    List<SourceRecord> gzippedRecords = readAll(FORMAT, gzipped, false);

    for (int index = 0; index < plainRecords.size(); index++) {
      var plainPosition = plainRecords.get(index).position();
      var gzippedPosition = gzippedRecords.get(index).position();
      assertThat(gzippedPosition.source()).isEqualTo(gzipped.toString());
      assertThat(gzippedPosition.byteOffset()).isEqualTo(plainPosition.byteOffset());
      assertThat(gzippedPosition.line()).isEqualTo(plainPosition.line());
      assertThat(gzippedPosition.column()).isEqualTo(plainPosition.column());
    }
  }

  @Test
  void detectsGzipByMagicBytesWhateverTheName() {
    Path gzipped = gzip(fixture(directory, "reader-array.json"), directory, "misnamed.json");
    Path plainNamedGz = write(directory, "plain.json.gz", "[{\"patient_id\":\"MRN-1\"}]");

    assertThat(readAll(FORMAT, gzipped, false)).hasSize(3);
    assertThat(readAll(FORMAT, plainNamedGz, false))
        .extracting(record -> parsed(record).patient().patientId())
        .containsExactly("MRN-1");
  }

  @Test
  void detectsNdjsonFromContentWhateverTheName() {
    Path ndjson =
        write(directory, "patients.json", "{\"patient_id\":\"A\"}\n{\"patient_id\":\"B\"}\n");
    Path array =
        write(
            directory, "patients.ndjson", "[\n{\"patient_id\":\"A\"},\n{\"patient_id\":\"B\"}\n]");

    assertThat(readAll(FORMAT, ndjson, false))
        .extracting(record -> parsed(record).patient().patientId())
        .containsExactly("A", "B");
    assertThat(readAll(FORMAT, array, false))
        .extracting(record -> parsed(record).patient().patientId())
        .containsExactly("A", "B");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"patient_id\":\"MRN-1\"}]",
        "{\"patients\":[{\"patient_id\":\"MRN-1\"}]}",
        "{\"patient_id\":\"MRN-1\"}\n"
      })
  void toleratesByteOrderMarkAndCountsItInPositions(String content) {
    Path path = write(directory, "bom.json", withByteOrderMark(content));

    List<SourceRecord> records = readAll(FORMAT, path, false);

    assertThat(records)
        .extracting(record -> parsed(record).patient().patientId())
        .containsExactly("MRN-1");
    long expectedOffset = 3 + content.indexOf("{\"patient_id\"");
    assertThat(records.get(0).position().byteOffset()).isEqualTo(expectedOffset);
    assertThat(records.get(0).position().column()).isEqualTo(expectedOffset + 1);
    assertThat(records.get(0).position().line()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\n\n", " \t\r\n  \n", "\uFEFF", "\uFEFF \n"})
  void readsNoRecordFromEmptyOrBlankFile(String content) {
    Path path = write(directory, "blank.json", content);
    Path gzipped = gzip(path, directory, "blank.json.gz");

    assertThat(readAll(FORMAT, path, false)).isEmpty();
    assertThat(readAll(FORMAT, gzipped, false)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello",
        "42",
        "\"patients\"",
        "<patients/>",
        "{\n  \"patient_id\": \"MRN-1\"\n}\n",
        "{\"source\": \"x\", \"patients\": [{\"patient_id\": \"MRN-1\"}]}",
        "{\n  \"source\": \"x\",\n  \"patients\": []\n}"
      })
  void failsOnUndetectableShapeNamingTheFile(String content) {
    Path path = write(directory, "odd.json", content);

    assertThatThrownBy(() -> FORMAT.open(path, false))
        .isInstanceOf(ReadException.class)
        .hasMessageStartingWith(path + ": cannot detect the input shape: ")
        .hasMessageNotContaining("MRN-1");
  }

  @Test
  void failsOnUtf16Content() {
    byte[] utf16 = "\uFEFF[{\"patient_id\":\"MRN-1\"}]".getBytes(StandardCharsets.UTF_16LE);
    Path path = write(directory, "utf16.json", utf16);

    assertThatThrownBy(() -> FORMAT.open(path, false))
        .isInstanceOf(ReadException.class)
        .hasMessageContaining("cannot detect the input shape");
  }

  @Test
  void failsOnMissingFileNamingIt() {
    Path path = directory.resolve("missing.json");

    assertThatThrownBy(() -> FORMAT.open(path, false))
        .isInstanceOf(ReadException.class)
        .hasMessageStartingWith(path.toString())
        .hasCauseInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reader-array.json", "reader-patients.ndjson"})
  void wrapsTruncatedGzipAsReadException(String fixtureName) throws IOException {
    Path big = directory.resolve("big-" + fixtureName);
    String content = Files.readString(fixture(directory, fixtureName));
    StringBuilder repeated = new StringBuilder();
    if (fixtureName.endsWith(".ndjson")) {
      repeated.append(content.repeat(2000));
    } else {
      String body = content.strip();
      body = body.substring(1, body.length() - 1);
      repeated.append('[').append((body + ",").repeat(1999)).append(body).append(']');
    }
    Files.writeString(big, repeated);
    Path gzipped = gzip(big, directory, fixtureName + ".gz");
    byte[] bytes = Files.readAllBytes(gzipped);
    Path truncated = write(directory, "truncated.gz", Arrays.copyOf(bytes, bytes.length / 2));

    try (RecordReader reader = FORMAT.open(truncated, false)) {
      assertThatThrownBy(() -> drain(reader))
          .isInstanceOf(ReadException.class)
          .hasMessageStartingWith(truncated + ": ")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("shapeFixtures")
  void capturesRawRecordExactlyAsInTheFileOnlyWhenAsked(String fixtureName) throws IOException {
    Path path = fixture(directory, fixtureName);
    byte[] file = Files.readAllBytes(path);

    List<SourceRecord> withRaw = readAll(FORMAT, path, true);
    List<SourceRecord> withoutRaw = readAll(FORMAT, path, false);

    assertThat(withoutRaw).allSatisfy(record -> assertThat(record.raw()).isEmpty());
    for (SourceRecord record : withRaw) {
      byte[] raw = record.raw().getBytes(StandardCharsets.UTF_8);
      int offset = (int) record.position().byteOffset();
      assertThat(Arrays.copyOfRange(file, offset, offset + raw.length)).isEqualTo(raw);
      assertThat(record.raw()).startsWith("{").endsWith("}");
    }
    assertThat(withRaw.get(2).raw()).contains("Müller-Łukasz");
    String rawArray =
        "[" + String.join(",", withRaw.stream().map(SourceRecord::raw).toList()) + "]";
    assertThat(readAll(FORMAT, write(directory, "raw-copy.json", rawArray), false))
        .extracting(record -> parsed(record).patient())
        .containsExactly(expected());
  }

  @ParameterizedTest
  @MethodSource("progressCases")
  void reportsProgressInFileBytes(boolean ndjson, boolean compress) throws IOException {
    int count = 5000;
    Random random = new Random(7);
    StringBuilder content = new StringBuilder(ndjson ? "" : "[\n");
    for (int index = 0; index < count; index++) {
      byte[] noise = new byte[200];
      random.nextBytes(noise);
      content
          .append("{\"patient_id\":\"MRN-")
          .append(index)
          .append("\",\"family_name\":\"")
          .append(HexFormat.of().formatHex(noise))
          .append("\"}")
          .append(ndjson || index == count - 1 ? "\n" : ",\n");
    }
    content.append(ndjson ? "" : "]\n");
    Path path = write(directory, "progress.json", content.toString());
    if (compress) {
      path = gzip(path, directory, "progress.json.gz");
    }
    long size = Files.size(path);

    try (RecordReader reader = FORMAT.open(path, false)) {
      assertThat(reader.totalBytes()).isEqualTo(size);
      reader.next();
      long afterFirst = reader.bytesRead();
      assertThat(afterFirst).isPositive().isLessThan(size);
      long previous = afterFirst;
      long records = 1;
      for (Optional<SourceRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        assertThat(reader.bytesRead()).isGreaterThanOrEqualTo(previous);
        previous = reader.bytesRead();
        records++;
      }
      assertThat(records).isEqualTo(count);
      assertThat(reader.bytesRead()).isEqualTo(size);
    }
  }

  static Stream<Arguments> progressCases() {
    return Stream.of(
        Arguments.of(false, false),
        Arguments.of(false, true),
        Arguments.of(true, false),
        Arguments.of(true, true));
  }

  @ParameterizedTest
  @MethodSource("shapeFixtures")
  void keepsReturningEmptyAtTheEnd(String fixtureName) {
    try (RecordReader reader = FORMAT.open(fixture(directory, fixtureName), false)) {
      assertThat(drain(reader)).hasSize(3);
      assertThat(reader.next()).isEmpty();
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void readerRefusesNextAfterClose() {
    Path path = fixture(directory, "reader-array.json");
    RecordReader reader = FORMAT.open(path, false);
    reader.close();

    assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaultsMatchTheDocumentedValues() {
    assertThat(FORMAT.maxRecordBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(FORMAT.maxStringLength()).isEqualTo(10 * 1024 * 1024);
    assertThat(FORMAT.maxNestingDepth()).isEqualTo(64);
    assertThat(FORMAT.maxNumberLength()).isEqualTo(1000);
  }

  @Test
  void stringLengthFollowsRecordSizeUnlessSet() {
    JsonInputFormat small = JsonInputFormat.builder().maxRecordBytes(1000).build();
    JsonInputFormat smallerStrings = small.toBuilder().maxStringLength(100).build();
    JsonInputFormat variant = small.toBuilder().maxRecordBytes(2000).build();

    assertThat(small.maxStringLength()).isEqualTo(1000);
    assertThat(smallerStrings.maxStringLength()).isEqualTo(100);
    assertThat(smallerStrings.toBuilder().maxRecordBytes(5000).build().maxStringLength())
        .isEqualTo(100);
    assertThat(variant.maxStringLength()).isEqualTo(2000);
  }

  @Test
  void toBuilderKeepsEveryOption() {
    JsonInputFormat format =
        JsonInputFormat.builder()
            .maxRecordBytes(4096)
            .maxNestingDepth(12)
            .maxStringLength(512)
            .maxNumberLength(30)
            .build();

    JsonInputFormat copy = format.toBuilder().build();

    assertThat(copy.toString()).isEqualTo(format.toString());
    assertThat(copy.maxRecordBytes()).isEqualTo(4096);
    assertThat(copy.maxNestingDepth()).isEqualTo(12);
    assertThat(copy.maxStringLength()).isEqualTo(512);
    assertThat(copy.maxNumberLength()).isEqualTo(30);
  }

  @Test
  void builderRejectsBadOptionsNamingOptionAndValue() {
    JsonInputFormat.Builder builder = JsonInputFormat.builder();

    assertThatThrownBy(() -> builder.maxRecordBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRecordBytes must be > 0, was -1");
    assertThatThrownBy(() -> builder.maxRecordBytes(0))
        .hasMessage("maxRecordBytes must be > 0, was 0");
    assertThatThrownBy(() -> builder.maxRecordBytes(Integer.MAX_VALUE))
        .hasMessage("maxRecordBytes must be <= 2147483639, was 2147483647");
    assertThatThrownBy(() -> builder.maxNestingDepth(4))
        .hasMessage("maxNestingDepth must be >= 5, was 4");
    assertThatThrownBy(() -> builder.maxStringLength(0))
        .hasMessage("maxStringLength must be > 0, was 0");
    assertThatThrownBy(() -> builder.maxNumberLength(-3))
        .hasMessage("maxNumberLength must be > 0, was -3");
  }

  /** The three patients of the reader-* shape fixtures. */
  static Patient[] expected() {
    Observation systolic =
        Observation.builder()
            .observationId("OBS-0001")
            .status("final")
            .category("vital-signs")
            .code("8480-6")
            .codeSystem("http://loinc.org")
            .display("Systolic blood pressure")
            .valueQuantity(120.5)
            .valueUnit("mm[Hg]")
            .effectiveAt("2020-01-01T10:15:00Z")
            .interpretation("normal")
            .notes("Seen by Dr. Casey Example, call 555-0100 with \"results\".")
            .build();
    Observation smoking =
        Observation.builder()
            .observationId("OBS-0002")
            .code("72166-2")
            .valueQuantity(3.0)
            .valueString("Never smoker")
            .build();
    Encounter checkUp =
        Encounter.builder()
            .encounterId("ENC-0001")
            .patientId("MRN-0001")
            .status("finished")
            .classCode("AMB")
            .periodStart("2020-01-01T10:00:00Z")
            .periodEnd("2020-01-01T11:00:00Z")
            .reasonCode("185349003")
            .reasonDisplay("Encounter for check up")
            .providerName("Dr. Casey Example")
            .facilityName("Example Clinic")
            .observations(List.of(systolic, smoking))
            .build();
    Encounter later =
        Encounter.builder()
            .encounterId("ENC-0002")
            .periodStart("2021-06-01T08:30:00+02:00")
            .build();
    Patient full =
        Patient.builder()
            .patientId("MRN-0001")
            .identifiers(List.of("SSN:900-00-0001", "DL:S0000001"))
            .familyName("Testperson")
            .givenNames(List.of("Alex", "Jordan"))
            .namePrefix(List.of("Mx."))
            .nameSuffix(List.of("Jr."))
            .dateOfBirth("1980-02-29")
            .gender("female")
            .deceased(false)
            .maritalStatus("M")
            .addressLine1("1 Example Street")
            .addressLine2("Apt 2")
            .city("Springfield")
            .state("ma")
            .postalCode("01001")
            .country("US")
            .phone("555-0100")
            .fax("555-0101")
            .email("alex@example.org")
            .emergencyContactName("Sam Testperson")
            .emergencyContactRelationship("spouse")
            .emergencyContactPhone("555-0102")
            .language("en-US")
            .managingOrganization("Example Clinic")
            .encounters(List.of(checkUp, later))
            .build();
    Patient minimal = Patient.builder().patientId("MRN-0002").build();
    Patient deceased =
        Patient.builder()
            .patientId("MRN-0003")
            .familyName("Müller-Łukasz")
            .givenNames(List.of("Zoë"))
            .deceased(true)
            .deceasedDate("2019-12-31T23:59:00Z")
            .build();
    return new Patient[] {full, minimal, deceased};
  }
}
