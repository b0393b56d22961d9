package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.util.Index;
import java.util.Optional;

/**
 * The CRF's features and their weights, by 64-bit string hash, in flat tables, for the lookups of
 * window labelling.
 *
 * <p>Design: labelling a window looks up dozens of freshly built feature strings per token, and
 * CoreNLP's {@code HashIndex} is a {@code HashMap} of some 350,000 entries: each lookup that finds
 * a feature walks a bucket, a node, the key and its characters, and a boxed row, and the row's
 * weights are another array elsewhere, cache lines far apart. Here a lookup hashes the string and
 * reads one slot, which holds the hash and the feature's weights side by side. A feature of the
 * one-label clique has one weight per label, a feature of the two-label clique one per label pair,
 * so each kind has its own table ({@link #unaryPotentials}, {@link #pairPotentials}); for the
 * shipped model a slot is 24 or 72 bytes, and the tables 31 MB. Open addressing, hash 0 marks an
 * empty slot. About 43 % of the lookups find no feature (3.4 M of 7.9 M in a pass over the seed-7
 * notes), and such a lookup reads slots up to an empty one; a Bloom filter in blocks of 64 bits
 * (768 KB for the shipped model) turns most of them away first: it let through 0.30 % and 0.55 % of
 * two million hashes of other strings (one-label and two-label table). The features of a clique are
 * looked up together, all found first and then all summed, so that their cache misses overlap. The
 * hash can be computed a fragment at a time ({@link #extend}), so features need not be strings
 * ({@link FeatureHashing}). A string counts as a feature when its 64-bit hash equals that
 * feature's, without comparing characters. {@link #of} refuses an index in which two features share
 * a hash (or one has hash 0), so every feature gets its own weights; a string that is not a feature
 * is taken for one only if its hash equals a feature's, about once in 10^19 lookups (measured: the
 * same spans as CoreNLP's index on every text tried). Immutable and thread-safe.
 */
final class FeatureIndex {

  private final Table unary;
  private final Table pair;

  private FeatureIndex(Table unary, Table pair) {
    this.unary = unary;
    this.pair = pair;
  }

  /**
   * A hashed copy of {@code index} with each feature's row of {@code weights}, or empty if the
   * index holds something other than strings, or {@link #ofHashes} refuses it.
   */
  static Optional<FeatureIndex> of(Index<?> index, float[][] weights, int labels) {
    long[] hashes = new long[index.size()];
    for (int row = 0; row < hashes.length; row++) {
      if (!(index.get(row) instanceof String feature)) {
        return Optional.empty();
      }
      hashes[row] = hash(feature);
    }
    return ofHashes(hashes, weights, labels);
  }

  /**
   * Tables of the features with {@code hashes} and the same rows of {@code weights}, or empty if a
   * row has neither {@code labels} nor {@code labels * labels} weights, the tables would be too
   * large, or two features share a hash.
   */
  static Optional<FeatureIndex> ofHashes(long[] hashes, float[][] weights, int labels) {
    int pairColumns = labels * labels;
    if (labels < 2 || hashes.length != weights.length) {
      return Optional.empty();
    }
    int unaryFeatures = 0;
    for (float[] row : weights) {
      if (row.length != labels && row.length != pairColumns) {
        return Optional.empty();
      }
      unaryFeatures += row.length == labels ? 1 : 0;
    }
    Optional<Table> unary = Table.sized(unaryFeatures, labels);
    Optional<Table> pair = Table.sized(hashes.length - unaryFeatures, pairColumns);
    if (unary.isEmpty() || pair.isEmpty()) {
      return Optional.empty();
    }
    for (int row = 0; row < hashes.length; row++) {
      Table table = weights[row].length == labels ? unary.get() : pair.get();
      if (!table.add(hashes[row], weights[row])) {
        return Optional.empty();
      }
    }
    return Optional.of(new FeatureIndex(unary.get(), pair.get()));
  }

  /**
   * The potential of each labelling of a one-label clique with the features of the first {@code
   * count} {@linkplain #hash hashes}: the weights of those the model has, summed in order, as
   * CoreNLP sums them.
   */
  double[] unaryPotentials(long[] hashes, int count) {
    return unary.potentials(hashes, count);
  }

  /** Adds {@code potentials} to {@code sums}, column by column. */
  static void add(double[] sums, double[] potentials) {
    for (int column = 0; column < sums.length; column++) {
      sums[column] += potentials[column];
    }
  }

  /** Whether the one-label clique has a feature with {@code hash}. */
  boolean hasUnaryFeature(long hash) {
    return unary.find(hash) >= 0;
  }

