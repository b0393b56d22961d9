package org.clinicalingest.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

  /** What the reader reports for one non-blank line. */
  private record Line(long number, long column, long offset, String content, boolean tooLong) {}

  private static List<Line> read(byte[] content, int bufferBytes, long maxLineBytes, int chunk)
      throws IOException {
    LineReader reader = new LineReader(new Trickle(content, chunk), bufferBytes, maxLineBytes);
    List<Line> lines = new ArrayList<>();
    while (reader.next()) {
      String text =
          reader.tooLong()
              ? ""
              : new String(
                  reader.buffer(),
                  reader.contentStart(),
                  reader.contentEnd() - reader.contentStart(),
                  StandardCharsets.UTF_8);
      lines.add(
          new Line(
              reader.lineNumber(), reader.column(), reader.byteOffset(), text, reader.tooLong()));
    }
    return lines;
  }

  /** The same, computed the obvious way over the whole content. */
  private static List<Line> expected(byte[] content, long maxLineBytes) {
    List<Line> lines = new ArrayList<>();
    int bom =
        content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    int start = 0;
    long number = 1;
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      int contentEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
      int first = number == 1 ? bom : start;
      while (first < contentEnd
          && (content[first] == ' ' || content[first] == '\t' || content[first] == '\r')) {
        first++;
      }
      boolean tooLong = contentEnd - start > maxLineBytes;
      if (tooLong) {
        while (first < end
            && (content[first] == ' ' || content[first] == '\t' || content[first] == '\r')) {
          first++;
        }
      }
      if (first < (tooLong ? end : contentEnd)) {
        String text =
            tooLong ? "" : new String(content, first, contentEnd - first, StandardCharsets.UTF_8);
        lines.add(new Line(number, first - start + 1, first, text, tooLong));
      }
      start = end + 1;
      number++;
    }
    return lines;
  }

  @Test
  void splitsLinesAndPositionsTheirFirstNonBlankByte() throws IOException {
    byte[] content =
        ReaderTestFiles.withByteOrderMark(" {\"a\":1}\r\n\n\t \r\n  {\"é\":2}\n{\"c\":3}");

    List<Line> lines = read(content, 1024, 100, 1024);

    assertThat(lines)
        .containsExactly(
            new Line(1, 5, 4, "{\"a\":1}", false),
            new Line(4, 3, 20, "{\"é\":2}", false),
            new Line(5, 1, 29, "{\"c\":3}", false));
  }

  @Test
  void reportsLineOverTheLimitWithoutHoldingIt() throws IOException {
    byte[] content =
        ("{\"a\":1}\n   " + "x".repeat(10_000) + "\n{\"b\":2}\n").getBytes(StandardCharsets.UTF_8);

    List<Line> lines = read(content, 16, 64, 7);

    assertThat(lines)
        .containsExactly(
            new Line(1, 1, 0, "{\"a\":1}", false),
            new Line(2, 4, 11, "", true),
            new Line(3, 1, 10_012, "{\"b\":2}", false));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void matchesAPlainSplitForRandomContent(int chunk) throws IOException {
    Random random = new Random(chunk);
    for (int round = 0; round < 200; round++) {
      byte[] content = randomContent(random);
      int bufferBytes = 1 + random.nextInt(40);
      long maxLineBytes = 1 + random.nextInt(60);

      assertThat(read(content, bufferBytes, maxLineBytes, chunk))
          .as(
              "round %d, buffer %d, max %d: %s",
              round, bufferBytes, maxLineBytes, Arrays.toString(content))
          .isEqualTo(expected(content, maxLineBytes));
    }
  }

  private static byte[] randomContent(Random random) {
    String[] pieces = {"\n", "\r\n", "\r", " ", "\t", "{}", "é", "x", "abcdefghij", "\n\n"};
    StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
    int length = random.nextInt(60);
    for (int index = 0; index < length; index++) {
      String piece = pieces[random.nextInt(pieces.length)];
      text.append(piece.equals("abcdefghij") ? piece.repeat(1 + random.nextInt(5)) : piece);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Hands out at most {@code chunk} bytes per read, as a slow stream or a gzip stream may. */
  private static final class Trickle extends FilterInputStream {
    private final int chunk;

    Trickle(byte[] content, int chunk) {
      super(new ByteArrayInputStream(content));
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return in.read(buffer, offset, Math.min(length, chunk));
    }
  }
}
