package org.clinicalingest.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.RunSummary;
import org.clinicalingest.Stage;
import org.clinicalingest.spi.PhiType;

/** Prints a run summary as a small table. */
final class SummaryPrinter {
  /** How many quarantine reasons are listed; the rest are counted in one line. */
  private static final int REASONS_LISTED = 10;

  private SummaryPrinter() {}

  static void print(RunSummary summary, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "run %s: %,d records in %.1f s (%,.0f records/s)%n",
        summary.runId(),
        summary.read().total(),
        summary.elapsed().toMillis() / 1000.0,
        summary.recordsPerSecond());
    if (summary.alreadyCommitted() > 0) {
      out.printf(
          Locale.ROOT,
          "resumed: %,d records committed by an earlier run were skipped%n",
          summary.alreadyCommitted());
    }
    out.printf(Locale.ROOT, "%-12s %12s %12s %12s%n", "", "patients", "encounters", "observations");
    row(out, "read", summary.read());
    row(out, "written", summary.written());
    row(out, "quarantined", summary.quarantined());
    row(out, "duplicates", summary.duplicates());
    out.printf(
        Locale.ROOT,
        "accounted for: %s (read = written + quarantined)%n",
        summary.isBalanced() ? "yes" : "NO");
    printQuarantineReasons(summary, out);
    out.printf(Locale.ROOT, "unknown fields ignored: %,d%n", summary.unknownFields());
    StringBuilder spans = new StringBuilder();
    for (Map.Entry<PhiType, Long> entry : summary.redactedSpans().entrySet()) {
      if (entry.getValue() > 0) {
        spans.append(String.format(Locale.ROOT, " %s %,d", entry.getKey(), entry.getValue()));
      }
    }
    out.println("free-text spans redacted:" + (spans.length() == 0 ? " none" : spans));
    out.println("time per stage (summed over threads):" + stageTimes(summary.stageTimes()));
    out.flush();
  }

  /**
   * The most frequent reasons for quarantine, and a warning when every record read was quarantined:
   * then the file is most likely not in the input format at all.
   */
  private static void printQuarantineReasons(RunSummary summary, PrintWriter out) {
    Map<String, Long> reasons = summary.quarantineReasons();
    if (reasons.isEmpty()) {
      return;
    }
    out.println("quarantine reasons (most frequent first; a record may give several):");
    int listed = 0;
    long restCount = 0;
    for (Map.Entry<String, Long> reason : reasons.entrySet()) {
      if (listed < REASONS_LISTED) {
        out.printf(Locale.ROOT, "%,10d  %s%n", reason.getValue(), reason.getKey());
        listed++;
      } else {
        restCount += reason.getValue();
      }
    }
    if (restCount > 0) {
      out.printf(
          Locale.ROOT, "%,10d  other reasons (all of them in the quarantine table)%n", restCount);
    }
    if (summary.read().total() > 0 && summary.written().total() == 0) {
      out.println(
          "warning: every record read was quarantined; is the input in the format this tool"
              + " reads (see \"What it reads\" in the README)?");
    }
  }

  /**
   * The time of each stage in {@code times}, in the map's order, as " read 0.1 s validate 0.2 s".
   */
  static String stageTimes(Map<Stage, Duration> times) {
    StringBuilder stages = new StringBuilder();
    times.forEach(
        (stage, time) ->
            stages.append(
                String.format(
                    Locale.ROOT,
                    " %s %.1f s",
                    stage.name().toLowerCase(Locale.ROOT),
                    time.toMillis() / 1000.0)));
    return stages.toString();
  }

  private static void row(PrintWriter out, String label, RecordCounts counts) {
    out.printf(
        Locale.ROOT,
        "%-12s %,12d %,12d %,12d%n",
        label,
        counts.patients(),
        counts.encounters(),
        counts.observations());
  }
}
