package org.clinicalingest.internal.pipeline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinicalingest.RunSummary;
import org.clinicalingest.spi.Rejection;

/**
 * Counts how often each reason was given for quarantining a record, keyed by the kind of record and
 * the reason ({@code observation: code is required}), for the run summary.
 *
 * <p>Reasons name fields and rules, not values, but a few hold a position (the column of malformed
 * JSON), so the distinct reasons are not bounded by the schema: at most {@link
 * RunSummary#MAX_QUARANTINE_REASONS} are kept, and reasons first seen after that are counted under
 * {@link RunSummary#OTHER_QUARANTINE_REASONS}. Not thread-safe: the committer's thread alone uses
 * it.
 */
final class ReasonTally {
  private final Map<String, Long> counts = new HashMap<>();
  private long other;

  /** Counts each reason of a rejection once. */
  void add(Rejection rejection) {
    for (String reason : rejection.reasons()) {
      String key = rejection.kind().label() + ": " + reason;
      if (counts.size() < RunSummary.MAX_QUARANTINE_REASONS || counts.containsKey(key)) {
        counts.merge(key, 1L, Long::sum);
      } else {
        other++;
      }
    }
  }

  /**
   * The counts, most frequent first, then in alphabetical order; the reasons beyond those kept
   * last, if any.
   */
  Map<String, Long> mostFrequentFirst() {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    if (other > 0) {
      sorted.put(RunSummary.OTHER_QUARANTINE_REASONS, other);
    }
    return sorted;
  }
}