  /** Whether the two-label clique has a feature with {@code hash}. */
  boolean hasPairFeature(long hash) {
    return pair.find(hash) >= 0;
  }

  /** As {@link #unaryPotentials}, for a clique of two labels: one potential per label pair. */
  double[] pairPotentials(long[] hashes, int count) {
    return pair.potentials(hashes, count);
  }

  /**
   * Features with {@code columns} weights each: slot {@code i} is {@code stride} ints from {@code
   * stride * i}, the hash in two ints, then the weights as float bits.
   */
  private static final class Table {

    private final int[] slots;
    private final int columns;
    private final int stride;
    private final int slotMask;

    /**
     * A blocked Bloom filter of the features' hashes: one {@code long} of bits per block, four bits
     * set per feature ({@link #filterBits}) in the block its hash picks.
     */
    private final long[] filter;

    private final int blockMask;

    private Table(int capacity, int columns, int blocks) {
      this.columns = columns;
      this.stride = 2 + columns;
      this.slots = new int[capacity * stride];
      this.slotMask = capacity - 1;
      this.filter = new long[blocks];
      this.blockMask = blocks - 1;
    }

    /**
     * A table for {@code features}, or empty if it would not fit in one array. Its filter has a
     * block for every three to six features, and one at least.
     */
    static Optional<Table> sized(int features, int columns) {
      long capacity = Long.highestOneBit(Math.max(2, features + features / 2)) << 1;
      int blocks = Integer.highestOneBit(Math.max(1, features / 3));
      return capacity * (2 + columns) > Integer.MAX_VALUE - 16
          ? Optional.empty()
          : Optional.of(new Table((int) capacity, columns, blocks));
    }

    /** Adds a feature; false if its hash is 0 or another feature already has it. */
    boolean add(long hash, float[] weights) {
      if (hash == 0) {
        return false;
      }
      int slot = (int) hash & slotMask;
      for (long held; (held = hashAt(slot)) != 0; slot = (slot + 1) & slotMask) {
        if (held == hash) {
          return false;
        }
      }
      filter[block(hash)] |= filterBits(hash);
      int at = slot * stride;
      slots[at] = (int) (hash >>> 32);
      slots[at + 1] = (int) hash;
      for (int column = 0; column < columns; column++) {
        slots[at + 2 + column] = Float.floatToRawIntBits(weights[column]);
      }
      return true;
    }

    double[] potentials(long[] hashes, int count) {
      int[] found = new int[count];
      int features = 0;
      for (int i = 0; i < count; i++) {
        int at = find(hashes[i]);
        if (at >= 0) {
          found[features++] = at;
        }
      }
      double[] sums = new double[columns];
      for (int i = 0; i < features; i++) {
        int weights = found[i] + 2;
        for (int column = 0; column < columns; column++) {
          sums[column] += Float.intBitsToFloat(slots[weights + column]);
        }
      }
      return sums;
    }

    /** Where the slot of the feature with {@code hash} starts, or -1 if there is none. */
    private int find(long hash) {
      long bits = filterBits(hash);
      if ((filter[block(hash)] & bits) != bits) {
        return -1;
      }
      for (int slot = (int) hash & slotMask; ; slot = (slot + 1) & slotMask) {
        long held = hashAt(slot);
        if (held == 0) {
          return -1;
        }
        if (held == hash) {
          return slot * stride;
        }
      }
    }

    /** The filter's block for {@code hash}: from bits the slot and {@link #filterBits} leave. */
    private int block(long hash) {
      return (int) (hash >>> 32) & blockMask;
    }

    /** The four bits {@code hash} sets in its block, from its lowest 24 bits (a shift takes 6). */
    private static long filterBits(long hash) {
      return 1L << hash | 1L << (hash >>> 6) | 1L << (hash >>> 12) | 1L << (hash >>> 18);
    }

    private long hashAt(int slot) {
      int at = slot * stride;
      return (long) slots[at] << 32 | slots[at + 1] & 0xffffffffL;
    }
  }

  /** The state {@link #extend} starts a string from. */
  static final long HASH_START = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  /** FNV-1a over the UTF-16 units, then MurmurHash3's finaliser to spread every bit. */
  static long hash(String text) {
    return finish(extend(HASH_START, text));
  }

  /** The state after {@code value}, read from the start. */
  static long read(String value) {
    return extend(HASH_START, value);
  }

  /**
   * The hash of the feature whose values the state {@code valuesRead} has taken in, with {@code
   * tag} and the clique's suffix ("|C", "|CpC") after them: each value is read once for all the
   * features that hold it.
   */
  static long feature(long valuesRead, String tag, String cliqueSuffix) {
    return finish(extend(extend(valuesRead, tag), cliqueSuffix));
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
