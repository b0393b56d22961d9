package org.clinicalingest.examples.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Items drawn in proportion to their weights.
 *
 * <p>Keeps cumulative weights and draws by binary search, so a draw from the 3,000 surnames costs a
 * dozen comparisons. Immutable and thread-safe once built.
 */
final class WeightedList<T> {

  private final List<T> items;
  private final long[] cumulative;

  private WeightedList(List<T> items, long[] cumulative) {
    this.items = items;
    this.cumulative = cumulative;
  }

  T pick(Rng rng) {
    long target = rng.nextLong(cumulative[cumulative.length - 1]);
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return items.get(low);
  }

  List<T> items() {
    return items;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Collects items and weights in order. */
  static final class Builder<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Long> weights = new ArrayList<>();

    Builder<T> add(T item, long weight) {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be > 0, was " + weight);
      }
      items.add(item);
      weights.add(weight);
      return this;
    }

    WeightedList<T> build() {
      if (items.isEmpty()) {
        throw new IllegalStateException("a weighted list needs at least one item");
      }
      long[] cumulative = new long[weights.size()];
      long sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += weights.get(i);
        cumulative[i] = sum;
      }
      return new WeightedList<>(List.copyOf(items), cumulative);
    }
  }
}
