package org.clinicalingest.examples.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that a {@code JsonGenerator} writes one patient into.
 *
 * <p>Unlike {@code ByteArrayOutputStream} it is unsynchronised and hands its bytes to the next
 * stream without a copy; it is reused for every patient, so after the first few it no longer
 * allocates. Not thread-safe.
 */
final class ByteSink extends OutputStream {

  private byte[] bytes = new byte[64 * 1024];
  private int size;

  @Override
  public void write(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Writes {@code length} bytes from {@code offset} of this buffer to {@code out}. */
  void writeTo(OutputStream out, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
  }

  /** Appends the content of another buffer. */
  void append(ByteSink other) {
    write(other.bytes, 0, other.size);
  }
}
