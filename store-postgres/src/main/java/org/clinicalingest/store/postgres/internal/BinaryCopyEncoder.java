package org.clinicalingest.store.postgres.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;

/**
 * Encodes rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}).
 *
 * <p>Design: the binary format has no escaping at all: each field is a 32-bit length (-1 for NULL)
 * followed by the type's binary representation, so every string arrives byte for byte, whatever
 * tabs, newlines, backslashes, quotes or {@code \N} it holds, and an empty string stays distinct
 * from NULL. Types: text as UTF-8 (the client encoding pgjdbc sets), {@code text[]} as a
 * one-dimensional array of element type {@code text} (OID 25, lower bound 1, NULL elements
 * allowed), boolean as one byte, double precision and bigint as big-endian 8 bytes, timestamptz as
 * microseconds since 2000-01-01T00:00:00Z (finer digits of an {@link Instant} are truncated towards
 * the past). Text must already be free of NUL and unpaired surrogates (see {@link TextRule});
 * values must already have their column's Java type (see {@link PreparedPart}).
 */
final class BinaryCopyEncoder {

  /** Signature, flags (no OIDs) and an empty header extension. */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** A field count of -1 ends the data. */
  static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

  private static final int TEXT_OID = 25;
  private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

  private byte[] buffer = new byte[1 << 14];
  private int length;

  private BinaryCopyEncoder() {}

  /** Encodes the rows, whose values are in {@code columns} order. */
  static EncodedRows encode(List<Column> columns, List<Row> rows) {
    BinaryCopyEncoder encoder = new BinaryCopyEncoder();
    int[] offsets = new int[rows.size() + 1];
    for (int i = 0; i < rows.size(); i++) {
      encoder.writeRow(columns, rows.get(i));
      offsets[i + 1] = encoder.length;
    }
    return new EncodedRows(encoder.buffer, offsets);
  }

  private void writeRow(List<Column> columns, Row row) {
    List<Object> values = row.values();
    writeShort(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        writeInt(-1);
        continue;
      }
      switch (columns.get(i).type()) {
        case TEXT -> writeText((String) value);
        case TEXT_ARRAY -> writeTextArray((List<?>) value);
        case BOOLEAN -> {
          writeInt(1);
          ensure(1);
          buffer[length++] = (byte) (((Boolean) value) ? 1 : 0);
        }
        case DOUBLE -> {
          writeInt(8);
          writeLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
        }
        case BIGINT -> {
          writeInt(8);
          writeLong(((Number) value).longValue());
        }
        case TIMESTAMP -> {
          writeInt(8);
          writeLong(microsSincePostgresEpoch((Instant) value));
        }
      }
    }
  }

  static long microsSincePostgresEpoch(Instant instant) {
    long seconds = Math.subtractExact(instant.getEpochSecond(), POSTGRES_EPOCH_SECOND);
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1_000);
  }

  private void writeText(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    writeInt(utf8.length);
    writeBytes(utf8);
  }

  private void writeTextArray(List<?> elements) {
    int lengthAt = length;
    writeInt(0);
    int start = length;
    if (elements.isEmpty()) {
      writeInt(0);
      writeInt(0);
      writeInt(TEXT_OID);
    } else {
      writeInt(1);
      writeInt(hasNull(elements) ? 1 : 0);
      writeInt(TEXT_OID);
      writeInt(elements.size());
      writeInt(1);
      for (Object element : elements) {
        if (element == null) {
          writeInt(-1);
        } else {
          writeText((String) element);
        }
      }
    }
    putInt(lengthAt, length - start);
  }

  private static boolean hasNull(List<?> elements) {
    for (Object element : elements) {
      if (element == null) {
        return true;
      }
    }
    return false;
  }

  private void writeShort(int value) {
    ensure(2);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void writeInt(int value) {
    ensure(4);
    putInt(length, value);
    length += 4;
  }

  private void putInt(int at, int value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }

  private void writeLong(long value) {
    writeInt((int) (value >>> 32));
    writeInt((int) value);
  }

  private void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void ensure(int more) {
    int needed = length + more;
    if (needed < 0) {
      throw new IllegalArgumentException("a chunk part must encode to less than 2 GiB");
    }
    if (needed > buffer.length) {
      long grown = Math.max((long) needed, (long) buffer.length * 2);
      buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
  }
}
