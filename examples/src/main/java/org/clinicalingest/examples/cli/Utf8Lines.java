package org.clinicalingest.examples.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a UTF-8 file, read as bytes split on {@code '\n'} (a {@code '\r'} before it dropped)
 * and each decoded on its own, strictly. A reader decoding the file in blocks can only say that bad
 * UTF-8 lies somewhere in a block, and replacing it instead would alter texts silently; decoded
 * line by line, a bad byte is pinned to its line and spoils no other. A byte order mark at the
 * start of the file is skipped. Memory holds one block and the longest line so far, at most {@link
 * #MAX_LINE_BYTES}: a longer line is read to its end but not kept. Not thread-safe.
 */
final class Utf8Lines implements Closeable {
  /**
   * The longest line kept: more than the JSON reader takes in one string (20,000,000 chars, most of
   * them one byte), less than would strain a small heap. A longer line is skipped unread.
   */
  static final int MAX_LINE_BYTES = 64 << 20;

  /** The UTF-8 byte order mark, skipped at the start of the file as {@code ingest} skips it. */
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private long number;
  private final byte[] block = new byte[1 << 16];
  private int blockStart;
  private int blockEnd;
  private byte[] line = new byte[1 << 12];
  private int lineLength;
  private boolean lineTooLong;
  private CharBuffer chars = CharBuffer.allocate(1 << 12);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  Utf8Lines(Path file) throws IOException {
    this.in = Files.newInputStream(file);
  }

  /** Reads the next line's bytes; false at the end of the file. */
  boolean next() throws IOException {
    lineLength = 0;
    lineTooLong = false;
    boolean read = false;
    while (true) {
      if (blockStart == blockEnd) {
        int length = in.read(block);
        if (length < 0) {
          if (read) {
            number++;
          }
          return read;
        }
        blockStart = 0;
        blockEnd = length;
      }
      read = true;
      int end = blockStart;
      while (end < blockEnd && block[end] != '\n') {
        end++;
      }
      append(blockStart, end);
      if (end < blockEnd) {
        blockStart = end + 1;
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
          lineLength--;
        }
        number++;
        return true;
      }
      blockStart = blockEnd;
    }
  }

  private void append(int start, int end) {
    long needed = (long) lineLength + (end - start);
    if (lineTooLong || needed > MAX_LINE_BYTES) {
      lineTooLong = true;
      return;
    }
    if (needed > line.length) {
      line =
          Arrays.copyOf(line, (int) Math.min(MAX_LINE_BYTES, Math.max(needed, 2L * line.length)));
    }
    System.arraycopy(block, start, line, lineLength, end - start);
    lineLength = (int) needed;
  }

  private boolean startsWithByteOrderMark() {
    return lineLength >= BYTE_ORDER_MARK.length
        && Arrays.equals(
            line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
  }

  /** The number of the line last read, from 1. */
  long number() {
    return number;
  }

  /** Decodes the line last read; a UTF-8 line never has more chars than bytes. */
  String decode() throws MalformedLineException {
    if (lineTooLong) {
      throw new MalformedLineException("longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
    }
    if (chars.capacity() < lineLength) {
      chars = CharBuffer.allocate(lineLength);
    }
    chars.clear();
    int start = number == 1 && startsWithByteOrderMark() ? BYTE_ORDER_MARK.length : 0;
    ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      throw new MalformedLineException("not UTF-8 at byte " + (bytes.position() + 1));
    }
    return new String(chars.array(), 0, chars.position());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
