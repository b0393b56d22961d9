package org.clinicalingest.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.clinicalingest.Progress;
import org.clinicalingest.ProgressListener;

/**
 * A live progress line on stderr: records/s, percent of bytes read and ETA. On a terminal the line
 * is redrawn in place a few times a second; otherwise a new line is printed every few seconds, so
 * logs stay readable.
 */
final class ProgressLine implements ProgressListener {
  private final PrintWriter err;
  private final boolean terminal = System.console() != null;
  private final long intervalNanos;
  private long lastPrint;
  private boolean printed;

  ProgressLine(PrintWriter err) {
    this.err = err;
    this.intervalNanos = terminal ? 250_000_000L : 5_000_000_000L;
  }

  @Override
  public void onProgress(Progress progress) {
    long now = System.nanoTime();
    if (printed && now - lastPrint < intervalNanos) {
      return;
    }
    lastPrint = now;
    printed = true;
    String line =
        String.format(
            Locale.ROOT,
            "%5.1f%% of bytes | %,d records | %,.0f records/s | %,d quarantined | ETA %s",
            progress.percentOfBytes(),
            progress.recordsRead(),
            progress.recordsPerSecond(),
            progress.recordsQuarantined(),
            format(progress.estimatedTimeLeft()));
    if (terminal) {
      err.print("\r" + line + "   ");
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Ends the redrawn line. */
  void finish() {
    if (terminal && printed) {
      err.println();
      err.flush();
    }
  }

  private static String format(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
