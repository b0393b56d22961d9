package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class SpanMergerTest {

  @Test
  void sortsDisjointSpans() {
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(10, 12, PhiType.DATE), new PhiSpan(0, 4, PhiType.NAME))))
        .containsExactly(new PhiSpan(0, 4, PhiType.NAME), new PhiSpan(10, 12, PhiType.DATE));
  }

  @Test
  void unitesOverlappingSpansUnderTheLongestSpansType() {
    assertThat(
            SpanMerger.merge(
                List.of(
                    new PhiSpan(5, 9, PhiType.ZIP),
                    new PhiSpan(0, 20, PhiType.ADDRESS),
                    new PhiSpan(18, 25, PhiType.LOCATION))))
        .containsExactly(new PhiSpan(0, 25, PhiType.ADDRESS));
  }

  @Test
  void breaksTiesByTheMoreSpecificType() {
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(3, 15, PhiType.PHONE), new PhiSpan(3, 15, PhiType.FAX))))
        .containsExactly(new PhiSpan(3, 15, PhiType.FAX));
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(0, 11, PhiType.ID), new PhiSpan(0, 11, PhiType.SSN))))
        .containsExactly(new PhiSpan(0, 11, PhiType.SSN));
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(0, 6, PhiType.LOCATION), new PhiSpan(0, 6, PhiType.NAME))))
        .containsExactly(new PhiSpan(0, 6, PhiType.NAME));
  }

  @Test
  void joinsTouchingSpansOfTheSameTypeOnly() {
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(0, 4, PhiType.NAME), new PhiSpan(4, 7, PhiType.NAME))))
        .containsExactly(new PhiSpan(0, 7, PhiType.NAME));
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(0, 4, PhiType.NAME), new PhiSpan(4, 7, PhiType.DATE))))
        .containsExactly(new PhiSpan(0, 4, PhiType.NAME), new PhiSpan(4, 7, PhiType.DATE));
  }

  @Test
  void keepsWhitespaceSeparatedNamePartsApart() {
    assertThat(
            SpanMerger.merge(
                List.of(new PhiSpan(0, 6, PhiType.NAME), new PhiSpan(7, 16, PhiType.NAME))))
        .containsExactly(new PhiSpan(0, 6, PhiType.NAME), new PhiSpan(7, 16, PhiType.NAME));
  }

  @Test
  void unitesChainsOfOverlaps() {
    assertThat(
            SpanMerger.merge(
                List.of(
                    new PhiSpan(0, 5, PhiType.DATE),
                    new PhiSpan(4, 9, PhiType.DATE),
                    new PhiSpan(8, 20, PhiType.PHONE))))
        .containsExactly(new PhiSpan(0, 20, PhiType.PHONE));
  }

  @Test
  void returnsEmptyAndSingleListsAsTheyAre() {
    assertThat(SpanMerger.merge(List.of())).isEmpty();
    assertThat(SpanMerger.merge(List.of(new PhiSpan(1, 2, PhiType.AGE))))
        .containsExactly(new PhiSpan(1, 2, PhiType.AGE));
  }
}
