package org.clinicalingest.store.postgres.internal;

import java.sql.SQLException;

/**
 * Rows encoded as binary COPY tuples in one buffer, with the offset of each row, so that any
 * contiguous range of them can be sent as a complete COPY stream.
 *
 * <p>Design: a chunk is encoded once; splitting it to isolate a refused row re-sends byte ranges of
 * the same buffer instead of encoding rows again.
 */
final class EncodedRows {

  /** Where a COPY stream goes: {@code CopyIn::writeToCopy} or a test buffer. */
  @FunctionalInterface
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws SQLException;
  }

  private static final int SLICE = 1 << 16;

  private final byte[] bytes;
  private final int[] offsets;

  EncodedRows(byte[] bytes, int[] offsets) {
    this.bytes = bytes;
    this.offsets = offsets;
  }

  /** How many rows are encoded. */
  int size() {
    return offsets.length - 1;
  }

  /** Sends header, rows {@code from} (inclusive) to {@code to} (exclusive) and trailer. */
  void writeTo(Sink sink, int from, int to) throws SQLException {
    sink.write(BinaryCopyEncoder.HEADER, 0, BinaryCopyEncoder.HEADER.length);
    int end = offsets[to];
    for (int start = offsets[from]; start < end; start += SLICE) {
      sink.write(bytes, start, Math.min(SLICE, end - start));
    }
    sink.write(BinaryCopyEncoder.TRAILER, 0, BinaryCopyEncoder.TRAILER.length);
  }
}
