package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermMatcherTest {

  private final TermMatcher matcher =
      TermMatcher.of(
          List.of("Parkinson", "Bell palsy", "Guillain-Barre", "Barrett's", "Glasgow Coma Scale"));

  private List<String> matches(String text) {
    return matcher.find(text).stream().map(range -> text.substring(range[0], range[1])).toList();
  }

  @Test
  void matchesIgnoringCasePossessivesAccentsAndHyphens() {
    assertThat(matches("hx PARKINSON'S, Bell's palsy and Guillain Barré"))
        .containsExactly("PARKINSON'S", "Bell's palsy", "Guillain Barré");
  }

  @Test
  void prefersLongestTerm() {
    assertThat(matches("GCS: Glasgow Coma Scale 14")).containsExactly("Glasgow Coma Scale");
  }

  @Test
  void requiresPossessiveWhereTermHasOne() {
    assertThat(matches("hx of Barrett's")).containsExactly("Barrett's");
    assertThat(matches("Barrett called back")).isEmpty();
  }

  @Test
  void doesNotMatchAfterPersonalTitle() {
    assertThat(matches("Dr. Parkinson saw the patient with Parkinson disease"))
        .containsExactly("Parkinson");
    assertThat(matcher.find("Dr. Parkinson saw the patient").size()).isZero();
  }

  @Test
  void doesNotMatchAcrossPunctuation() {
    assertThat(matches("Bell. Palsy")).isEmpty();
  }

  @Test
  void matchesWordsOutsideAsciiAndWordsOfAnyCase() {
    TermMatcher accented = TermMatcher.of(List.of("Sjögren syndrome", "café au lait", "O'Neil"));

    assertThat(accented.find("SJOGREN SYNDROME, Café au lait spots, o’neil").size()).isEqualTo(3);
    assertThat(matches("pArKiNsOn")).containsExactly("pArKiNsOn");
    assertThat(matches("Parkinsonism and Bells palsy")).isEmpty();
  }

  @Test
  void ignoresBlankTerms() {
    assertThat(TermMatcher.of(List.of(" ", "Foley")).size()).isEqualTo(1);
  }
}
