package org.clinicalingest.ner.corenlp.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A read-only map from words to values, looked up by the words' 64-bit hashes, for the large word
 * tables read once or more per word of every text.
 *
 * <p>Design: {@code Map.copyOf} of the 180,937 case forms, and {@code Set.copyOf} of the CRF's
 * lower-case vocabulary, probed an array of keys and compared the word with each key they met: the
 * slot, the key and the key's characters, three cache lines far apart, and a JFR profile put 5 % of
 * the NER stage in the case forms' probes and 2 % in the vocabulary's. Here the slots are the
 * words' hashes ({@link FeatureIndex#hash}) in one {@code long[]}, with open addressing, and the
 * values in an array beside it: a lookup reads one slot, and a word counts as a key when its hash
 * equals the key's, without comparing characters. {@link #of(Map)} refuses words that share a hash
 * (or have hash 0), so every key gets its own slot; another word is taken for a key about once in
 * 10^19 lookups, as for the features. Immutable and thread-safe.
 */
final class WordTable<V> {

  private final long[] hashes;
  private final Object[] values;
  private final int mask;

  private WordTable(int capacity) {
    this.hashes = new long[capacity];
    this.values = new Object[capacity];
    this.mask = capacity - 1;
  }

  /** A table of {@code entries}, or empty if two of its words share a hash or one has hash 0. */
  static <V> Optional<WordTable<V>> of(Map<String, V> entries) {
    return of(entries.keySet(), entries::get);
  }

  /** A table of {@code words}, each its own value, or empty as {@link #of(Map)} would be. */
  static Optional<WordTable<String>> ofWords(Collection<String> words) {
    return of(words, Function.identity());
  }

  /**
   * A table of the words whose {@linkplain FeatureIndex#hash hashes} are given, keys of {@code
   * TRUE} or {@code FALSE}; empty if a hash is 0 or given twice.
   */
  static Optional<WordTable<Boolean>> ofKeyHashes(long[] trueHashes, long[] falseHashes) {
    WordTable<Boolean> table = new WordTable<>(capacity(trueHashes.length + falseHashes.length));
    for (long hash : trueHashes) {
      if (!table.add(hash, Boolean.TRUE)) {
        return Optional.empty();
      }
    }
    for (long hash : falseHashes) {
      if (!table.add(hash, Boolean.FALSE)) {
        return Optional.empty();
      }
    }
    return Optional.of(table);
  }

  private static <V> Optional<WordTable<V>> of(
      Collection<String> words, Function<String, V> valueOf) {
    WordTable<V> table = new WordTable<>(capacity(words.size()));
    for (String word : words) {
      if (!table.add(FeatureIndex.hash(word), valueOf.apply(word))) {
        return Optional.empty();
      }
    }
    return Optional.of(table);
  }

  /** A power of two at least 1.5 times {@code size}, so that probes stay short. */
  private static int capacity(int size) {
    return Integer.highestOneBit(Math.max(2, size + size / 2)) << 1;
  }

  private boolean add(long hash, V value) {
    if (hash == 0) {
      return false;
    }
    int slot = (int) hash & mask;
    for (; hashes[slot] != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash) {
        return false;
      }
    }
    hashes[slot] = hash;
    values[slot] = value;
    return true;
  }

  /** The value of {@code word}, or null if it is not a key. */
  V get(String word) {
    return getByHash(FeatureIndex.hash(word));
  }

  /**
   * The value of the key whose {@linkplain FeatureIndex#hash hash} is {@code hash}, or null if none
   * has it.
   */
  @SuppressWarnings("unchecked")
  V getByHash(long hash) {
    for (int slot = (int) hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash) {
        return (V) values[slot];
      }
    }
    return null;
  }

  /** Whether {@code word} is a key. */
  boolean contains(String word) {
    return get(word) != null;
  }
}
