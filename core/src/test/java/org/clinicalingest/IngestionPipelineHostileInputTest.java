package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.clinicalingest.HostileFixtures.concat;
import static org.clinicalingest.HostileFixtures.gzip;
import static org.clinicalingest.HostileFixtures.hex;
import static org.clinicalingest.HostileFixtures.id;
import static org.clinicalingest.HostileFixtures.ids;
import static org.clinicalingest.HostileFixtures.patient;
import static org.clinicalingest.HostileFixtures.quarantined;
import static org.clinicalingest.HostileFixtures.quarantinedRows;
import static org.clinicalingest.HostileFixtures.utf8;
import static org.clinicalingest.HostileFixtures.value;
import static org.clinicalingest.HostileFixtures.writtenRows;
import static org.clinicalingest.IngestionPipelineTest.encounter;
import static org.clinicalingest.IngestionPipelineTest.observation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clinicalingest.HostileFixtures.Content;
import org.clinicalingest.HostileFixtures.Layout;
import org.clinicalingest.HostileFixtures.Quarantined;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Rejection;
import org.clinicalingest.spi.Table;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.testing.RecordingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the pipeline hostile input, shape by shape, and checks that each case has one clear
 * outcome: the bad record quarantined with its position and reason while the rest is written, or,
 * where the file cannot be read on, one {@link ReadException} naming the file and byte offset after
 * every record before the failure was committed. Every case checks the accounting ({@code read ==
 * written + quarantined}) of what was processed. The cases that need hundreds of megabytes are in
 * {@link IngestionPipelineHostileInputIT}.
 */
class IngestionPipelineHostileInputTest {
  private static final JsonInputFormat DEFAULTS = JsonInputFormat.defaults();
  private static final RecordCounts ONE_EACH = new RecordCounts(1, 1, 1);

  @TempDir Path dir;

  // ---- a truncated file

