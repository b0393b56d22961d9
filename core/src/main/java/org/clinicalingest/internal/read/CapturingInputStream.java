package org.clinicalingest.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Feeds the array parser and counts the bytes it delivers; with capture on, it also keeps a copy of
 * them so that a record's raw text can be cut out byte for byte once the parser has read it.
 *
 * <p>The parser reads ahead in chunks (Jackson's are 8000 bytes), so when it reports a record's
 * first byte that byte has already passed through here. Between records the copy therefore keeps
 * the last {@link #IDLE_WINDOW} bytes delivered, which is more than the parser can hold; during a
 * record it keeps everything from the record's first byte, until the record has clearly outgrown
 * the record size, when the copy is dropped (the record is then skipped as too large, without raw
 * text). Memory stays below the record size plus two windows. Not thread-safe.
 */
final class CapturingInputStream extends InputStream {
  static final int IDLE_WINDOW = 64 * 1024;

  private final InputStream in;
  private final boolean enabled;
  private final long maxCaptureBytes;
  private long delivered;
  private byte[] tape;
  private long tapeStart;
  private int tapeLength;
  private long captureStart = -1;
  private final byte[] single = new byte[1];

  /**
   * @param enabled whether bytes are kept at all
   * @param maxRecordBytes the record size; a capture longer than this plus a window is dropped
   */
  CapturingInputStream(InputStream in, boolean enabled, long maxRecordBytes) {
    this.in = in;
    this.enabled = enabled;
    this.maxCaptureBytes = maxRecordBytes + IDLE_WINDOW;
    this.tape = enabled ? new byte[2 * IDLE_WINDOW] : null;
  }

  /** Bytes delivered so far: the parser has consumed no more than this. */
  long delivered() {
    return delivered;
  }

  /**
   * Starts keeping bytes from content offset {@code start}, a record's first byte, which the parser
   * has just reported.
   */
  void startCapture(long start) {
    if (enabled) {
      captureStart = start >= tapeStart ? start : -1;
    }
  }

  /**
   * Ends the capture at content offset {@code end}, just after the record.
   *
   * @return the record's text, or empty if capture is off or the copy was dropped
   */
  String endCapture(long end) {
    if (captureStart < 0) {
      return "";
    }
    int from = (int) (captureStart - tapeStart);
    captureStart = -1;
    return new String(tape, from, (int) (end - tapeStart) - from, StandardCharsets.UTF_8);
  }

  /** Whether a capture is under way and still kept. */
  boolean capturing() {
    return captureStart >= 0;
  }

  /** Ends the capture without text. */
  void dropCapture() {
    captureStart = -1;
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = in.read(buffer, offset, length);
    if (read > 0) {
      if (enabled) {
        keep(buffer, offset, read);
      }
      delivered += read;
    }
    return read;
  }

  private void keep(byte[] buffer, int offset, int length) {
    long keepFrom;
    if (captureStart >= 0) {
      if (delivered + length - captureStart > maxCaptureBytes) {
        captureStart = -1;
        keepFrom = delivered + length - IDLE_WINDOW;
      } else {
        keepFrom = captureStart;
      }
    } else {
      keepFrom = delivered + length - IDLE_WINDOW;
    }
    if (tapeLength + length > tape.length && keepFrom > tapeStart) {
      int drop = (int) Math.min(keepFrom - tapeStart, tapeLength);
      System.arraycopy(tape, drop, tape, 0, tapeLength - drop);
      tapeLength -= drop;
      tapeStart += drop;
    }
    if (tapeLength + length > tape.length) {
      byte[] grown = new byte[Math.max(tape.length * 2, tapeLength + length)];
      System.arraycopy(tape, 0, grown, 0, tapeLength);
      tape = grown;
    }
    System.arraycopy(buffer, offset, tape, tapeLength, length);
    tapeLength += length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
