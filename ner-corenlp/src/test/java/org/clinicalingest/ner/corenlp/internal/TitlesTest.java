package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {

  @Test
  void leadingNonNamesInAnyCaseWithDotsAndAccents() {
    assertThat(Titles.isLeadingNonName("Mother")).isTrue();
    assertThat(Titles.isLeadingNonName("RN")).isTrue();
    assertThat(Titles.isLeadingNonName("Dr.")).isTrue();
    assertThat(Titles.isLeadingNonName("PT")).isTrue();
    assertThat(Titles.isLeadingNonName("NÉE")).isTrue();
    assertThat(Titles.isLeadingNonName("Maria")).isFalse();
    assertThat(Titles.isLeadingNonName("Drake")).isFalse();
    assertThat(Titles.isLeadingNonName("Sjögren")).isFalse();
  }

  @Test
  void announcersAndTitlesOfAText() {
    Words words = Words.of("DAUGHTER Ana, Née Ruiz; seen by DR. Lee, rn Joy, Drake");

    assertThat(Titles.announcer(words, 0)).isEqualTo(Titles.Announcer.RELATION);
    assertThat(Titles.announcer(words, 2)).isEqualTo(Titles.Announcer.RELATION);
    assertThat(Titles.announcer(words, 6)).isEqualTo(Titles.Announcer.TITLE);
    assertThat(Titles.announcer(words, 8)).isEqualTo(Titles.Announcer.ROLE);
    assertThat(Titles.announcer(words, 1)).isNull();
    assertThat(Titles.announcer(words, 10)).isNull();
    assertThat(Titles.isTitle(words, 6)).isTrue();
    assertThat(Titles.isTitle(words, 0)).isFalse();
    assertThat(Titles.isTitle(words, -1)).isFalse();
  }
}
