package org.clinicalingest;

import java.time.Duration;

/**
 * A snapshot of a running ingestion, passed to a {@link ProgressListener}.
 *
 * @param recordsRead records read so far, all kinds
 * @param recordsWritten records written so far, all kinds
 * @param recordsQuarantined records quarantined so far, all kinds
 * @param bytesRead bytes consumed from the source files (compressed bytes for compressed files)
 * @param totalBytes total size of the source files
 * @param elapsed time since the run started
 */
public record Progress(
    long recordsRead,
    long recordsWritten,
    long recordsQuarantined,
    long bytesRead,
    long totalBytes,
    Duration elapsed) {

  /** Share of the source bytes consumed, 0 to 100; 0 when the size is unknown. */
  public double percentOfBytes() {
    return totalBytes <= 0 ? 0 : Math.min(100.0, 100.0 * bytesRead / totalBytes);
  }

  /** Records read per second since the start. */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : recordsRead / seconds;
  }

  /** Estimated time left from the byte rate so far; zero when unknown. */
  public Duration estimatedTimeLeft() {
    if (bytesRead <= 0 || totalBytes <= bytesRead) {
      return Duration.ZERO;
    }
    double nanosPerByte = (double) elapsed.toNanos() / bytesRead;
    return Duration.ofNanos((long) (nanosPerByte * (totalBytes - bytesRead)));
  }
}
