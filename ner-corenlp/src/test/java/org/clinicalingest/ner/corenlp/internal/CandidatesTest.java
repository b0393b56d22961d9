package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidatesTest {

  private final TermMatcher allowList = TermMatcher.of(List.of("Foley", "Tylenol"));

  private boolean any(String text) {
    Words words = Words.of(text);
    return Candidates.any(words, allowList.find(words), Map.of("maria", "Maria")::get);
  }

  @Test
  void findsNoCandidateInAbbreviationsAllowedTermsAndCommonSentenceStarts() {
    assertThat(any("BP 120/80, HR 88. Denies pain. Foley removed. Continue Tylenol.")).isFalse();
  }

  @Test
  void findsCapitalisedWordInsideSentence() {
    assertThat(any("Discussed with Okafor today.")).isTrue();
  }

  @Test
  void findsUsuallyCapitalisedWordAtSentenceStart() {
    assertThat(any("Maria called.")).isTrue();
  }

  @Test
  void findsAnyWordAfterTitle() {
    assertThat(any("SEEN BY DR. OKAFOR")).isTrue();
  }
}
