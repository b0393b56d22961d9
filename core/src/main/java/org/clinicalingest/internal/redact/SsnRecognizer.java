package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * US social security numbers.
 *
 * <p>Design: {@code 123-45-6789} is distinctive enough to stand alone; other spellings ({@code 123
 * 45 6789}, {@code 123456789}) are just nine digits, so they count only after a keyword such as
 * {@code SSN} or {@code social security number}. Groups of zeros never occur in real numbers and
 * are left alone; areas 666 and 900–999 are kept, since synthetic data and ITINs use them. The
 * dashed shape is tried only where numbers of three, two and four digits are joined by dashes, the
 * keyword pattern only at words that can start a keyword.
 */
final class SsnRecognizer implements Recognizer {

  private static final Pattern DASHED =
      Pattern.compile("(?=\\d)(?<![\\w-])(\\d{3})-(\\d{2})-(\\d{4})(?!\\w|-\\d)");

  private static final Pattern WITH_KEYWORD =
      Pattern.compile(
          "(?i)(?=s)\\b(?:ssn|ss\\s*#|ss\\s*no\\.?|soc(?:ial)?\\.?\\s*sec(?:urity)?\\.?"
              + "(?:\\s*(?:number|num|no\\.?|#))?)\\s*(?:is\\s+|was\\s+)?[:#=]?\\s*"
              + "((\\d{3})[ .-]?(\\d{2})[ .-]?(\\d{4}))(?![\\w-])");

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    if (text.digits() < 9) {
      return;
    }
    int next = 0;
    for (int number = 0; number < text.numbers(); number++) {
      int start = text.numberStart(number);
      if (start < next || !isDashedShape(text, number)) {
        continue;
      }
      Matcher dashed = text.lookingAt(DASHED, start);
      if (dashed != null) {
        if (plausible(dashed.group(1), dashed.group(2), dashed.group(3))) {
          spans.add(new PhiSpan(dashed.start(), dashed.end(), PhiType.SSN));
        }
        next = dashed.end();
      }
    }
    if (!text.has(Cue.SSN)) {
      return;
    }
    next = 0;
    for (int word = 0; word < text.words(); word++) {
      if (!text.wordHas(word, Cue.SSN) || text.wordStart(word) < next) {
        continue;
      }
      Matcher keyword = text.lookingAt(WITH_KEYWORD, text.wordStart(word));
      if (keyword != null) {
        if (plausible(keyword.group(2), keyword.group(3), keyword.group(4))) {
          spans.add(new PhiSpan(keyword.start(1), keyword.end(1), PhiType.SSN));
        }
        next = keyword.end();
      }
    }
  }

  /**
   * Whether numbers of three, two and four digits start at {@code number}, joined by dashes, as
   * {@link #DASHED} needs.
   */
  private static boolean isDashedShape(ScannedText text, int number) {
    return number + 2 < text.numbers()
        && text.numberLength(number) == 3
        && text.numberLength(number + 1) == 2
        && text.numberLength(number + 2) == 4
        && text.joinedToNext(number, '-')
        && text.joinedToNext(number + 1, '-');
  }

  private static boolean plausible(String area, String group, String serial) {
    return !area.equals("000") && !group.equals("00") && !serial.equals("0000");
  }
}
