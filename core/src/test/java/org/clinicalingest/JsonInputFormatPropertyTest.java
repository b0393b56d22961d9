package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.clinicalingest.HostileFiles.HostileFile;
import org.clinicalingest.spi.FieldProblem;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.UnreadableRecord;

/**
 * Properties of the reader over hostile files (arbitrary bytes, token soup, mutated valid files,
 * plain or gzip): it returns records and then the end, or fails with one {@link ReadException};
 * nothing else escapes. Every record returned is positioned consistently (indices counting up from
 * 0, offsets increasing inside the content, lines and columns matching the offset), its raw text is
 * the file's bytes at that offset, and no reason or message quotes the content.
 */
class JsonInputFormatPropertyTest {
  private static final String PARSE_PROBLEM =
      "(malformed JSON|unexpected end of input|nesting exceeds the maximum depth of \\d+"
          + "|a string exceeds the maximum length of \\d+ characters"
          + "|a number exceeds the maximum length of \\d+ characters"
          + "|a field name exceeds the maximum length of \\d+ characters"
          + "|a read limit of the JSON parser is exceeded)";
  private static final String AFTER_RECORD = "(after record (\\d+)|before the first record)";
  private static final List<Pattern> REASONS =
      List.of(
          Pattern.compile(PARSE_PROBLEM + " at column \\d+"),
          Pattern.compile("record is not a JSON object"),
          Pattern.compile("the line holds more than one JSON value"),
          Pattern.compile("record exceeds the maximum record size of \\d+ bytes"),
          Pattern.compile(
              Pattern.quote("malformed JSON: not UTF-8 (it starts like UTF-16 or UTF-32)")));
  private static final List<Pattern> FAILURES =
      List.of(
          Pattern.compile("cannot read the file to detect its shape(: read failed at byte \\d+)?"),
          Pattern.compile(
              "cannot detect the input shape: ("
                  + Pattern.quote("it starts with neither '[' nor '{' (in UTF-8)")
                  + "|the first non-blank byte, at offset \\d+, "
                  + Pattern.quote("is neither '[' nor '{' (in UTF-8)")
                  + "|"
                  + Pattern.quote(
                      "the content is not UTF-8 (its second byte is zero, as in UTF-16 or UTF-32)")
                  + "|"
                  + Pattern.quote(
                      "the top-level object has a \"patients\" key that is not its first key"
                          + " (a wrapped file must start with \"patients\")")
                  + "|"
                  + Pattern.quote(
                      "the top-level object's first key is not \"patients\" (as a wrapped file's"
                          + " must be) and the object spans several lines (NDJSON has one object"
                          + " per line)")
                  + ")"),
          Pattern.compile("cannot open the file"),
          Pattern.compile("read failed at byte \\d+ " + AFTER_RECORD),
          Pattern.compile("cannot parse record \\d+, line \\d+"),
          Pattern.compile(
              "("
                  + PARSE_PROBLEM
                  + "|the first key is no longer \"patients\"|the value of \"patients\" is not an"
                  + " array|the content no longer starts with an array|unexpected content after"
                  + " the end of the top-level value) at byte \\d+ \\(line \\d+, column \\d+\\) "
                  + AFTER_RECORD));
  private static final Pattern TYPE_PROBLEM =
      Pattern.compile(
          "[a-z_]+(\\[\\d+\\])? (must be (a string|an array of strings|an object|an array"
              + "|a boolean|a number)|is out of the range of a double|appears more than once)");
  private static final Pattern PROBLEM_PATH =
      Pattern.compile(
          "(encounters\\[\\d+\\](\\.observations\\[\\d+\\])?)?\\.?([a-z_]+(\\[\\d+\\])?)?");

  private static Path directory;

  @BeforeContainer
  static void createDirectory() throws IOException {
    directory = Files.createTempDirectory("reader-properties");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    Files.deleteIfExists(directory);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void readerReturnsConsistentRecordsAndThenTheEndOrOneReadException(
      @ForAll("files") HostileFile file,
      @ForAll("formats") JsonInputFormat format,
      @ForAll boolean captureRaw)
      throws IOException {
    Path path = Files.write(directory.resolve(file.name()), file.bytes());
    List<SourceRecord> records = new ArrayList<>();
    ReadException failure = null;
    boolean opened = false;
    try (RecordReader reader = format.open(path, captureRaw)) {
      opened = true;
      for (Optional<SourceRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        records.add(next.get());
        assertThat(records.size()).isLessThanOrEqualTo(file.bytes().length * 64 + 1);
      }
      assertThat(reader.next()).isEmpty();
    } catch (ReadException e) {
      failure = e;
    } finally {
      Files.delete(path);
    }

    Statistics.label("outcome")
        .collect(failure == null ? "read to the end" : opened ? "read failed" : "open failed");
    Statistics.label("records")
        .collect(
            records.stream().anyMatch(ParsedRecord.class::isInstance)
                ? "some parsed"
                : records.isEmpty() ? "none" : "only unreadable");
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("read to the end").count(count -> count > 0);
              coverage.check("read failed").count(count -> count > 0);
              coverage.check("open failed").count(count -> count > 0);
            });
    Statistics.label("records")
        .coverage(coverage -> coverage.check("some parsed").percentage(p -> p > 10));

