package org.clinicalingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clinicalingest.RunSummary;
import org.clinicalingest.spi.RecordKind;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.Rejection;
import org.junit.jupiter.api.Test;

class ReasonTallyTest {
  private static final RecordPosition POSITION = new RecordPosition("f.ndjson", 0, 1, 1, 0);

  @Test
  void countsEachReasonOfARecordByKindMostFrequentFirstThenByName() {
    ReasonTally tally = new ReasonTally();
    tally.add(rejection(RecordKind.OBSERVATION, "code is required", "code must be a string"));
    tally.add(rejection(RecordKind.OBSERVATION, "code is required"));
    tally.add(rejection(RecordKind.ENCOUNTER, "code is required"));

    assertThat(tally.mostFrequentFirst())
        .containsExactly(
            Map.entry("observation: code is required", 2L),
            Map.entry("encounter: code is required", 1L),
            Map.entry("observation: code must be a string", 1L));
  }

  @Test
  void keepsAtMostTheMaximumOfDistinctReasonsAndCountsTheRestLast() {
    ReasonTally tally = new ReasonTally();
    int distinct = RunSummary.MAX_QUARANTINE_REASONS + 10;
    for (int column = 0; column < distinct; column++) {
      tally.add(rejection(RecordKind.PATIENT, "malformed JSON at column " + column));
    }
    tally.add(rejection(RecordKind.PATIENT, "malformed JSON at column 0"));

    Map<String, Long> counts = tally.mostFrequentFirst();

    assertThat(counts).hasSize(RunSummary.MAX_QUARANTINE_REASONS + 1);
    assertThat(counts.entrySet().iterator().next())
        .isEqualTo(Map.entry("patient: malformed JSON at column 0", 2L));
    assertThat(List.copyOf(counts.keySet()).get(counts.size() - 1))
        .isEqualTo(RunSummary.OTHER_QUARANTINE_REASONS);
    assertThat(counts).containsEntry(RunSummary.OTHER_QUARANTINE_REASONS, 10L);
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(distinct + 1);
  }

  private static Rejection rejection(RecordKind kind, String... reasons) {
    return new Rejection(POSITION, kind, "id-1", "", List.of(reasons), "");
  }
}
