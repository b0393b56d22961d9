package org.clinicalingest.examples.generate;

import java.util.List;

/**
 * A small SplitMix64 random generator.
 *
 * <p>Written out here rather than taken from {@code java.util} so that a seed gives the same stream
 * on every JDK and the generated files stay byte-identical across versions. Not thread-safe; each
 * patient gets its own instance from {@link #mix(long, long)}.
 */
final class Rng {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  Rng(long seed) {
    state = seed;
  }

  /** A well-mixed 64-bit value of two inputs, a bijection in {@code value} for a fixed salt. */
  static long mix(long salt, long value) {
    return finish(value * GOLDEN + finish(salt));
  }

  private static long finish(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return finish(state);
  }

  /** A value in {@code [0, bound)}; {@code bound} must be positive. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** A value in {@code [0, bound)} for bounds above the int range. */
  long nextLong(long bound) {
    return Long.remainderUnsigned(nextLong(), bound);
  }

  /** A value in {@code [min, max]}. */
  int between(int min, int max) {
    return min + nextInt(max - min + 1);
  }

  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }
}