  @ParameterizedTest
  @EnumSource(names = {"ARRAY", "WRAPPED"})
  void truncatedArrayCommitsRecordsBeforeTheCutAndNamesTheOffset(Layout layout) {
    Content content = layout.joinText(List.of(patient(0), patient(1), patient(2)));
    long cut = content.offset(2) + patient(2).indexOf("Family") + 3;
    Path file = write(layout.fileName("truncated"), content.truncated(cut));
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessageStartingWith(file + ": unexpected end of input at byte " + cut + " (line ")
        .hasMessageEndingWith(" after record 1");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(2));
    assertAccounted(writer, times(2, ONE_EACH));
  }

  @Test
  void truncatedArrayAccountsForWritesStillRunningWhenTheReadFails() {
    Content content = Layout.ARRAY.joinText(List.of(patient(0), "42", patient(2)));
    long cut = content.offset(2) + patient(2).indexOf("Family") + 3;
    Path file = write("in-flight.json", content.truncated(cut));
    RecordingWriter recording = new RecordingWriter();
    List<Rejection> sink = new CopyOnWriteArrayList<>();
    List<Progress> progress = new CopyOnWriteArrayList<>();
    IngestionPipeline pipeline =
        IngestionPipeline.builder()
            .writer(new SlowWriter(recording))
            .inputFormat(DEFAULTS)
            .clock(HostileFixtures.CLOCK)
            .threads(2)
            .chunkRows(1)
            .quarantineSink(sink::add)
            .progressListener(progress::add)
            .build();

    ReadException failure = catchThrowableOfType(ReadException.class, () -> pipeline.run(file));

    assertThat(failure).hasMessageStartingWith(file + ": unexpected end of input at byte " + cut);
    assertThat(sink)
        .extracting(rejection -> rejection.position().recordIndex())
        .containsExactly(1L);
    Progress last = progress.get(progress.size() - 1);
    assertThat(last.recordsRead()).isEqualTo(4);
    assertThat(last.recordsWritten() + last.recordsQuarantined()).isEqualTo(4);
    assertAccounted(recording, new RecordCounts(2, 1, 1));
  }

  @Test
  void truncatedNdjsonQuarantinesTheCutLastLineAndWritesTheRest() {
    Content content = Layout.NDJSON.joinText(List.of(patient(0), patient(1), patient(2)));
    int kept = patient(2).indexOf("Family") + 3;
    Path file = write("truncated.ndjson", content.truncated(content.offset(2) + kept));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertThat(summary.quarantined()).isEqualTo(new RecordCounts(1, 0, 0));
    assertThat(quarantined(writer))
        .containsExactly(unreadable(content, 2, "unexpected end of input at column " + (kept + 1)));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(2));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void truncatedGzipCommitsTheRecordsBeforeTheCutAndNamesTheOffset(Layout layout) {
    List<String> records = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      records.add(
          IngestionPipelineTest.patient(
              id(i),
              "Given",
              "Family",
              encounter("enc-" + i, observation("obs-" + i, "Note " + random.nextLong()))));
    }
    Content content = layout.joinText(records);
    byte[] compressed = gzip(content.bytes());
    Path file =
        write(layout.fileName("cut") + ".gz", Arrays.copyOf(compressed, compressed.length / 2));
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    Matcher message =
        Pattern.compile(
                Pattern.quote(file + ": read failed at byte ") + "(\\d+) after record (\\d+)")
            .matcher(failure.getMessage());
    assertThat(message.matches()).as(failure.getMessage()).isTrue();
    long stoppedAt = Long.parseLong(message.group(1));
    int complete = 0;
    while (complete < records.size() && recordEnd(layout, content, complete) <= stoppedAt) {
      complete++;
    }
    assertThat(complete).isBetween(1, records.size() - 1);
    assertThat(Long.parseLong(message.group(2))).isEqualTo(complete - 1);
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(complete));
    assertAccounted(writer, times(complete, ONE_EACH));
  }

  // ---- garbage bytes

  @ParameterizedTest
  @ValueSource(strings = {"garbage.json", "garbage.json.gz", "garbage"})
  void garbageAtTheStartOfAFileNotNamedAsNdjsonFailsBeforeAnyRecordNamingTheOffset(String name) {
    byte[] content = concat(hex("00 01 FE 7F 41"), utf8("\n" + patient(0) + "\n"));
    Path file = write(name, name.endsWith(".gz") ? gzip(content) : content);
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessage(
            file
                + ": cannot detect the input shape: the first non-blank byte, at offset 0,"
                + " is neither '[' nor '{' (in UTF-8)");
    assertThat(writer.chunks()).isEmpty();
  }

  @Test
  void garbageFirstLineOfAFileNamedAsNdjsonIsQuarantinedAndTheRunGoesOn() {
    Content content =
        Layout.NDJSON.join(List.of(hex("01 02 FE 7F 41"), utf8(patient(1)), utf8(patient(2))));
    Path file = write("garbage-first.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(quarantined(writer))
        .containsExactly(unreadable(content, 0, "malformed JSON at column 2"));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(1), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(names = {"ARRAY", "WRAPPED"})
  void garbageInsideAnArrayCommitsTheRecordsBeforeItAndNamesItsOffset(Layout layout) {
    Content content =
        layout.join(
            List.of(utf8(patient(0)), utf8(patient(1)), hex("00 13 FF FE 78"), utf8(patient(3))));
    Path file = write(layout.fileName("garbage"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessageStartingWith(
            file + ": malformed JSON at byte " + (content.offset(2) + 1) + " (line ")
        .hasMessageEndingWith(" after record 1");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(2));
    assertAccounted(writer, times(2, ONE_EACH));
  }

  @Test
  void garbageLinesInNdjsonAreQuarantinedWithTheirPositionsAndTheRunGoesOn() {
    Content content =
        Layout.NDJSON.join(
            List.of(
                utf8(patient(0)),
                hex("01 13 FF FE 78"),
                utf8(patient(2)),
                utf8("}}{{ \"patient_id\": :"),
                hex("00 13 FF FE 78"),
                hex("FF FE 7B 00 7D 00"),
                utf8(patient(6))));
    Path file = write("garbage.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    String notUtf8 = "malformed JSON: not UTF-8 (it starts like UTF-16 or UTF-32)";
    assertThat(quarantined(writer))
        .containsExactly(
            unreadable(content, 1, "malformed JSON at column 2"),
            unreadable(content, 3, "malformed JSON at column 1"),
            unreadable(content, 4, notUtf8),
            unreadable(content, 5, notUtf8));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2), id(6));
    assertThat(summary.read()).isEqualTo(new RecordCounts(7, 3, 3));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void utf16ContentWithoutAByteOrderMarkFailsBeforeAnyRecord(Layout layout) {
    String content =
        new String(layout.joinText(List.of(patient(0))).bytes(), StandardCharsets.UTF_8);
    Path file = write(layout.fileName("utf16"), content.getBytes(StandardCharsets.UTF_16LE));
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessage(
            file
                + ": cannot detect the input shape: the content is not UTF-8 (its second byte is"
                + " zero, as in UTF-16 or UTF-32)");
    assertThat(writer.chunks()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void gzipWithGarbageAfterTheHeaderFailsBeforeAnyRecordNamingTheFileAndOffset(Layout layout) {
    byte[] compressed = gzip(layout.joinText(List.of(patient(0))).bytes());
    for (int i = 10; i < compressed.length; i++) {
      compressed[i] = (byte) (0xFF - i);
    }
    Path file = write(layout.fileName("garbage") + ".gz", compressed);
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessage(file + ": cannot read the file to detect its shape: read failed at byte 0");
    assertThat(writer.chunks()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void gzipWithGarbageAfterTheDataFailsAfterCommittingEveryRecord(Layout layout) {
    Content content = layout.joinText(List.of(patient(0), patient(1), patient(2)));
    byte[] garbage = new byte[64];
    new Random(3).nextBytes(garbage);
    Path file = write(layout.fileName("trailing") + ".gz", concat(gzip(content.bytes()), garbage));
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessage(file + ": read failed at byte " + content.bytes().length + " after record 2");
    assertThat(failure).hasRootCauseMessage("unexpected bytes after the end of the gzip data");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(3));
    assertAccounted(writer, times(3, ONE_EACH));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 9})
  void gzipCutInsideTheHeaderOfALaterMemberFailsInsteadOfEndingQuietly(int headerBytes) {
    byte[] first = Layout.NDJSON.joinText(List.of(patient(0), patient(1))).bytes();
    byte[] second = Layout.NDJSON.joinText(List.of(patient(2))).bytes();
    byte[] secondMember = gzip(second);
    Path file =
        write("members.ndjson.gz", concat(gzip(first), Arrays.copyOf(secondMember, headerBytes)));
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    assertThat(failure)
        .hasMessage(file + ": read failed at byte " + first.length + " after record 1");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(2));
    assertAccounted(writer, times(2, ONE_EACH));
  }

  @Test
  void gzipOfSeveralWholeMembersIsReadToTheEnd() {
    byte[] first = Layout.NDJSON.joinText(List.of(patient(0), patient(1))).bytes();
    byte[] second = Layout.NDJSON.joinText(List.of(patient(2))).bytes();
    Path file = write("members.ndjson.gz", concat(gzip(first), gzip(second)));
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(3));
    assertThat(summary.read()).isEqualTo(times(3, ONE_EACH));
    assertBalanced(summary, writer);
  }

  // ---- invalid UTF-8

  @ParameterizedTest
  @ValueSource(strings = {"C3 28", "80", "FF", "E2 82", "F0 9F 98", "ED A0 80", "00"})
  void invalidUtf8InAnNdjsonLineQuarantinesThatLineAndTheRunGoesOn(String bytes) {
    Content content =
        Layout.NDJSON.join(
            List.of(utf8(patient(0)), withBytesInFamilyName(1, bytes), utf8(patient(2))));
    Path file = write("utf8.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    Quarantined rejected = single(quarantined(writer));
    assertThat(rejected)
        .extracting(Quarantined::recordIndex, Quarantined::line, Quarantined::byteOffset)
        .containsExactly(1L, 2L, content.offset(1));
    assertThat(rejected.reasons())
        .singleElement()
        .asString()
        .startsWith("malformed JSON at column ");
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @CsvSource({
    "ARRAY, C3 28",
    "ARRAY, 80",
    "ARRAY, FF",
    "ARRAY, E2 82",
    "ARRAY, ED A0 80",
    "WRAPPED, C3 28",
    "WRAPPED, F0 9F 98"
  })
  void invalidUtf8InAnArrayCommitsTheRecordsBeforeItAndNamesItsOffset(Layout layout, String bytes) {
    Content content =
        layout.join(List.of(utf8(patient(0)), withBytesInFamilyName(1, bytes), utf8(patient(2))));
    Path file = write(layout.fileName("utf8"), content.bytes());
    long badByte = content.offset(1) + patient(1).indexOf("Family") + "Fam".length();
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    long failedAt = stoppedAtSecondRecord(failure, file, "malformed JSON", content, writer);
    assertThat(failedAt).isBetween(badByte, badByte + hex(bytes).length + 1);
  }

  @ParameterizedTest
  @CsvSource({
    "NDJSON, C0 AF, Org/Name",
    "ARRAY, E0 80 AF, Org/Name",
    "NDJSON, F4 90 80 80, Org\uDC00\uDC00Name"
  })
  void overlongAndOutOfRangeUtf8IsDecodedLenientlyByJacksonAndTheRecordWritten(
      Layout layout, String bytes, String decoded) {
    byte[] record =
        utf8(patient(1).replace("\"gender\"", "\"managing_organization\":\"Org@Name\",\"gender\""));
    Content content =
        layout.join(
            List.of(utf8(patient(0)), replaceAt(record, "@", hex(bytes)), utf8(patient(2))));
    Path file = write(layout.fileName("lenient"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(3));
    assertThat(
            value(Table.PATIENTS, writer.rows(Table.PATIENTS).get(id(1)), "managing_organization"))
        .isEqualTo(decoded);
    assertBalanced(summary, writer);
  }

  // ---- strings longer than the limits (hundreds of megabytes: IngestionPipelineHostileInputIT)

  @Test
  void stringLongerThanTheRecordSizeInNdjsonQuarantinesItsLineAndTheRunGoesOn() {
    JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(4096).build();
    Content content =
        Layout.NDJSON.joinText(List.of(patient(0), withNotes(1, "x".repeat(100_000)), patient(2)));
    Path file = write("long-string.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file, format);

    assertThat(quarantined(writer))
        .containsExactly(
            unreadable(content, 1, "record exceeds the maximum record size of 4096 bytes"));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(names = {"ARRAY", "WRAPPED"})
  void stringLongerThanTheStringLimitInAnArrayEndsTheRunNamingItsOffset(Layout layout) {
    JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(4096).build();
    String longNotes = withNotes(1, "x".repeat(100_000));
    Content content = layout.joinText(List.of(patient(0), longNotes, patient(2)));
    Path file = write(layout.fileName("long-string"), content.bytes());
    long stringStart = content.offset(1) + longNotes.indexOf("xxx");
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file, format);

    long failedAt =
        stoppedAtSecondRecord(
            failure,
            file,
            "a string exceeds the maximum length of 4096 characters",
            content,
            writer);
    assertThat(failedAt).isBetween(stringStart - 1, stringStart + 100_000);
  }

  @ParameterizedTest
  @EnumSource(names = {"ARRAY", "WRAPPED"})
  void longStringInAnUnknownFieldOfAnArrayElementQuarantinesOnlyThatRecord(Layout layout) {
    JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(4096).build();
    String attachment =
        patient(1)
            .replace("\"gender\"", "\"x_attachment\":\"" + "x".repeat(100_000) + "\",\"gender\"");
    Content content = layout.joinText(List.of(patient(0), attachment, patient(2)));
    Path file = write(layout.fileName("long-unknown"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file, format);

    assertThat(quarantined(writer))
        .containsExactly(
            unreadable(content, 1, "record exceeds the maximum record size of 4096 bytes"));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertBalanced(summary, writer);
  }

  // ---- nesting ten thousand levels deep

  static Stream<Arguments> deepNdjsonLines() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String tooDeep = "nesting exceeds the maximum depth of 64 at column ";
    return Stream.of(
        Arguments.of(
            patient(1).replace("\"gender\"", "\"x_deep\":" + deep + ",\"gender\""), tooDeep),
        Arguments.of(
            patient(1).replace("\"encounters\":[", "\"encounters\":[" + deep + ","), tooDeep),
        Arguments.of(deep, "record is not a JSON object"));
  }

  @ParameterizedTest
  @MethodSource("deepNdjsonLines")
  void nestingTenThousandDeepInAnNdjsonLineQuarantinesThatLineAndTheRunGoesOn(
      String line, String reason) {
    Content content = Layout.NDJSON.joinText(List.of(patient(0), line, patient(2)));
    Path file = write("deep.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    Quarantined rejected = single(quarantined(writer));
    assertThat(rejected)
        .usingRecursiveComparison()
        .ignoringFields("reasons")
        .isEqualTo(unreadable(content, 1, ""));
    assertThat(rejected.reasons()).singleElement().asString().startsWith(reason);
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(names = {"ARRAY", "WRAPPED"})
  void nestingTenThousandDeepInAnArrayEndsTheRunAfterCommittingTheRecordsBefore(Layout layout) {
    String deep =
        patient(1)
            .replace(
                "\"gender\"",
                "\"x_deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"gender\"");
    Content content = layout.joinText(List.of(patient(0), deep, patient(2)));
    Path file = write(layout.fileName("deep"), content.bytes());
    long valueStart = content.offset(1) + deep.indexOf("[[[");
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    long failedAt =
        stoppedAtSecondRecord(
            failure, file, "nesting exceeds the maximum depth of 64", content, writer);
    assertThat(failedAt).isBetween(valueStart, valueStart + 64);
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void nestingTenThousandDeepUnderARaisedLimitIsSkippedWithoutOverflowingTheStack(Layout layout) {
    JsonInputFormat format = JsonInputFormat.builder().maxNestingDepth(20_000).build();
    String deep =
        patient(1)
            .replace(
                "\"gender\"",
                "\"x_deep\":"
                    + "[{\"a\":".repeat(5_000)
                    + "1"
                    + "}]".repeat(5_000)
                    + ",\"gender\"");
    Content content = layout.joinText(List.of(patient(0), deep, patient(2)));
    Path file = write(layout.fileName("deep"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file, format);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(ids(3));
    assertThat(summary.unknownFields()).isEqualTo(1);
    assertThat(summary.read()).isEqualTo(times(3, ONE_EACH));
    assertBalanced(summary, writer);
  }

  // ---- a single record over the size limit

  static Stream<Arguments> layoutsPlainAndGzip() {
    return Stream.of(Layout.values())
        .flatMap(layout -> Stream.of(Arguments.of(layout, false), Arguments.of(layout, true)));
  }

  @ParameterizedTest
  @MethodSource("layoutsPlainAndGzip")
  void recordOverTheSizeLimitIsQuarantinedWithItsPositionAndTheRestWritten(
      Layout layout, boolean compressed) {
    JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(2048).build();
    List<String> encounters = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      encounters.add(encounter("enc-1-" + i, observation("obs-1-" + i, "Stable.")));
    }
    String big =
        IngestionPipelineTest.patient(id(1), "Given", "Family", encounters.toArray(String[]::new));
    Content content = layout.joinText(List.of(patient(0), big, patient(2)));
    assertThat(content.end(1) - content.offset(1)).isGreaterThan(2048);
    String name = layout.fileName("big") + (compressed ? ".gz" : "");
    Path file = write(name, compressed ? gzip(content.bytes()) : content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file, format);

    assertThat(quarantined(writer))
        .containsExactly(
            unreadable(content, 1, "record exceeds the maximum record size of 2048 bytes"));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertBalanced(summary, writer);
  }

  // ---- duplicate ids

  static Stream<Arguments> layoutsAndChunks() {
    return Stream.of(
        Arguments.of(Layout.NDJSON, 4),
        Arguments.of(Layout.NDJSON, 1000),
        Arguments.of(Layout.ARRAY, 4),
        Arguments.of(Layout.WRAPPED, 1000));
  }

  @ParameterizedTest
  @MethodSource("layoutsAndChunks")
  void repeatedPatientIdKeepsTheLaterRecordAndCountsTheDuplicate(Layout layout, int chunkRows) {
    String later =
        patient(0)
            .replace("enc-0", "enc-9")
            .replace("obs-0", "obs-9")
            .replace("\"gender\"", "\"managing_organization\":\"Later\",\"gender\"");
    Content content = layout.joinText(List.of(patient(0), patient(1), later));
    Path file = write(layout.fileName("repeated"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary =
        HostileFixtures.pipeline(writer, DEFAULTS).toBuilder()
            .chunkRows(chunkRows)
            .build()
            .run(file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(1));
    assertThat(
            value(Table.PATIENTS, writer.rows(Table.PATIENTS).get(id(0)), "managing_organization"))
        .isEqualTo("Later");
    assertThat(summary.read()).isEqualTo(times(3, ONE_EACH));
    assertThat(summary.written()).isEqualTo(times(3, ONE_EACH));
    assertThat(summary.duplicates()).isEqualTo(new RecordCounts(1, 0, 0));
    assertThat(summary.quarantined()).isEqualTo(RecordCounts.ZERO);
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void repeatedObservationIdWithinOnePatientKeepsTheLaterAndCountsTheDuplicate() {
    String record =
        IngestionPipelineTest.patient(
            id(0),
            "Given",
            "Family",
            encounter("enc-0", observation("obs-0", "Earlier."), observation("obs-0", "Later.")));
    Path file = write("repeated.ndjson", Layout.NDJSON.joinText(List.of(record)).bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(writer.rows(Table.OBSERVATIONS)).containsOnlyKeys("obs-0");
    assertThat(value(Table.OBSERVATIONS, writer.rows(Table.OBSERVATIONS).get("obs-0"), "notes"))
        .isEqualTo("Later.");
    assertThat(summary.written()).isEqualTo(new RecordCounts(1, 1, 2));
    assertThat(summary.duplicates()).isEqualTo(new RecordCounts(0, 0, 1));
    assertThat(summary.isBalanced()).isTrue();
  }

  @Test
  void repeatedIdOfAnInvalidRecordQuarantinesItAndLeavesTheValidOneWritten() {
    String invalid =
        patient(0)
            .replace("1980-04-02", "2099-04-02")
            .replace("enc-0", "enc-9")
            .replace("obs-0", "obs-9");
    Content content = Layout.NDJSON.joinText(List.of(patient(0), invalid));
    Path file = write("repeated-invalid.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0));
    assertThat(writer.rows(Table.ENCOUNTERS)).containsOnlyKeys("enc-0");
    assertThat(quarantined(writer))
        .extracting(Quarantined::kind, Quarantined::recordId, Quarantined::reasons)
        .containsExactly(
            tuple("patient", id(0), List.of("date_of_birth must not be in the future")),
            tuple("encounter", "enc-9", List.of("parent rejected")),
            tuple("observation", "obs-9", List.of("parent rejected")));
    assertThat(summary.duplicates()).isEqualTo(RecordCounts.ZERO);
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(names = {"NDJSON", "ARRAY"})
  void repeatedEncountersKeyQuarantinesThePatientWithTheRecordsOfEveryList(Layout layout) {
    String record =
        patient(1)
            .replace(
                "\"encounters\":[",
                "\"encounters\":["
                    + encounter("enc-1a", observation("obs-1a", "First list."))
                    + "],\"encounters\":[");
    Content content = layout.joinText(List.of(patient(0), record, patient(2)));
    Path file = write(layout.fileName("repeated-key"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(quarantined(writer))
        .extracting(
            Quarantined::kind, Quarantined::recordId, Quarantined::path, Quarantined::reasons)
        .containsExactly(
            tuple("patient", id(1), "", List.of("encounters appears more than once")),
            tuple("encounter", "enc-1a", "encounters[0]", List.of("parent rejected")),
            tuple(
                "observation",
                "obs-1a",
                "encounters[0].observations[0]",
                List.of("parent rejected")),
            tuple("encounter", "enc-1", "encounters[1]", List.of("parent rejected")),
            tuple(
                "observation",
                "obs-1",
                "encounters[1].observations[0]",
                List.of("parent rejected")));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 4, 4));
    assertBalanced(summary, writer);
  }

  @Test
  void repeatedObservationsKeyQuarantinesTheEncounterWithTheRecordsOfEveryList() {
    String record =
        patient(1)
            .replace(
                "\"observations\":[",
                "\"observations\":["
                    + observation("obs-1a", "First list.")
                    + "],\"observations\":[");
    Content content = Layout.NDJSON.joinText(List.of(record));
    Path file = write("repeated-key.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(quarantined(writer))
        .extracting(Quarantined::kind, Quarantined::recordId, Quarantined::reasons)
        .containsExactly(
            tuple("encounter", "enc-1", List.of("observations appears more than once")),
            tuple("observation", "obs-1a", List.of("parent rejected")),
            tuple("observation", "obs-1", List.of("parent rejected")));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(1));
    assertThat(summary.read()).isEqualTo(new RecordCounts(1, 1, 2));
    assertBalanced(summary, writer);
  }

  // ---- wrong JSON types

  private static final String OBS_1 = observation("obs-1", "ok");
  private static final String OBS_2 = observation("obs-2", "ok");
  private static final String OBS_3 = observation("obs-3", "ok");
  private static final String ENC_1 = encounter("enc-1", OBS_1, OBS_2);
  private static final String ENC_2 = encounter("enc-2", OBS_3);

  private static String typed(String enc1, String enc2) {
    return IngestionPipelineTest.patient("MRN-100", "Ann", "Lee", enc1, enc2);
  }

  static Stream<Arguments> wrongTypes() {
    String patient = typed(ENC_1, ENC_2);
    RecordCounts all = new RecordCounts(1, 2, 3);
    List<Arguments> cases =
        List.of(
            Arguments.of(
                patient.replace("\"gender\":\"F\"", "\"gender\":1"),
                all,
                all,
                "patient",
                "",
                "gender must be a string"),
            Arguments.of(
                patient.replace("\"patient_id\":\"MRN-100\"", "\"patient_id\":[\"MRN-100\"]"),
                all,
                all,
                "patient",
                "",
                "patient_id must be a string"),
            Arguments.of(
                patient.replace("[\"Ann\"]", "\"Ann\""),
                all,
                all,
                "patient",
                "",
                "given_names must be an array of strings"),
            Arguments.of(
                patient.replace("\"gender\":\"F\"", "\"gender\":\"F\",\"deceased\":\"no\""),
                all,
                all,
                "patient",
                "",
                "deceased must be a boolean"),
            Arguments.of(
                IngestionPipelineTest.patient("MRN-100", "Ann", "Lee")
                    .replace("\"encounters\":[]", "\"encounters\":{\"encounter_id\":\"enc-1\"}"),
                new RecordCounts(1, 0, 0),
                new RecordCounts(1, 0, 0),
                "patient",
                "",
                "encounters must be an array"),
            Arguments.of(
                typed(ENC_1, ENC_2.replace("\"2020-01-01T10:00:00Z\"", "20200101")),
                all,
                new RecordCounts(0, 1, 1),
                "encounter",
                "encounters[1]",
                "period_start must be a string"),
            Arguments.of(
                typed(ENC_1, ENC_2.replace("[" + OBS_3 + "]", "\"none\"")),
                new RecordCounts(1, 2, 2),
                new RecordCounts(0, 1, 0),
                "encounter",
                "encounters[1]",
                "observations must be an array"),
            Arguments.of(
                typed(ENC_1, "42"),
                new RecordCounts(1, 2, 2),
                new RecordCounts(0, 1, 0),
                "encounter",
                "encounters[1]",
                "encounter must be an object"),
            Arguments.of(
                typed(
                    encounter(
                        "enc-1",
                        OBS_1,
                        OBS_2.replace("\"status\"", "\"value_quantity\":\"120\",\"status\"")),
                    ENC_2),
                all,
                new RecordCounts(0, 0, 1),
                "observation",
                "encounters[0].observations[1]",
                "value_quantity must be a number"),
            Arguments.of(
                typed(
                    encounter("enc-1", OBS_1, OBS_2.replace("\"ok\"", "{\"text\":\"ok\"}")), ENC_2),
                all,
                new RecordCounts(0, 0, 1),
                "observation",
                "encounters[0].observations[1]",
                "notes must be a string"),
            Arguments.of(
                typed(encounter("enc-1", OBS_1, "\"obs-2\""), ENC_2),
                all,
                new RecordCounts(0, 0, 1),
                "observation",
                "encounters[0].observations[1]",
                "observation must be an object"));
    return Stream.of(Layout.NDJSON, Layout.ARRAY)
        .flatMap(
            layout ->
                cases.stream()
                    .map(
                        arguments -> {
                          Object[] values = arguments.get();
                          Object[] withLayout = new Object[values.length + 1];
                          withLayout[0] = layout;
                          System.arraycopy(values, 0, withLayout, 1, values.length);
                          return Arguments.of(withLayout);
                        }));
  }

  @ParameterizedTest
  @MethodSource("wrongTypes")
  void wrongJsonTypeQuarantinesTheSmallestUnitHoldingItWithEverythingNestedInIt(
      Layout layout,
      String record,
      RecordCounts read,
      RecordCounts quarantined,
      String kind,
      String path,
      String reason) {
    Content content = layout.joinText(List.of(patient(0), record));
    Path file = write(layout.fileName("wrong-type"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(summary.read()).isEqualTo(read.plus(ONE_EACH));
    assertThat(summary.quarantined()).isEqualTo(quarantined);
    Quarantined first = quarantined(writer).get(0);
    assertThat(first)
        .extracting(
            Quarantined::recordIndex, Quarantined::byteOffset, Quarantined::kind, Quarantined::path)
        .containsExactly(1L, content.offset(1), kind, path);
    assertThat(first.reasons()).contains(reason);
    assertThat(quarantined(writer).subList(1, quarantined(writer).size()))
        .allSatisfy(child -> assertThat(child.reasons()).containsExactly("parent rejected"));
    assertBalanced(summary, writer);
  }

  // ---- numbers out of range

  static Stream<Arguments> numbersOutOfRange() {
    return Stream.of(Layout.NDJSON, Layout.ARRAY, Layout.WRAPPED)
        .flatMap(
            layout ->
                Stream.of("1e400", "-1e400", "1" + "0".repeat(400))
                    .map(number -> Arguments.of(layout, number)));
  }

  @ParameterizedTest
  @MethodSource("numbersOutOfRange")
  void numberOutOfTheRangeOfADoubleQuarantinesItsObservationAlone(Layout layout, String number) {
    String record =
        IngestionPipelineTest.patient(
            id(1),
            "Given",
            "Family",
            encounter(
                "enc-1",
                observation("obs-1", "ok"),
                observation("obs-2", "ok")
                    .replace("\"status\"", "\"value_quantity\":" + number + ",\"status\"")));
    Content content = layout.joinText(List.of(patient(0), record));
    Path file = write(layout.fileName("range"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(quarantined(writer))
        .containsExactly(
            new Quarantined(
                1,
                content.line(1),
                content.offset(1),
                "observation",
                "obs-2",
                "encounters[0].observations[1]",
                List.of("value_quantity is out of the range of a double")));
    assertThat(writer.rows(Table.OBSERVATIONS)).containsOnlyKeys("obs-0", "obs-1");
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @CsvSource({
    "NUMBER_2000, a number exceeds the maximum length of 1000 characters at column ",
    "NaN, malformed JSON at column ",
    "-Infinity, malformed JSON at column ",
    "0123, malformed JSON at column "
  })
  void overlongOrNonJsonNumberInAnNdjsonLineQuarantinesThatLineAndTheRunGoesOn(
      String number, String reason) {
    String value = number.equals("NUMBER_2000") ? "9".repeat(2000) : number;
    String record = withQuantity(1, value);
    Content content = Layout.NDJSON.joinText(List.of(patient(0), record, patient(2)));
    Path file = write("number.ndjson", content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    Quarantined rejected = single(quarantined(writer));
    assertThat(rejected.recordIndex()).isEqualTo(1);
    assertThat(rejected.reasons()).singleElement().asString().startsWith(reason);
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertBalanced(summary, writer);
  }

  @ParameterizedTest
  @EnumSource(names = {"ARRAY", "WRAPPED"})
  void overlongNumberInAnArrayEndsTheRunNamingItsOffset(Layout layout) {
    String record = withQuantity(1, "9".repeat(2000));
    Content content = layout.joinText(List.of(patient(0), record, patient(2)));
    Path file = write(layout.fileName("number"), content.bytes());
    long fieldStart = content.offset(1) + record.indexOf("\"value_quantity\"");
    RecordingWriter writer = new RecordingWriter();

    ReadException failure = runFailing(writer, file);

    long failedAt =
        stoppedAtSecondRecord(
            failure,
            file,
            "a number exceeds the maximum length of 1000 characters",
            content,
            writer);
    assertThat(failedAt).isBetween(fieldStart, fieldStart + 2000);
  }

  // ---- an empty file

  static Stream<Arguments> emptyFiles() {
    byte[] byteOrderMark = hex("EF BB BF");
    return Stream.of(
        Arguments.of("empty.json", new byte[0]),
        Arguments.of("empty.ndjson", new byte[0]),
        Arguments.of("blank.ndjson", utf8(" \n\t\r\n\n")),
        Arguments.of("bom.json", byteOrderMark),
        Arguments.of("bom-blank.ndjson", concat(byteOrderMark, utf8("\n\n"))),
        Arguments.of("empty-array.json", utf8("[]")),
        Arguments.of("empty-wrapped.json", utf8("{\"patients\": [], \"count\": 0}")),
        Arguments.of("empty.json.gz", gzip(new byte[0])),
        Arguments.of("empty-array.json.gz", gzip(utf8(" [ ] \n"))));
  }

  @ParameterizedTest
  @MethodSource("emptyFiles")
  void emptyFileReadsNoRecordAndWritesNothing(String name, byte[] content) {
    Path file = write(name, content);
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    assertThat(summary.read()).isEqualTo(RecordCounts.ZERO);
    assertThat(summary.written()).isEqualTo(RecordCounts.ZERO);
    assertThat(summary.quarantined()).isEqualTo(RecordCounts.ZERO);
    assertThat(summary.isBalanced()).isTrue();
    assertThat(writer.chunks()).isEmpty();
  }

  // ---- an array of non-objects

  @ParameterizedTest
  @EnumSource(Layout.class)
  void nonObjectRecordsAreQuarantinedEachWithItsPositionAndTheObjectsWritten(Layout layout) {
    List<String> elements =
        List.of("1", "\"MRN-009\"", "null", "true", "[]", "[" + patient(8) + "]", "{}", patient(0));
    Content content = layout.joinText(elements);
    Path file = write(layout.fileName("non-objects"), content.bytes());
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary = run(writer, file);

    List<Quarantined> expected = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      expected.add(unreadable(content, i, "record is not a JSON object"));
    }
    expected.add(
        new Quarantined(
            6,
            content.line(6),
            content.offset(6),
            "patient",
            null,
            "",
            List.of("patient_id is required")));
    assertThat(quarantined(writer)).containsExactlyElementsOf(expected);
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0));
    assertThat(summary.read()).isEqualTo(new RecordCounts(8, 1, 1));
    assertBalanced(summary, writer);
  }

  // ---- helpers

  /**
   * Holds every write for a moment before passing it on, so that writes are still running when a
   * read failure reaches the pipeline.
   */
  private static final class SlowWriter implements BulkWriter {
    private final RecordingWriter delegate;

    SlowWriter(RecordingWriter delegate) {
      this.delegate = delegate;
    }

    @Override
    public WriteResult write(Chunk chunk) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WriteException("interrupted writing " + chunk.describe());
      }
      return delegate.write(chunk);
    }

    @Override
    public int maxConcurrentWrites() {
      return 4;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private RunSummary run(RecordingWriter writer, Path file) {
    return run(writer, file, DEFAULTS);
  }

  private RunSummary run(RecordingWriter writer, Path file, JsonInputFormat format) {
    return HostileFixtures.pipeline(writer, format).run(file);
  }

  private ReadException runFailing(RecordingWriter writer, Path file) {
    return runFailing(writer, file, DEFAULTS);
  }

  private ReadException runFailing(RecordingWriter writer, Path file, JsonInputFormat format) {
    ReadException failure =
        catchThrowableOfType(
            ReadException.class, () -> HostileFixtures.pipeline(writer, format).run(file));
    assertThat(failure).as("the run's failure").isNotNull();
    return failure;
  }

  private Path write(String name, byte[] content) {
    return HostileFixtures.write(dir, name, content);
  }

  /**
   * Checks, for a run that failed and so returned no summary, that every record read before the
   * failure was either written or quarantined.
   */
  private static void assertAccounted(RecordingWriter writer, RecordCounts read) {
    assertThat(writtenRows(writer).plus(quarantinedRows(writer))).isEqualTo(read);
  }

  /**
   * Checks the summary's balance and that it matches what the writer was given (in a run without
   * repeated ids, where every row written reaches the writer).
   */
  private static void assertBalanced(RunSummary summary, RecordingWriter writer) {
    assertThat(summary.isBalanced()).isTrue();
    assertThat(summary.quarantined()).isEqualTo(quarantinedRows(writer));
    assertThat(summary.written()).isEqualTo(writtenRows(writer));
  }

  private static Quarantined unreadable(Content content, int index, String reason) {
    return new Quarantined(
        index, content.line(index), content.offset(index), "patient", null, "", List.of(reason));
  }

  private static RecordCounts times(int count, RecordCounts each) {
    return new RecordCounts(
        count * each.patients(), count * each.encounters(), count * each.observations());
  }

  /** Offset by which the reader must have received record {@code index} to return it. */
  private static long recordEnd(Layout layout, Content content, int index) {
    return layout == Layout.NDJSON ? content.end(index) + 1 : content.end(index);
  }

  private static String withNotes(int number, String notes) {
    return patient(number).replace("\"Stable.\"", "\"" + notes + "\"");
  }

  private static String withQuantity(int number, String quantity) {
    return patient(number).replace("\"notes\"", "\"value_quantity\":" + quantity + ",\"notes\"");
  }

  /** Patient {@code number} with {@code bytes} (hex) in the middle of its family name. */
  private static byte[] withBytesInFamilyName(int number, String bytes) {
    return replaceAt(utf8(patient(number).replace("Family", "Fam@ily")), "@", hex(bytes));
  }

  private static byte[] replaceAt(byte[] text, String marker, byte[] replacement) {
    String string = new String(text, StandardCharsets.UTF_8);
    int at = utf8(string.substring(0, string.indexOf(marker))).length;
    return concat(
        Arrays.copyOf(text, at),
        replacement,
        Arrays.copyOfRange(text, at + utf8(marker).length, text.length));
  }

  private static <T> T single(List<T> values) {
    assertThat(values).hasSize(1);
    return values.get(0);
  }

  /**
   * Asserts that the run failed at the second record of {@code content} with "{@code file}: {@code
   * reason} at byte N (line L, column C) after record 0", having committed the first record only
   * and accounted for every record; returns N.
   */
  private static long stoppedAtSecondRecord(
      ReadException failure, Path file, String reason, Content content, RecordingWriter writer) {
    Matcher message =
        Pattern.compile(
                Pattern.quote(file + ": " + reason + " at byte ")
                    + "(\\d+) \\(line "
                    + content.line(1)
                    + ", column \\d+\\) after record 0")
            .matcher(failure.getMessage());
    assertThat(message.matches()).as(failure.getMessage()).isTrue();
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0));
    assertAccounted(writer, ONE_EACH);
    return Long.parseLong(message.group(1));
  }
}
