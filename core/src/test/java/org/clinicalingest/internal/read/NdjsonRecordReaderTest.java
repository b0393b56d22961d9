package org.clinicalingest.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalingest.internal.read.ReaderTestFiles.parsed;
import static org.clinicalingest.internal.read.ReaderTestFiles.readAll;
import static org.clinicalingest.internal.read.ReaderTestFiles.unreadable;
import static org.clinicalingest.internal.read.ReaderTestFiles.write;

import java.nio.file.Path;
import java.util.List;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NdjsonRecordReaderTest {
  private static final JsonInputFormat FORMAT = JsonInputFormat.defaults();

  @TempDir Path directory;

  private List<SourceRecord> read(JsonInputFormat format, String content, boolean captureRaw) {
    return readAll(format, write(directory, "records.ndjson", content), captureRaw);
  }

  @Test
  void positionsRecordsInBytesSkippingBlankLines() {
    String content =
        "{\"patient_id\":\"P-1\",\"family_name\":\"Ñúñez 😀\"}\n"
            + "\n"
            + "   \t\n"
            + "  {\"patient_id\":\"P-2\"}\r\n"
            + "{\"patient_id\":\"P-3\"}";
    Path path = write(directory, "positions.ndjson", content);

    List<SourceRecord> records = readAll(FORMAT, path, false);

    String firstLine = "{\"patient_id\":\"P-1\",\"family_name\":\"Ñúñez 😀\"}\n";
    int firstLineBytes = firstLine.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(firstLineBytes).isGreaterThan(firstLine.length());
    assertThat(records)
        .extracting(SourceRecord::position)
        .containsExactly(
            new RecordPosition(path.toString(), 0, 1, 1, 0),
            new RecordPosition(path.toString(), 1, 4, 3, firstLineBytes + 1 + 5 + 2),
            new RecordPosition(
                path.toString(),
                2,
                5,
                1,
                firstLineBytes + 1 + 5 + "  {\"patient_id\":\"P-2\"}\r\n".length()));
    assertThat(records)
        .extracting(record -> parsed(record).patient().patientId())
        .containsExactly("P-1", "P-2", "P-3");
    assertThat(parsed(records.get(0)).patient().familyName()).isEqualTo("Ñúñez 😀");
  }

  @Test
  void quarantinesMalformedLineWithoutItsContentAndReadsOn() {
    String content =
        "{\"patient_id\":\"P-1\"}\n"
            + "{\"patient_id\": \"P-2\", \"family_name\": Smithson}\n"
            + "{\"patient_id\":\"P-3\"}\n";

    List<SourceRecord> records = read(FORMAT, content, false);

    assertThat(records).hasSize(3);
    assertThat(unreadable(records.get(1)).reason())
        .isEqualTo("malformed JSON at column 38")
        .doesNotContain("Smith");
    assertThat(records.get(1).position().line()).isEqualTo(2);
    assertThat(records.get(1).position().recordIndex()).isEqualTo(1);
    assertThat(records.get(1).raw()).isEmpty();
    assertThat(parsed(records.get(2)).patient().patientId()).isEqualTo("P-3");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"patient_id\":\"P-2\"                  | unexpected end of input at column 20",
        "{\"patient_id\":\"P-2\"} trailing         | malformed JSON at column 22",
        "{\"patient_id\":\"P-2\"} {\"patient_id\":\"P-3\"} | the line holds more than one JSON value",
        "[{\"patient_id\":\"P-2\"}]                | record is not a JSON object",
        "42                                     | record is not a JSON object",
        "\"P-2\"                                | record is not a JSON object",
        "null                                   | record is not a JSON object",
        "{\"patient_id\":\"P-\u0001\"}             | malformed JSON at column 18",
      })
  void quarantinesLineThatIsNotOneObject(String line, String reason) {
    List<SourceRecord> records =
        read(
            FORMAT,
            "{\"patient_id\":\"P-1\"}\n" + line.strip() + "\n{\"patient_id\":\"P-3\"}\n",
            false);

    assertThat(records).hasSize(3);
    assertThat(unreadable(records.get(1)).reason()).isEqualTo(reason);
    assertThat(parsed(records.get(2)).patient().patientId()).isEqualTo("P-3");
  }

  @Test
  void quarantinesLineWithInvalidUtf8() {
    byte[] line =
        "{\"patient_id\":\"P-2\",\"city\":\"X\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    line[29] = (byte) 0xC3;
    byte[] content =
        concat(
            "{\"patient_id\":\"P-1\"}\n".getBytes(), line, "{\"patient_id\":\"P-3\"}\n".getBytes());

    List<SourceRecord> records = readAll(FORMAT, write(directory, "utf8.ndjson", content), false);

    assertThat(unreadable(records.get(1)).reason()).startsWith("malformed JSON at column");
    assertThat(parsed(records.get(2)).patient().patientId()).isEqualTo("P-3");
  }

  @Test
  void quarantinesLineOverRecordSizeAndReadsNextLine() {
    JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(100).build();
    String big = "{\"patient_id\":\"P-2\",\"notes\":\"" + "x".repeat(5000) + "\"}";
    String content = "{\"patient_id\":\"P-1\"}\n  " + big + "\n{\"patient_id\":\"P-3\"}\n";

    List<SourceRecord> records = read(format, content, true);

    assertThat(records).hasSize(3);
    assertThat(unreadable(records.get(1)).reason())
        .isEqualTo("record exceeds the maximum record size of 100 bytes");
    assertThat(records.get(1).raw()).isEmpty();
    assertThat(records.get(1).position())
        .extracting(RecordPosition::line, RecordPosition::column)
        .containsExactly(2L, 3L);
    assertThat(records.get(1).position().byteOffset()).isEqualTo(23);
    assertThat(parsed(records.get(2)).patient().patientId()).isEqualTo("P-3");
    assertThat(records.get(2).position().line()).isEqualTo(3);
  }

  @Test
  void acceptsLineOfExactlyRecordSize() {
    String record = "{\"patient_id\":\"P-1\",\"notes\":\"" + "x".repeat(50) + "\"}";
    JsonInputFormat exact = JsonInputFormat.builder().maxRecordBytes(record.length()).build();
    JsonInputFormat smaller = JsonInputFormat.builder().maxRecordBytes(record.length() - 1).build();

    assertThat(parsed(read(exact, record + "\r\n", false).get(0)).patient().patientId())
        .isEqualTo("P-1");
    assertThat(unreadable(read(smaller, record + "\r\n", false).get(0)).reason())
        .startsWith("record exceeds");
  }

  @Test
  void quarantinesTooDeepLineAndReadsOn() {
    JsonInputFormat format = JsonInputFormat.builder().maxNestingDepth(5).build();
    String depthFive = "{\"patient_id\":\"P-1\",\"extra\":[[[[1]]]]}";
    String depthSix = "{\"patient_id\":\"P-2\",\"extra\":[[[[[1]]]]]}";
    String deepKnown =
        "{\"patient_id\":\"P-3\",\"encounters\":[{\"observations\":[{\"notes\":{\"x\":1}}]}]}";

    List<SourceRecord> records =
        read(
            format,
            depthFive + "\n" + depthSix + "\n" + deepKnown + "\n{\"patient_id\":\"P-4\"}",
            false);

    assertThat(parsed(records.get(0)).unknownFields()).isEqualTo(1);
    assertThat(unreadable(records.get(1)).reason())
        .isEqualTo("nesting exceeds the maximum depth of 5 at column 33");
    assertThat(unreadable(records.get(2)).reason())
        .startsWith("nesting exceeds the maximum depth of 5");
    assertThat(parsed(records.get(3)).patient().patientId()).isEqualTo("P-4");
  }

  @Test
  void quarantinesLineWithTooLongStringOrNumber() {
    JsonInputFormat format =
        JsonInputFormat.builder().maxStringLength(10).maxNumberLength(5).build();
    String content =
        "{\"patient_id\":\"P-1\",\"city\":\"0123456789\"}\n"
            + "{\"patient_id\":\"P-2\",\"city\":\"0123456789A\"}\n"
            + "{\"patient_id\":\"P-3\",\"encounters\":[{\"observations\":[{\"value_quantity\":123456}]}]}\n"
            + "{\"patient_id\":\"P-4\"}\n";

    List<SourceRecord> records = read(format, content, false);

    assertThat(parsed(records.get(0)).patient().city()).isEqualTo("0123456789");
    assertThat(unreadable(records.get(1)).reason())
        .startsWith("a string exceeds the maximum length of 10 characters");
    assertThat(unreadable(records.get(2)).reason())
        .startsWith("a number exceeds the maximum length of 5 characters");
    assertThat(parsed(records.get(3)).patient().patientId()).isEqualTo("P-4");
  }

  @Test
  void capturesTheLineAsRawText() {
    String first = "{\"patient_id\":\"P-1\",  \"city\": \"Zürich\"}";
    String second = "{\"patient_id\": 7}";
    String third = "{broken";

    List<SourceRecord> withRaw = read(FORMAT, "  " + first + "\r\n" + second + "\n" + third, true);
    List<SourceRecord> withoutRaw =
        read(FORMAT, "  " + first + "\r\n" + second + "\n" + third, false);

    assertThat(withRaw).extracting(SourceRecord::raw).containsExactly(first, second, third);
    assertThat(withoutRaw).extracting(SourceRecord::raw).containsOnly("");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
