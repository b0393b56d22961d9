package org.clinicalingest.internal.pipeline;

/**
 * An open-addressing set of 64-bit hashes, used to recognise ids already written in a run.
 *
 * <p>Ids are kept as 64-bit hashes rather than strings so that a run over millions of records needs
 * 11 to 21 bytes per id (the tables are between three eighths and three quarters full) instead of
 * ~60; with 64 bits the chance of any collision among 10 million ids is below 3 in a million, and a
 * collision only miscounts a duplicate. This is the one part of a run's memory that grows with the
 * file: the 8.9 million distinct ids of a 5.1 GiB file took 176 MB.
 *
 * <p>The hashes are spread over 1,024 tables that grow one at a time. One table doubling at 6.3
 * million ids needed 67 MB and 134 MB at once, the latter in one contiguous block of the heap, and
 * with {@code -Xmx512m} and a 5.1 GiB file that step once ended the run with an {@code
 * OutOfMemoryError}. Segments keep every array and every growth step small. Not thread-safe.
 */
final class LongHashSet {
  private static final int SEGMENT_BITS = 10;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;
  private static final int FIRST_SLOTS = 16;
  private static final long EMPTY = 0L;
  private static final long EMPTY_SUBSTITUTE = 0x9E3779B97F4A7C15L;

  private final long[][] segments = new long[SEGMENTS][];
  private final int[] segmentSizes = new int[SEGMENTS];
  private int size;

  /** Adds a hash; returns false if it was already present. */
  boolean add(long hash) {
    long value = hash == EMPTY ? EMPTY_SUBSTITUTE : hash;
    long mixed = mix(value);
    int segment = (int) (mixed >>> (Long.SIZE - SEGMENT_BITS));
    long[] slots = segments[segment];
    if (slots == null) {
      slots = segments[segment] = new long[FIRST_SLOTS];
    } else if (segmentSizes[segment] + 1 > slots.length * 3L / 4) {
      slots = segments[segment] = grown(slots);
    }
    if (!insert(slots, value, mixed)) {
      return false;
    }
    segmentSizes[segment]++;
    size++;
    return true;
  }

  int size() {
    return size;
  }

  private static boolean insert(long[] table, long value, long mixed) {
    int mask = table.length - 1;
    int index = (int) mixed & mask;
    while (table[index] != EMPTY) {
      if (table[index] == value) {
        return false;
      }
      index = (index + 1) & mask;
    }
    table[index] = value;
    return true;
  }

  private static long[] grown(long[] slots) {
    long[] larger = new long[slots.length * 2];
    for (long value : slots) {
      if (value != EMPTY) {
        insert(larger, value, mix(value));
      }
    }
    return larger;
  }

  private static long mix(long value) {
    long mixed = (value ^ (value >>> 33)) * 0xFF51AFD7ED558CCDL;
    return mixed ^ (mixed >>> 33);
  }

  /** A 64-bit FNV-1a hash of a string's UTF-16 units. */
  static long hash(String text) {
    long hash = 0xCBF29CE484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001B3L;
    }
    return hash;
  }
}
