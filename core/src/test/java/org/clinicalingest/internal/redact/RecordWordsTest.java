package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RecordWordsTest {

  @Test
  void wordsOfAScanJoinTheLetterRunsAndNumbersThatTouch() {
    String text = "MRN123456, Dr. HOß 4/7 ok2go";
    String withoutLetters = "T 38.5°C, pt’s BP 120/80";

    assertThat(words(scanned("MRN123456, Dr. Hoss 4/7 ok2go")))
        .containsExactly("mrn123456", "dr", "hoss", "4 #", "7 #", "ok2go");
    assertThat(words(scanned(text))).isEqualTo(words(RecordWords.of(text)));
    assertThat(words(scanned(withoutLetters)))
        .containsExactly("t", "38 #", "5 #", "c", "pt", "s", "bp", "120 #", "80 #");
  }

  @Property
  void wordsOfAScanAreThoseOfTheText(@ForAll("texts") String text) {
    assertThat(words(scanned(text))).isEqualTo(words(RecordWords.of(text)));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZm09 .-/,'\n").ofMaxLength(40),
        Arbitraries.strings().withChars("aZ9 é°’\u00a0").ofMaxLength(20),
        Arbitraries.strings().ascii().ofMaxLength(60),
        Arbitraries.strings().ofMaxLength(30));
  }

  private static RecordWords scanned(String text) {
    ScannedText scanned = new ScannedText(text);
    try {
      return RecordWords.borrow(scanned);
    } finally {
      scanned.release();
    }
  }

  /** Each word as its hash-checked lower case, with " #" after a number; gives the words back. */
  private static List<String> words(RecordWords words) {
    List<String> described = new ArrayList<>();
    for (int word = 0; word < words.count(); word++) {
      String lower = words.lower(word);
      assertThat(words.hash(word)).as(lower).isEqualTo(lower.hashCode());
      assertThat(words.text(word))
          .isEqualTo(words.textOf().substring(words.start(word), words.end(word)));
      described.add(lower + (words.isNumber(word) ? " #" : ""));
    }
    words.giveBack();
    return described;
  }
}
