package org.clinicalingest.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordMatchTest {

  @Test
  void countsWholeWordsInAnyCase() {
    assertThat(WordMatch.count("May may call in May; mayday", "may")).isEqualTo(3);
    assertThat(WordMatch.count("Parkinson disease, Mr. Parkinson", "PARKINSON")).isEqualTo(2);
    assertThat(WordMatch.count("MRN 12345 and 123456", "12345")).isEqualTo(1);
    assertThat(WordMatch.count("pt 95yo male, SpO2 95%", "95")).isEqualTo(2);
    assertThat(WordMatch.count("Smith2 and smithson", "smith")).isZero();
  }

  @Test
  void punctuationAtThePhraseEdgeNeedsNoBoundary() {
    assertThat(WordMatch.count("tel:(617) 555-0134.", "(617) 555-0134")).isEqualTo(1);
    assertThat(WordMatch.count("x(617) 555-01345", "(617) 555-0134")).isZero();
  }

  @Test
  void skipsOccurrencesInsideExcludedSpans() {
    String text = "May saw Dr. May on May 3";
    int[] starts = {0, 12, 19};
    int[] ends = {3, 15, 24};
    assertThat(WordMatch.countOutside(text, WordMatch.lower(text), "may", starts, ends, 3))
        .isZero();
    assertThat(WordMatch.countOutside(text, WordMatch.lower(text), "may", starts, ends, 2))
        .isEqualTo(1);
  }

  @Test
  void fallsBackWhenLowerCaseChangesTheLength() {
    String text = "\u0130stanbul and istanbul";
    assertThat(WordMatch.count(text, "istanbul")).isGreaterThanOrEqualTo(1);
  }
}
