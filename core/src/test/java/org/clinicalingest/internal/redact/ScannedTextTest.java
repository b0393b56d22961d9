package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScannedTextTest {

  private static final Pattern AFTER_LETTER = Pattern.compile("(?<=[a-z])\\d+(?=!)");

  @Test
  void cutsTextIntoAsciiLetterRunsAndDigitRuns() {
    ScannedText text = new ScannedText("MRN123456, Dr. Hoß 4/7 ok");
    List<String> words = new ArrayList<>();
    for (int word = 0; word < text.words(); word++) {
      words.add(text.text().substring(text.wordStart(word), text.wordEnd(word)));
    }
    List<String> numbers = new ArrayList<>();
    for (int number = 0; number < text.numbers(); number++) {
      numbers.add(text.text().substring(text.numberStart(number), text.numberEnd(number)));
    }
    assertThat(words).containsExactly("MRN", "Dr", "Ho", "ok");
    assertThat(numbers).containsExactly("123456", "4", "7");
    assertThat(text.digits()).isEqualTo(8);
    assertThat(text.numberValue(0)).isEqualTo(123456);
    text.release();
  }

  @Test
  void findsNumbersByTheirStartAndSkipsCharactersAndLooksBehind() {
    ScannedText text = new ScannedText("on  3/12, x-4 _5");
    assertThat(text.numberAt(4)).isEqualTo(0);
    assertThat(text.numberAt(5)).isEqualTo(-1);
    assertThat(text.numberAt(6)).isEqualTo(1);
    assertThat(text.skip(2, " \t")).isEqualTo(4);
    assertThat(text.skip(16, " ")).isEqualTo(16);
    assertThat(text.isFreeBefore(4, "/")).isTrue();
    assertThat(text.isFreeBefore(6, "/")).isFalse();
    assertThat(text.isFreeBefore(12, "/")).isTrue();
    assertThat(text.isFreeBefore(12, "-")).isFalse();
    assertThat(text.isFreeBefore(15, "")).isFalse();
    assertThat(text.isFreeBefore(0, "/")).isTrue();
    assertThat(ScannedText.isWordChar('_')).isTrue();
    assertThat(ScannedText.isWordChar('é')).isFalse();
    text.release();
  }

  @Test
  void joinsANumberToTheNextByOneSeparator() {
    ScannedText text = new ScannedText("3/12 - 4 5--6 7");
    assertThat(text.joinedToNext(0, '/')).isTrue();
    assertThat(text.joinedToNext(0, '-')).isFalse();
    assertThat(text.joinedToNext(1, '-')).isFalse();
    assertThat(text.joinedToNext(3, '-')).isFalse();
    assertThat(text.joinedToNext(5, ' ')).isFalse();
    text.release();
  }

  @Test
  void givesWordsTheirCuesByWholeWordOrPrefix() {
    ScannedText text = new ScannedText("MRNno 1; Mayo may; medications");
    assertThat(text.wordHas(0, Cue.RECORD_NUMBER)).isTrue();
    assertThat(text.wordHas(1, Cue.MONTH)).isFalse();
    assertThat(text.wordHas(2, Cue.MONTH)).isTrue();
    assertThat(text.wordHas(3, Cue.RECORD_NUMBER)).isFalse();
    assertThat(text.has(Cue.MONTH)).isTrue();
    assertThat(text.has(Cue.WWW)).isFalse();
    text.release();
  }

  @Test
  void triesAPatternAtAPositionSeeingTheWholeText() {
    ScannedText text = new ScannedText("ab12! 34!");
    Matcher match = text.lookingAt(AFTER_LETTER, 2);
    assertThat(match).isNotNull();
    assertThat(match.group()).isEqualTo("12");
    assertThat(text.lookingAt(AFTER_LETTER, 6)).isNull();
    assertThat(text.findIn(AFTER_LETTER, 0, 9, true).start()).isEqualTo(2);
    text.release();
  }

  @Test
  void keepsEachScanOnItsOwnTextWhenScansNest() {
    ScannedText outer = new ScannedText("x1!");
    ScannedText inner = new ScannedText("yy22!");
    assertThat(inner.lookingAt(AFTER_LETTER, 2).group()).isEqualTo("22");
    assertThat(outer.lookingAt(AFTER_LETTER, 1).group()).isEqualTo("1");
    inner.release();
    outer.release();
    ScannedText next = new ScannedText("zz333!");
    assertThat(next.lookingAt(AFTER_LETTER, 2).group()).isEqualTo("333");
    next.release();
  }

  @Test
  void startsEachScanOfAThreadAfreshWhateverTheScanBeforeHeld() {
    ScannedText huge = new ScannedText("word 12 ".repeat(20_000));
    assertThat(huge.words()).isEqualTo(20_000);
    assertThat(huge.numbers()).isEqualTo(20_000);
    huge.release();
    ScannedText longer = new ScannedText("alpha 1 beta 22 gamma 333 delta 4444 ".repeat(10));
    longer.release();

    ScannedText text = new ScannedText("Seen 3/4 by Ann");

    assertThat(text.words()).isEqualTo(3);
    assertThat(text.wordStart(2)).isEqualTo(12);
    assertThat(text.wordEnd(2)).isEqualTo(15);
    assertThat(text.numbers()).isEqualTo(2);
    assertThat(text.numberStart(1)).isEqualTo(7);
    assertThat(text.digits()).isEqualTo(2);
    assertThat(text.wordFrom(10)).isEqualTo(2);
    assertThat(text.numberFrom(8)).isEqualTo(2);
    text.release();
  }
}
