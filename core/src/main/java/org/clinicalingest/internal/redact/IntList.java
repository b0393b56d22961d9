package org.clinicalingest.internal.redact;

import java.util.Arrays;

/**
 * A growable list of positions in a text, without boxing.
 *
 * <p>Design: recognisers collect the positions where their patterns can start from several sources
 * (numbers, cue words, single characters) and need them in order, once each.
 */
final class IntList {

  private static final int[] NONE = new int[0];

  private int[] values = NONE;
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(8, size * 2));
    }
    values[size++] = value;
  }

  /** The values in ascending order, each once. */
  int[] sorted() {
    int[] sorted = Arrays.copyOf(values, size);
    if (isAscending()) {
      return sorted;
    }
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
  }

  private boolean isAscending() {
    for (int i = 1; i < size; i++) {
      if (values[i] <= values[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