    if (failure != null) {
      checkFailure(failure, path, records.size());
    }
    long previousOffset = -1;
    for (int i = 0; i < records.size(); i++) {
      SourceRecord record = records.get(i);
      RecordPosition position = record.position();
      assertThat(position.source()).isEqualTo(path.toString());
      assertThat(position.recordIndex()).isEqualTo(i);
      assertThat(position.byteOffset()).isGreaterThan(previousOffset);
      assertThat(position.line()).isPositive();
      assertThat(position.column()).isPositive();
      previousOffset = position.byteOffset();
      if (file.content() != null) {
        checkPosition(position, file.content());
        checkRaw(record.raw(), position, file.content());
      }
      if (!captureRaw) {
        assertThat(record.raw()).isEmpty();
      }
      if (record instanceof UnreadableRecord unreadable) {
        assertThat(REASONS).anyMatch(reason -> reason.matcher(unreadable.reason()).matches());
      } else {
        for (FieldProblem problem : ((ParsedRecord) record).problems()) {
          assertThat(problem.message()).matches(TYPE_PROBLEM);
          assertThat(problem.path()).matches(PROBLEM_PATH);
        }
      }
    }
  }

  @Provide
  Arbitrary<HostileFile> files() {
    return HostileFiles.files();
  }

  @Provide
  Arbitrary<JsonInputFormat> formats() {
    Arbitrary<JsonInputFormat> limited =
        Combinators.combine(
                Arbitraries.of(48L, 600L, 4096L, JsonInputFormat.DEFAULT_MAX_RECORD_BYTES),
                Arbitraries.of(5, 6, 8, 64),
                Arbitraries.of(0, 0, 8, 40),
                Arbitraries.of(3, 1000))
            .as(
                (recordBytes, depth, stringLength, numberLength) -> {
                  JsonInputFormat.Builder builder =
                      JsonInputFormat.builder()
                          .maxRecordBytes(recordBytes)
                          .maxNestingDepth(depth)
                          .maxNumberLength(numberLength);
                  return stringLength == 0
                      ? builder.build()
                      : builder.maxStringLength(stringLength).build();
                });
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(JsonInputFormat.defaults())), Tuple.of(1, limited));
  }

  private static void checkFailure(ReadException failure, Path path, int recordsReturned) {
    assertThat(failure.getMessage()).startsWith(path + ": ");
    String rest = failure.getMessage().substring(path.toString().length() + 2);
    Pattern matching =
        FAILURES.stream()
            .filter(pattern -> pattern.matcher(rest).matches())
            .findFirst()
            .orElseThrow(() -> new AssertionError("unexpected failure message: " + rest));
    var matcher = matching.matcher(rest);
    assertThat(matcher.matches()).isTrue();
    if (rest.endsWith("before the first record")) {
      assertThat(recordsReturned).isZero();
    } else if (rest.contains(" after record ")) {
      long last = Long.parseLong(rest.substring(rest.lastIndexOf(' ') + 1));
      assertThat(last).isEqualTo(recordsReturned - 1L);
    }
  }

  /** Offsets lie in the content; lines and columns count bytes up to the offset. */
  private static void checkPosition(RecordPosition position, byte[] content) {
    assertThat(position.byteOffset()).isLessThan(content.length);
    int offset = (int) position.byteOffset();
    if (indexOf(content, (byte) '\r', offset) >= 0) {
      return;
    }
    long line = 1;
    int lastNewline = -1;
    for (int i = 0; i < offset; i++) {
      if (content[i] == '\n') {
        line++;
        lastNewline = i;
      }
    }
    assertThat(position.line()).as("line of %s", position).isEqualTo(line);
    assertThat(position.column()).as("column of %s", position).isEqualTo(offset - lastNewline);
  }

  /** Raw text, when kept and the content is valid UTF-8, is the content's bytes at the offset. */
  private static void checkRaw(String raw, RecordPosition position, byte[] content) {
    if (raw.isEmpty() || !isUtf8(content)) {
      return;
    }
    byte[] rawBytes = raw.getBytes(StandardCharsets.UTF_8);
    int offset = (int) position.byteOffset();
    assertThat(offset + rawBytes.length).isLessThanOrEqualTo(content.length);
    assertThat(Arrays.copyOfRange(content, offset, offset + rawBytes.length)).isEqualTo(rawBytes);
  }

  private static boolean isUtf8(byte[] content) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int indexOf(byte[] content, byte value, int end) {
    for (int i = 0; i < end; i++) {
      if (content[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
