package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.util.Index;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CRF's feature index (feature string to weight row) as one flat table of 64-bit string hashes,
 * for the lookups of window labelling.
 *
 * <p>Design: labelling a window looks up dozens of freshly built feature strings per token, and
 * CoreNLP's {@code HashIndex} is a {@code HashMap} of some 350,000 entries: each lookup that finds
 * a feature walks a bucket, a node, the key and its characters, and a boxed row, cache lines far
 * apart. Here a lookup hashes the string and reads one slot: the hash and the row side by side in
 * one {@code long[]} (8 MB for this model), with open addressing. The features of a clique are
 * looked up together, all hashed first and then all read, so that their cache misses overlap (the
 * whole recogniser then took 0.93 of its CPU time with one string at a time, side by side). The
 * hash can be computed a fragment at a time ({@link #extend}), so features need not be strings
 * ({@link FeatureHashing}). A string counts as a feature when its 64-bit hash equals that
 * feature's, without comparing characters. {@link #of} refuses an index in which two features share
 * a hash, so every feature gets its own row; a string that is not a feature is taken for one only
 * if its hash equals a feature's, about once in 10^19 lookups (measured: the same spans as
 * CoreNLP's index on every text tried). Immutable and thread-safe.
 */
final class FeatureIndex {

  private final long[] slots;
  private final int slotMask;

  private FeatureIndex(int rows) {
    int capacity = Integer.highestOneBit(Math.max(2, rows + rows / 2)) << 1;
    this.slots = new long[2 * capacity];
    this.slotMask = capacity - 1;
  }

  /**
   * A hashed copy of {@code index}, or empty if it holds something other than strings, is too large
   * for one table, or has two features with the same hash.
   */
  static Optional<FeatureIndex> of(Index<?> index) {
    int size = index.size();
    if (size >= 1 << 28) {
      return Optional.empty();
    }
    long[] hashes = new long[size];
    for (int row = 0; row < size; row++) {
      if (!(index.get(row) instanceof String feature)) {
        return Optional.empty();
      }
      hashes[row] = hash(feature);
    }
    return ofHashes(hashes);
  }

  /** A table of the rows whose features have {@code hashes}, or empty if two are equal. */
  static Optional<FeatureIndex> ofHashes(long[] hashes) {
    FeatureIndex table = new FeatureIndex(hashes.length);
    for (int row = 0; row < hashes.length; row++) {
      if (!table.add(hashes[row], row)) {
        return Optional.empty();
      }
    }
    return Optional.of(table);
  }

  /** Adds {@code row} under {@code hash}; false if another row already has that hash. */
  private boolean add(long hash, int row) {
    int slot = (int) hash & slotMask;
    for (; slots[2 * slot + 1] != 0; slot = (slot + 1) & slotMask) {
      if (slots[2 * slot] == hash) {
        return false;
      }
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = row + 1L;
    return true;
  }

  /**
   * The rows of those features, given by their {@linkplain #hash hashes}, that the model has
   * weights for, in order. The reads of the table, each a likely cache miss, run back to back, so
   * that the processor can overlap them.
   */
  int[] rowsOf(long[] hashes) {
    int[] rows = new int[hashes.length];
    int found = 0;
    for (long hash : hashes) {
      int row = rowOf(hash);
      if (row >= 0) {
        rows[found++] = row;
      }
    }
    return found == rows.length ? rows : Arrays.copyOf(rows, found);
  }

  /** The row of the feature with {@code hash}, or -1 if the model has no weights for it. */
  private int rowOf(long hash) {
    for (int slot = (int) hash & slotMask; ; slot = (slot + 1) & slotMask) {
      long row = slots[2 * slot + 1];
      if (row == 0 || slots[2 * slot] == hash) {
        return (int) row - 1;
      }
    }
  }

  /** The state {@link #extend} starts a string from. */
  static final long HASH_START = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  /** FNV-1a over the UTF-16 units, then MurmurHash3's finaliser to spread every bit. */
  static long hash(String text) {
    return finish(extend(HASH_START, text));
  }

  /** The state after {@code text} follows what {@code state} has taken in. */
  static long extend(long state, String text) {
    long hash = state;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * PRIME;
    }
    return hash;
  }

  /** The state after {@code c} follows what {@code state} has taken in. */
  static long extend(long state, char c) {
    return (state ^ c) * PRIME;
  }

  /** The hash of the string whose characters made {@code state}. */
  static long finish(long state) {
    long hash = state;
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    return hash ^ hash >>> 33;
  }
}
