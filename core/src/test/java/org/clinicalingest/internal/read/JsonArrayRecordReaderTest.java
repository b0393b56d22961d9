package org.clinicalingest.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalingest.internal.read.ReaderTestFiles.drain;
import static org.clinicalingest.internal.read.ReaderTestFiles.fixture;
import static org.clinicalingest.internal.read.ReaderTestFiles.parsed;
import static org.clinicalingest.internal.read.ReaderTestFiles.readAll;
import static org.clinicalingest.internal.read.ReaderTestFiles.unreadable;
import static org.clinicalingest.internal.read.ReaderTestFiles.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.ReadException;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonArrayRecordReaderTest {
  private static final JsonInputFormat FORMAT = JsonInputFormat.defaults();

  @TempDir Path directory;

  private Path file(String content) {
    return write(directory, "records.json", content);
  }

  /** Wraps elements as a top-level array or under "patients". */
  private static String shape(boolean wrapped, String elements) {
    return wrapped ? "{\"patients\":[" + elements + "]}" : "[" + elements + "]";
  }

  @Test
  void positionsRecordsOfPrettyPrintedArray() {
    Path path = fixture(directory, "reader-array.json");

    List<SourceRecord> records = readAll(FORMAT, path, false);

    assertThat(records)
        .extracting(SourceRecord::position)
        .containsExactly(
            new RecordPosition(path.toString(), 0, 2, 3, 4),
            new RecordPosition(path.toString(), 1, 70, 3, 2149),
            new RecordPosition(path.toString(), 2, 73, 3, 2187));
  }

  @Test
  void positionsRecordsOfWrappedFile() {
    Path path = fixture(directory, "reader-wrapped.json");

    List<SourceRecord> records = readAll(FORMAT, path, false);

    assertThat(records)
        .extracting(record -> record.position().line())
        .containsExactly(3L, 71L, 74L);
    assertThat(records).extracting(record -> record.position().column()).containsOnly(5L);
  }

  @Test
  void countsBytesOfMultiByteCharactersInOffsetsAndColumns() {
    String first = "{\"patient_id\":\"P-1\",\"family_name\":\"Ærø 😀\"}";
    String content = "[" + first + ", {\"patient_id\":\"P-2\"}]";
    int firstBytes = first.getBytes(StandardCharsets.UTF_8).length;
    assertThat(firstBytes).isGreaterThan(first.length());

    List<SourceRecord> records = readAll(FORMAT, file(content), false);

    assertThat(records.get(1).position().byteOffset()).isEqualTo(1 + firstBytes + 2);
    assertThat(records.get(1).position().column()).isEqualTo(1 + firstBytes + 2 + 1);
    assertThat(records.get(1).position().line()).isEqualTo(1);
    assertThat(parsed(records.get(0)).patient().familyName()).isEqualTo("Ærø 😀");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void returnsNonObjectElementsAsUnreadable(boolean wrapped) {
    String elements =
        "{\"patient_id\":\"P-1\"}, 42, \"P-2\", null, true, [{\"patient_id\":\"P-3\"}, [1]],"
            + " {\"patient_id\":\"P-4\"}";

    List<SourceRecord> records = readAll(FORMAT, file(shape(wrapped, elements)), true);

    assertThat(records).hasSize(7);
    assertThat(records.subList(1, 6))
        .allSatisfy(
            record ->
                assertThat(unreadable(record).reason()).isEqualTo("record is not a JSON object"));
    assertThat(records)
        .extracting(SourceRecord::raw)
        .containsExactly(
            "{\"patient_id\":\"P-1\"}",
            "42",
            "\"P-2\"",
            "null",
            "true",
            "[{\"patient_id\":\"P-3\"}, [1]]",
            "{\"patient_id\":\"P-4\"}");
    assertThat(records)
        .extracting(record -> record.position().recordIndex())
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(parsed(records.get(6)).patient().patientId()).isEqualTo("P-4");
  }

  @Test
  void failsAtSyntaxErrorAfterReturningEarlierRecords() {
    String content =
        "[\n  {\"patient_id\":\"P-1\"},\n  {\"patient_id\":\"P-2\"},\n  {\"patient_id\": Smithson},\n"
            + "  {\"patient_id\":\"P-4\"}\n]";
    Path path = file(content);

    try (RecordReader reader = FORMAT.open(path, false)) {
      List<SourceRecord> before = new ArrayList<>();
      before.add(reader.next().orElseThrow());
      before.add(reader.next().orElseThrow());

      assertThatThrownBy(reader::next)
          .isInstanceOf(ReadException.class)
          .hasMessage(
              path
                  + ": malformed JSON at byte "
                  + content.indexOf("Smithson")
                  + " (line 4, column 18) after record 1")
          .hasCauseInstanceOf(JsonProcessingException.class);
      assertThatThrownBy(reader::next).isInstanceOf(ReadException.class);
      assertThat(before)
          .extracting(record -> parsed(record).patient().patientId())
          .containsExactly("P-1", "P-2");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"patient_id\":\"P-1\"}, {\"patient_id\":\"P-2\"",
        "[{\"patient_id\":\"P-1\"}, ",
        "[{\"patient_id\":\"P-1\"}",
        "[{\"patient_id\":\"P-1\"}] [",
        "[{\"patient_id\":\"P-1\"}] {}",
        "[{\"patient_id\":\"P-1\"}] x",
        "{\"patients\":[{\"patient_id\":\"P-1\"}], \"more\": }",
        "{\"patients\":[{\"patient_id\":\"P-1\"}]} []",
      })
  void failsOnTruncationOrTrailingContentAfterFirstRecord(String content) {
    Path path = file(content);

    try (RecordReader reader = FORMAT.open(path, false)) {
      assertThat(parsed(reader.next().orElseThrow()).patient().patientId()).isEqualTo("P-1");
      assertThatThrownBy(reader::next)
          .isInstanceOf(ReadException.class)
          .hasMessageStartingWith(path + ": ")
          .hasMessageContaining(" at byte ")
          .hasMessageEndingWith(" after record 0");
    }
  }

  @Test
  void failsWhenPatientsIsNotAnArray() {
    Path path = file("{\"patients\": {\"patient_id\":\"P-1\"}}");

    try (RecordReader reader = FORMAT.open(path, false)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(ReadException.class)
          .hasMessageStartingWith(path + ": the value of \"patients\" is not an array at byte ")
          .hasMessageEndingWith("before the first record");
    }
  }

  @Test
  void ignoresOtherKeysOfWrappedFile() {
    String content =
        "{\"patients\":[{\"patient_id\":\"P-1\"}],"
            + " \"meta\": {\"patients\": [{\"patient_id\":\"X\"}]}, \"count\": 1,"
            + " \"patients\": [{\"patient_id\":\"P-2\"}], \"tail\": [[[]]]}\n\n";

    List<SourceRecord> records = readAll(FORMAT, file(content), false);

    assertThat(records)
        .extracting(record -> parsed(record).patient().patientId())
        .containsExactly("P-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", " [ ] ", "{\"patients\":[]}", "{\"patients\":[], \"n\": 0}"})
  void readsNoRecordFromEmptyArray(String content) {
    assertThat(readAll(FORMAT, file(content), false)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void invalidUtf8InANonObjectStringFailsWhetherOrNotRawTextIsKept(boolean captureRaw) {
    byte[] before = "[{\"patient_id\":\"P-1\"},\n \"ab".getBytes(StandardCharsets.UTF_8);
    byte[] after = "cd\",\n {\"patient_id\":\"P-3\"}]".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[before.length + 2 + after.length];
    System.arraycopy(before, 0, content, 0, before.length);
    content[before.length] = (byte) 0xC3;
    content[before.length + 1] = (byte) 0x28;
    System.arraycopy(after, 0, content, before.length + 2, after.length);
    Path path = write(directory, "records.json", content);

    try (RecordReader reader = FORMAT.open(path, captureRaw)) {
      assertThat(parsed(reader.next().orElseThrow()).patient().patientId()).isEqualTo("P-1");
      assertThatThrownBy(reader::next)
          .isInstanceOf(ReadException.class)
          .hasMessage(path + ": malformed JSON at byte 29 (line 2, column 7) after record 0");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void skipsElementOverRecordSizeAndReadsNext(boolean captureRaw) {
    JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(200).build();
    String bigKnown =
        "{\"patient_id\":\"P-2\",\"encounters\":[{\"observations\":[{\"notes\":\""
            + "n".repeat(100)
            + "\"},{\"notes\":\""
            + "n".repeat(100)
            + "\"}]}]}";
    String bigUnknown =
        "{\"patient_id\":\"P-3\",\"extra\":{\"a\":[" + "1,".repeat(300) + "1]},\"city\":\"C\"}";
    String bigNonObject = "[" + "2,".repeat(300) + "2]";
    String bigAtEnd = "{\"patient_id\":\"P-6\",\"notes\":\"" + "m".repeat(300) + "\"}";
    String elements =
        String.join(
            ",\n",
            "{\"patient_id\":\"P-1\"}",
            bigKnown,
            bigUnknown,
            bigNonObject,
            "{\"patient_id\":\"P-5\"}",
            bigAtEnd);
    for (boolean wrapped : new boolean[] {false, true}) {
      List<SourceRecord> records = readAll(format, file(shape(wrapped, elements)), captureRaw);

      assertThat(records).hasSize(6);
      assertThat(records)
          .extracting(record -> record.position().recordIndex())
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
      for (int index : new int[] {1, 2, 3, 5}) {
        assertThat(unreadable(records.get(index)).reason())
            .isEqualTo("record exceeds the maximum record size of 200 bytes");
        assertThat(records.get(index).raw()).isEmpty();
        assertThat(records.get(index).position().line()).isEqualTo(index + 1);
      }
      assertThat(parsed(records.get(4)).patient().patientId()).isEqualTo("P-5");
      assertThat(records.get(4).raw()).isEqualTo(captureRaw ? "{\"patient_id\":\"P-5\"}" : "");
    }
  }

  @Test
  void acceptsElementOfExactlyRecordSize() {
    String record = "{\"patient_id\":\"P-1\",\"notes\":\"" + "x".repeat(50) + "\"}";
    String content = "[" + record + "," + record + "]";
    JsonInputFormat exact = JsonInputFormat.builder().maxRecordBytes(record.length()).build();
    JsonInputFormat smaller = JsonInputFormat.builder().maxRecordBytes(record.length() - 1).build();

    assertThat(readAll(exact, file(content), false))
        .allSatisfy(parsed -> assertThat(parsed(parsed).patient().patientId()).isEqualTo("P-1"));
    assertThat(readAll(smaller, file(content), false))
        .allSatisfy(
            unreadable -> assertThat(unreadable(unreadable).reason()).startsWith("record exceeds"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void countsNestingFromTheRecordInEveryShape(boolean wrapped) {
    JsonInputFormat format = JsonInputFormat.builder().maxNestingDepth(5).build();
    String depthFive = "{\"patient_id\":\"P-1\",\"extra\":[[[[1]]]]}";
    String depthSix = "{\"patient_id\":\"P-2\",\"extra\":[[[[[1]]]]]}";
    Path path = file(shape(wrapped, depthFive + ",\n" + depthSix));

    try (RecordReader reader = format.open(path, false)) {
      assertThat(parsed(reader.next().orElseThrow()).unknownFields()).isEqualTo(1);
      assertThatThrownBy(reader::next)
          .isInstanceOf(ReadException.class)
          .hasMessageStartingWith(path + ": nesting exceeds the maximum depth of 5 at byte ")
          .hasMessageContaining("(line 2, column 33)")
          .hasMessageEndingWith("after record 0");
    }
  }

  @Test
  void failsOnTooLongString() {
    JsonInputFormat format = JsonInputFormat.builder().maxStringLength(10).build();
    Path path =
        file("[{\"patient_id\":\"P-1\"}, {\"patient_id\":\"P-2\",\"city\":\"0123456789A\"}]");

    try (RecordReader reader = format.open(path, false)) {
      reader.next();
      assertThatThrownBy(reader::next)
          .isInstanceOf(ReadException.class)
          .hasMessageContaining(": a string exceeds the maximum length of 10 characters at byte ");
    }
  }

  @Test
  void capturesRawElementByteForByte() {
    String record =
        "{\"patient_id\":\"P-1\", \"given_names\":[\"A\\\"B\",\"\\u010C\"],\n \"deceased\":false,"
            + "\"x\":{\"n\":null,\"big\":1e400,\"d\":1.50,\"i\":12345678901234567890},"
            + "\"encounters\":[{\"observations\":[{\"value_quantity\":-0.5, \"notes\":\"Ž\"}]}]}";
    String content = "[ " + record + " ,\n\"tail\", " + record + "]";

    List<SourceRecord> records = readAll(FORMAT, file(content), true);

    assertThat(records).extracting(SourceRecord::raw).containsExactly(record, "\"tail\"", record);
  }

  @Test
  void capturesRawTextOfLongRecordsAcrossReadChunks() {
    StringBuilder content = new StringBuilder("[");
    List<String> expected = new ArrayList<>();
    for (int index = 0; index < 100; index++) {
      String record =
          "{\"patient_id\":\"P-" + index + "\",\"notes\":\"" + "é".repeat(index * 997) + "\"}";
      expected.add(record);
      content.append(index == 0 ? "" : ",\n").append(record);
    }
    content.append("]");

    List<SourceRecord> records = readAll(FORMAT, file(content.toString()), true);

    assertThat(records).extracting(SourceRecord::raw).containsExactlyElementsOf(expected);
  }

  @Test
  void keepsReadingAfterReaderReturnsEmpty() {
    try (RecordReader reader = FORMAT.open(file("[{\"patient_id\":\"P-1\"}]"), false)) {
      assertThat(drain(reader)).hasSize(1);
      assertThat(reader.next()).isEqualTo(Optional.empty());
    }
  }
}
