package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Map;

/**
 * {@link RecordTerms}' word terms by their first word, in an open-addressing table looked up by the
 * hash of a word's lower-case characters, so that no string is made for the words of the text.
 * Immutable and thread-safe.
 */
final class TermTable {
  static final TermTable EMPTY = new TermTable(Map.of());

  private final String[] keys;
  private final int[] hashes;
  private final RecordTerms.WordTerm[][] values;
  private final int mask;
  private final int size;

  TermTable(Map<String, List<RecordTerms.WordTerm>> terms) {
    size = terms.size();
    int capacity = Integer.highestOneBit(Math.max(4, terms.size() * 3)) * 2;
    keys = new String[capacity];
    hashes = new int[capacity];
    values = new RecordTerms.WordTerm[capacity][];
    mask = capacity - 1;
    terms.forEach(
        (word, list) -> {
          int hash = hash(word);
          int slot = hash & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = word;
          hashes[slot] = hash;
          values[slot] = list.toArray(new RecordTerms.WordTerm[0]);
        });
  }

  boolean isEmpty() {
    return size == 0;
  }

  RecordTerms.WordTerm[] get(RecordWords words, int word) {
    int hash = words.hash(word);
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && words.is(word, keys[slot])) {
        return values[slot];
      }
    }
    return null;
  }

  private static int hash(String lowerCase) {
    int hash = 0;
    for (int i = 0; i < lowerCase.length(); i++) {
      hash = 31 * hash + lowerCase.charAt(i);
    }
    return hash;
  }
}
