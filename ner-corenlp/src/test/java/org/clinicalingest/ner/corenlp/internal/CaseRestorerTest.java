package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseRestorerTest {

  private final CaseRestorer restorer =
      new CaseRestorer(Map.of("maria", "Maria", "smith", "Smith", "icu", "ICU")::get);

  private String restore(String text) {
    return restorer.restore(Words.of(text));
  }

  @Test
  void restoresAllCapitalsNote() {
    assertThat(restore("PT'S DAUGHTER MARIA AT BEDSIDE. TO ICU PER DR. JONES."))
        .isEqualTo("Pt's daughter Maria at bedside. To ICU per Dr. Jones.");
  }

  @Test
  void restoresLowerCaseNoteAndInitials() {
    assertThat(restore("seen by dr. j. smith, wife maria aware"))
        .isEqualTo("Seen by Dr. J. Smith, wife Maria aware");
  }

  @Test
  void capitalisesWordsOutsideAsciiByTheirTitleCase() {
    assertThat(restore("SEEN BY DR. ÉLODIE MARTIN IN ÖREBRO. ǄEMAL AWARE."))
        .isEqualTo("Seen by Dr. Élodie martin in örebro. ǅemal aware.");
    assertThat(restore("seen by dr. élodie martin. ǆemal aware, 𐐨𐐩 here"))
        .isEqualTo("Seen by Dr. Élodie martin. ǅemal aware, 𐐨𐐩 here");
  }

  @Test
  void leavesMixedCaseTextAlone() {
    String text = "Daughter maria at bedside. Dr. Smith aware.";

    assertThat(restore(text)).isSameAs(text);
  }

  @Test
  void keepsLengthWhenCaseMappingWouldChangeIt() {
    String text = "PATIENT STRASSE İSTANBUL ß ß ß";

    assertThat(restore(text)).hasSameSizeAs(text);
  }

  @Test
  void detectsMonoCaseText() {
    assertThat(CaseRestorer.isMonoCase(Words.of("BP 120/80 HR 88 PT STABLE"))).isTrue();
    assertThat(CaseRestorer.isMonoCase(Words.of("bp stable, pt resting, wife here"))).isTrue();
    assertThat(CaseRestorer.isMonoCase(Words.of("Pt resting. Wife Maria here."))).isFalse();
  }
}
