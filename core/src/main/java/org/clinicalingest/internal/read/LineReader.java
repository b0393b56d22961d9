package org.clinicalingest.internal.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits UTF-8 content into NDJSON lines over one reused byte buffer, and positions each line.
 *
 * <p>A line that fits is handed out in place (no copy), so a fresh parser can read it straight from
 * the buffer; the unread tail is moved to the front when the buffer fills, and the buffer doubles
 * only while one line does not fit, up to {@code maxLineBytes} plus its terminator. A longer line
 * is not buffered: it is reported as too long and skipped to its newline. Blank lines are skipped
 * but counted. Lines end at {@code \n}; a {@code \r} before it is dropped. A UTF-8 byte order mark
 * at the start is skipped; like Jackson, offsets and columns still count its bytes. Columns count
 * bytes from the line's start. Not thread-safe.
 */
final class LineReader {
  private static final int TOO_LONG = -2;
  private static final int END_OF_INPUT = -1;
  private static final int BYTE_ORDER_MARK_BYTES = 3;

  private final InputStream in;
  private final long maxLineBytes;
  private byte[] buffer;
  private int position;
  private int limit;
  private long bufferOffset;
  private boolean endOfInput;
  private long nextLineNumber = 1;
  private int byteOrderMark = -1;

  private long lineNumber;
  private long column;
  private long byteOffset;
  private int contentStart;
  private int contentEnd;
  private boolean tooLong;

  LineReader(InputStream in, int bufferBytes, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[Math.max(bufferBytes, BYTE_ORDER_MARK_BYTES)];
  }

  /**
   * Advances to the next line that is not blank.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    if (byteOrderMark < 0) {
      byteOrderMark = readByteOrderMark();
    }
    while (true) {
      int skip = nextLineNumber == 1 ? byteOrderMark : 0;
      int newline = findNewline(position + skip);
      lineNumber = nextLineNumber;
      long lineOffset = bufferOffset + position;
      if (newline == TOO_LONG) {
        if (skipLongLine(lineOffset, position + skip)) {
          return true;
        }
        continue;
      }
      if (newline == END_OF_INPUT && position == limit) {
        return false;
      }
      int end = newline == END_OF_INPUT ? limit : newline;
      int next = newline == END_OF_INPUT ? limit : newline + 1;
      if (end > position && buffer[end - 1] == '\r') {
        end--;
      }
      int first = firstNonBlank(position + skip, end);
      int lineStart = position;
      position = next;
      nextLineNumber++;
      if (first >= 0) {
        contentStart = first;
        contentEnd = end;
        column = first - lineStart + 1L;
        byteOffset = lineOffset + (first - lineStart);
        tooLong = end - lineStart > maxLineBytes;
        return true;
      }
    }
  }

  /** The buffer holding the current line; valid until the next call of {@link #next()}. */
  byte[] buffer() {
    return buffer;
  }

  /** Index in {@link #buffer()} of the line's first non-blank byte. */
  int contentStart() {
    return contentStart;
  }

  /** Index in {@link #buffer()} just after the line's content, its terminator excluded. */
  int contentEnd() {
    return contentEnd;
  }

  /** Whether the line is longer than the limit; its content is then not available. */
  boolean tooLong() {
    return tooLong;
  }

  /** One-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** One-based column, in bytes, of the line's first non-blank byte. */
  long column() {
    return column;
  }

  /** Zero-based offset in the content of the line's first non-blank byte. */
  long byteOffset() {
    return byteOffset;
  }

  /** Bytes of content taken from the input so far: where a failing read stopped. */
  long contentBytesRead() {
    return bufferOffset + limit;
  }

  private int readByteOrderMark() throws IOException {
    while (limit < BYTE_ORDER_MARK_BYTES && !endOfInput) {
      fill();
    }
    boolean present =
        limit >= BYTE_ORDER_MARK_BYTES
            && (buffer[0] & 0xFF) == 0xEF
            && (buffer[1] & 0xFF) == 0xBB
            && (buffer[2] & 0xFF) == 0xBF;
    return present ? BYTE_ORDER_MARK_BYTES : 0;
  }

  /**
   * Finds the next {@code \n} at or after {@code from}, reading on as needed. The line starts at
   * {@link #position}, which moves to 0 if the buffer is compacted.
   *
   * @return the newline's index, {@link #END_OF_INPUT} or {@link #TOO_LONG}
   */
  private int findNewline(int from) throws IOException {
    int scan = from;
    while (true) {
      for (int index = scan; index < limit; index++) {
        if (buffer[index] == '\n') {
          return index;
        }
      }
      if (limit - position > maxLineBytes + 1) {
        return TOO_LONG;
      }
      if (endOfInput) {
        return END_OF_INPUT;
      }
      makeRoom();
      scan = limit;
      fill();
    }
  }

  /**
   * Makes room after {@link #limit}: moves the current line to the front of the buffer, or grows
   * the buffer when the line already fills it.
   */
  private void makeRoom() {
    if (limit < buffer.length) {
      return;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferOffset += position;
      limit -= position;
      position = 0;
      return;
    }
    byte[] grown = new byte[(int) Math.min(2L * buffer.length, maxLineBytes + 2)];
    System.arraycopy(buffer, 0, grown, 0, limit);
    buffer = grown;
  }

  private void fill() throws IOException {
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
    } else {
      limit += read;
    }
  }

  /**
   * Discards a line over the limit up to its newline, reading the rest of it through the buffer
   * without keeping it.
   *
   * @return false if the whole line is blank
   */
  private boolean skipLongLine(long lineOffset, int from) throws IOException {
    long first = -1;
    int scan = from;
    while (true) {
      for (int index = scan; index < limit; index++) {
        byte value = buffer[index];
        if (value == '\n') {
          position = index + 1;
          nextLineNumber++;
          return positionLongLine(lineOffset, first);
        }
        if (first < 0 && !isBlank(value)) {
          first = bufferOffset + index;
        }
      }
      bufferOffset += limit;
      position = 0;
      limit = 0;
      scan = 0;
      if (endOfInput) {
        nextLineNumber++;
        return positionLongLine(lineOffset, first);
      }
      fill();
    }
  }

  private boolean positionLongLine(long lineOffset, long first) {
    if (first < 0) {
      return false;
    }
    contentStart = 0;
    contentEnd = 0;
    column = first - lineOffset + 1;
    byteOffset = first;
    tooLong = true;
    return true;
  }

  /** Index of the first byte in {@code [from, end)} that is not blank, or -1. */
  private int firstNonBlank(int from, int end) {
    for (int index = from; index < end; index++) {
      if (!isBlank(buffer[index])) {
        return index;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte value) {
    return value == ' ' || value == '\t' || value == '\r';
  }
}
