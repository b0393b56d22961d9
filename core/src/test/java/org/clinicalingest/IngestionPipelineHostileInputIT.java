package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.clinicalingest.HostileFixtures.id;
import static org.clinicalingest.HostileFixtures.patient;
import static org.clinicalingest.HostileFixtures.quarantined;
import static org.clinicalingest.HostileFixtures.quarantinedRows;
import static org.clinicalingest.HostileFixtures.writtenRows;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.clinicalingest.HostileFixtures.Layout;
import org.clinicalingest.HostileFixtures.Quarantined;
import org.clinicalingest.spi.Table;
import org.clinicalingest.testing.RecordingWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A string of hundreds of megabytes, larger than the test JVM's whole heap (Failsafe runs it with
 * {@code -Xmx512m}), in each shape: the input is streamed to disk, never built in memory, so the
 * run can only pass if the reader never holds the string. The record holding it ends as FORMAT.md
 * says: quarantined as too large in NDJSON, or in an unknown field of an array element (which the
 * parser skips without keeping it); in a known field of an array element the parser's string limit
 * stops the file with a {@link ReadException} after the records before it were committed.
 */
class IngestionPipelineHostileInputIT {
  private static final long STRING_BYTES = 640L * 1024 * 1024;
  private static final String DEFAULT_LIMIT = "10485760";
  private static final String IN_NOTES = patient(1).replace("\"Stable.\"", "\"@\"");
  private static final String IN_UNKNOWN_FIELD =
      patient(1).replace("\"gender\"", "\"x_attachment\":\"@\",\"gender\"");

  @TempDir Path dir;

  @BeforeAll
  static void theStringDoesNotFitInTheHeap() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(STRING_BYTES);
  }

  static Stream<Arguments> compressions() {
    return Stream.of(Arguments.of(false), Arguments.of(true));
  }

  @ParameterizedTest
  @MethodSource("compressions")
  void stringOfHundredsOfMegabytesInAnNdjsonLineIsQuarantinedWithoutBeingHeld(boolean compressed)
      throws IOException {
    BigFile file = BigFile.write(dir, Layout.NDJSON, IN_NOTES, compressed);
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary =
        HostileFixtures.pipeline(writer, JsonInputFormat.defaults()).run(file.path);

    assertThat(quarantined(writer))
        .containsExactly(
            new Quarantined(
                1,
                2,
                file.bigRecordOffset,
                "patient",
                null,
                "",
                List.of("record exceeds the maximum record size of " + DEFAULT_LIMIT + " bytes")));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertThat(summary.isBalanced()).isTrue();
    assertThat(summary.bytesRead()).isEqualTo(Files.size(file.path));
  }

  static Stream<Arguments> arrayLayouts() {
    return Stream.of(Arguments.of(Layout.ARRAY, false), Arguments.of(Layout.WRAPPED, true));
  }

  @ParameterizedTest
  @MethodSource("arrayLayouts")
  void stringOfHundredsOfMegabytesInAnArrayElementEndsTheRunAfterCommittingTheRecordsBefore(
      Layout layout, boolean compressed) throws IOException {
    BigFile file = BigFile.write(dir, layout, IN_NOTES, compressed);
    RecordingWriter writer = new RecordingWriter();

    ReadException failure =
        catchThrowableOfType(
            ReadException.class,
            () -> HostileFixtures.pipeline(writer, JsonInputFormat.defaults()).run(file.path));

    assertThat(failure).isNotNull();
    Matcher message =
        Pattern.compile(
                Pattern.quote(
                        file.path
                            + ": a string exceeds the maximum length of "
                            + DEFAULT_LIMIT
                            + " characters at byte ")
                    + "(\\d+) \\(line \\d+, column \\d+\\) after record 0")
            .matcher(failure.getMessage());
    assertThat(message.matches()).as(failure.getMessage()).isTrue();
    assertThat(Long.parseLong(message.group(1)))
        .isBetween(file.stringOffset - 1, file.stringOffset + STRING_BYTES);
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0));
    assertThat(writtenRows(writer).plus(quarantinedRows(writer)))
        .isEqualTo(new RecordCounts(1, 1, 1));
  }

  static Stream<Arguments> unknownFieldLayouts() {
    return Stream.of(Arguments.of(Layout.ARRAY, true), Arguments.of(Layout.WRAPPED, false));
  }

  @ParameterizedTest
  @MethodSource("unknownFieldLayouts")
  void stringOfHundredsOfMegabytesInAnUnknownFieldOfAnArrayElementQuarantinesOnlyThatRecord(
      Layout layout, boolean compressed) throws IOException {
    BigFile file = BigFile.write(dir, layout, IN_UNKNOWN_FIELD, compressed);
    RecordingWriter writer = new RecordingWriter();

    RunSummary summary =
        HostileFixtures.pipeline(writer, JsonInputFormat.defaults()).run(file.path);

    Quarantined rejected = quarantined(writer).get(0);
    assertThat(quarantined(writer)).hasSize(1);
    assertThat(rejected)
        .extracting(Quarantined::recordIndex, Quarantined::byteOffset, Quarantined::reasons)
        .containsExactly(
            1L,
            file.bigRecordOffset,
            List.of("record exceeds the maximum record size of " + DEFAULT_LIMIT + " bytes"));
    assertThat(writer.rows(Table.PATIENTS)).containsOnlyKeys(id(0), id(2));
    assertThat(summary.read()).isEqualTo(new RecordCounts(3, 2, 2));
    assertThat(summary.isBalanced()).isTrue();
  }

  /**
   * A file of three patients whose second, {@code big}, holds a string of {@link #STRING_BYTES} in
   * place of its {@code @}, streamed to disk in one pass.
   */
  private static final class BigFile {
    final Path path;
    final long bigRecordOffset;
    final long stringOffset;

    private BigFile(Path path, long bigRecordOffset, long stringOffset) {
      this.path = path;
      this.bigRecordOffset = bigRecordOffset;
      this.stringOffset = stringOffset;
    }

    static BigFile write(Path dir, Layout layout, String big, boolean compressed)
        throws IOException {
      int marker = big.indexOf('@');
      byte[][] parts = split(layout.joinText(List.of(patient(0), "@", patient(2))).bytes());
      Path path = dir.resolve(layout.fileName("big-string") + (compressed ? ".gz" : ""));
      byte[] fill = new byte[1024 * 1024];
      Arrays.fill(fill, (byte) 'x');
      try (OutputStream file = Files.newOutputStream(path);
          OutputStream out =
              new BufferedOutputStream(
                  compressed ? new GZIPOutputStream(file, 1 << 16) : file, 1 << 16)) {
        out.write(parts[0]);
        out.write(big.substring(0, marker).getBytes(StandardCharsets.UTF_8));
        for (long written = 0; written < STRING_BYTES; written += fill.length) {
          out.write(fill);
        }
        out.write(big.substring(marker + 1).getBytes(StandardCharsets.UTF_8));
        out.write(parts[1]);
      }
      return new BigFile(path, parts[0].length, parts[0].length + marker);
    }

    /** The content split around its {@code @}. */
    private static byte[][] split(byte[] content) {
      int at = 0;
      while (content[at] != '@') {
        at++;
      }
      return new byte[][] {
        Arrays.copyOf(content, at), Arrays.copyOfRange(content, at + 1, content.length)
      };
    }
  }
}
