package org.clinicalingest.internal.pipeline;

/**
 * An open-addressing set of 64-bit hashes, used to recognise ids already written in a run.
 *
 * <p>Ids are kept as 64-bit hashes rather than strings so that a run over millions of records needs
 * about 11 bytes per id instead of ~60; with 64 bits the chance of any collision among 10 million
 * ids is below 3 in a million, and a collision only miscounts a duplicate. Not thread-safe.
 */
final class LongHashSet {
  private static final long EMPTY = 0L;
  private static final long EMPTY_SUBSTITUTE = 0x9E3779B97F4A7C15L;

  private long[] slots = new long[1 << 12];
  private int size;

  /** Adds a hash; returns false if it was already present. */
  boolean add(long hash) {
    long value = hash == EMPTY ? EMPTY_SUBSTITUTE : hash;
    if (size + 1 > slots.length * 3L / 4) {
      grow();
    }
    if (!insert(slots, value)) {
      return false;
    }
    size++;
    return true;
  }

  int size() {
    return size;
  }

  private static boolean insert(long[] table, long value) {
    int mask = table.length - 1;
    int index = (int) mix(value) & mask;
    while (table[index] != EMPTY) {
      if (table[index] == value) {
        return false;
      }
      index = (index + 1) & mask;
    }
    table[index] = value;
    return true;
  }

  private void grow() {
    long[] larger = new long[slots.length * 2];
    for (long value : slots) {
      if (value != EMPTY) {
        insert(larger, value);
      }
    }
    slots = larger;
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
