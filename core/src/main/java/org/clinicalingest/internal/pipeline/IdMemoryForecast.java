package org.clinicalingest.internal.pipeline;

import java.util.Locale;
import java.util.Optional;

/**
 * Foresees, once early in a run, whether the ids the run must remember will take much of the heap.
 *
 * <p>Design: everything else a run holds is bounded by its chunks in flight, but the ids already
 * written ({@link LongHashSet}, 11 to 21 bytes each) grow with the input. A run that outgrows the
 * heap would fail with an {@link OutOfMemoryError} hours in; a warning once the first twentieth of
 * the input is read says so while there is time to restart with more heap. The projection scales
 * the ids remembered by the share of bytes read, so it assumes the rest of the input is like its
 * start, and it counts the worst case of 21 bytes per id. The reader reads a few chunks ahead of
 * the ids remembered, which makes the projection a little low. Not thread-safe.
 */
final class IdMemoryForecast {
  /** Heap per id remembered, at worst: 8 bytes in a table filled to three eighths. */
  static final long BYTES_PER_ID = 21;

  private static final double SAMPLE_SHARE = 0.05;
  private static final double WARN_SHARE = 0.5;

  private final long totalBytes;
  private final long maxHeapBytes;
  private boolean decided;

  /**
   * @param totalBytes the size of the run's input
   * @param maxHeapBytes the most heap the JVM may use ({@link Runtime#maxMemory()})
   */
  IdMemoryForecast(long totalBytes, long maxHeapBytes) {
    this.totalBytes = totalBytes;
    this.maxHeapBytes = maxHeapBytes;
  }

  /**
   * The warning to give, the first time enough of the input is read to project from and only if the
   * projected ids would take more than half the heap; empty otherwise and on later calls.
   *
   * @param bytesRead bytes of the input read so far
   * @param ids ids remembered so far
   */
  Optional<String> check(long bytesRead, long ids) {
    if (decided || totalBytes <= 0 || bytesRead < SAMPLE_SHARE * totalBytes) {
      return Optional.empty();
    }
    decided = true;
    double projectedIds = (double) ids * totalBytes / Math.max(1, bytesRead);
    double projectedBytes = projectedIds * BYTES_PER_ID;
    if (projectedBytes <= WARN_SHARE * maxHeapBytes) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the ids of this run (%,d so far, in %.0f%% of the input) are projected to need up to"
                + " %,d MiB of heap, more than half of the %,d MiB the JVM may use; if the run"
                + " fails with an OutOfMemoryError, give it more heap (-Xmx)",
            ids,
            100.0 * bytesRead / totalBytes,
            Math.round(projectedBytes / (1 << 20)),
            maxHeapBytes >> 20));
  }
}
