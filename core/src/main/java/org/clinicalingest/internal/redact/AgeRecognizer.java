package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Ages over 89, which Safe Harbor requires to be aggregated; younger ages are not PHI.
 *
 * <p>Design: a number is an age only in a form that says so: {@code 92-year-old}, {@code 92 y/o},
 * {@code 94 yo}, {@code 92 years of age}, {@code aged 95}, {@code age: 91}, {@code in her 90s}, and
 * the clinical shorthand {@code 93M} / {@code 93 F} / {@code 93 yo M}, also between commas after a
 * name ({@code Nancy Gunter, 90, female}). The shorthand is also how temperatures are written
 * ({@code 98 F}), so it counts only at the start of a line, sentence or label ({@code HPI: 93 F}),
 * or after {@code a}, {@code an} or {@code pt}, and never after a vital-sign word ({@code Temp: 98
 * F}). The span is the number alone ({@code [AGE]-year-old}); only 90 to 125 counts. Ages in words
 * ({@code ninety-two years old}, {@code one hundred and one years old}), {@code nonagenarian} and
 * {@code centenarian} are ages too. The patterns are tried only at numbers from 90 to 125 that are
 * followed by what the pattern needs next ({@code y}, a comma...), and at their cue words.
 */
final class AgeRecognizer implements Recognizer {

  private static final Pattern YEARS_OLD =
      Pattern.compile(
          "(?i)(?=\\d)(?<![\\w.])(\\d{2,3})[ \\t-]*(?:(?:years?|yrs?|y)[ \\t-]*old|y[ \\t]*/[ \\t]*o"
              + "|y\\.[ \\t]*o\\.?|yo|(?:years?|yrs?)[ \\t]+of[ \\t]+age)(?![a-z])");

  private static final Pattern AGED =
      Pattern.compile(
          "(?i)(?=a)\\b(?:aged?|ages)[ \\t]*(?:[:=][ \\t]*|of[ \\t]+|is[ \\t]+|was[ \\t]+)?(\\d{2,3})(?!\\w|\\.\\d)");

  private static final Pattern SHORTHAND =
      Pattern.compile(
          "(?im)(?=\\d)(?<=^[ \\t]{0,3}|[.;:!?][ \\t]{1,3}|\\b(?:an?|pt|patient)[ \\t]{1,3})(\\d{2,3})[ \\t]?"
              + "(?:(?:yo|y/o)[ \\t]?)?(?:[mf]|male|female|man|woman)(?=[ \\t,.;:)]|$)");

  private static final Pattern BETWEEN_COMMAS =
      Pattern.compile(
          "(?i)(?=\\d)(?<=\\p{L},[ \\t]{0,3})(\\d{2,3})[ \\t]*,[ \\t]*(?:(?:yo|y/o|y\\.o\\.)[ \\t]*)?"
              + "(?:male|female|man|woman|[mf])(?=[ \\t,.;:)]|$)");

  private static final Pattern DECADE =
      Pattern.compile(
          "(?i)(?=[ht])\\b(?:his|her|their)[ \\t]+(?:(?:early|mid|late)[ \\t-]*)?((?:9|1[0-2])0'?s)\\b");

  private static final Pattern SPELLED_OUT =
      Pattern.compile(
          "(?i)\\b((?:ninety(?:[ \\t-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
              + "|(?:one[ \\t]+)?hundred(?:[ \\t]+(?:and[ \\t]+)?[a-z]+(?:-[a-z]+)?)??))"
              + "[ \\t-]+(?:years?|yrs?)[ \\t-]*(?:old|of[ \\t]+age)\\b");

  private static final Pattern WORD =
      Pattern.compile("(?i)\\b(?:super)?(?:nonagenarian|centenarian)s?\\b");

  private static final Set<String> VITAL_SIGN_WORDS =
      Set.of(
          "temp",
          "temperature",
          "t",
          "tmax",
          "tm",
          "fever",
          "febrile",
          "hr",
          "pulse",
          "rr",
          "f",
          "c",
          "degrees");

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    text.addAtCuedWords(WORD, 0, PhiType.AGE, spans, Cue.AGE_WORD);
    if (text.has(Cue.HUNDRED)) {
      text.addAtCuedWords(SPELLED_OUT, 1, PhiType.AGE, spans, Cue.NINETY, Cue.HUNDRED, Cue.ONE);
    } else {
      text.addAtCuedWords(SPELLED_OUT, 1, PhiType.AGE, spans, Cue.NINETY);
    }
    IntList ages = new IntList();
    for (int number = 0; number < text.numbers(); number++) {
      int length = text.numberLength(number);
      if (length >= 2 && length <= 3 && isOver89(text.numberValue(number))) {
        ages.add(number);
      }
    }
    int[] numbers = ages.sorted();
    if (numbers.length == 0) {
      return;
    }
    addOver89(text, YEARS_OLD, numbers, AgeRecognizer::yearsMayFollow, spans, false);
    addOver89(text, SHORTHAND, numbers, AgeRecognizer::sexMayFollow, spans, true);
    addOver89(text, BETWEEN_COMMAS, numbers, AgeRecognizer::commaFollows, spans, true);
    int next = 0;
    for (int word = 0; word < text.words(); word++) {
      if (text.wordHas(word, Cue.AGE) && text.wordStart(word) >= next) {
        Matcher aged = text.lookingAt(AGED, text.wordStart(word));
        if (aged != null) {
          next = aged.end();
          if (isOver89(Integer.parseInt(aged.group(1)))) {
            spans.add(new PhiSpan(aged.start(1), aged.end(1), PhiType.AGE));
          }
        }
      }
    }
    if (text.has(Cue.POSSESSIVE) && mayNameADecade(text)) {
      text.addAtCuedWords(DECADE, 1, PhiType.AGE, spans, Cue.POSSESSIVE);
    }
  }

  /**
   * Whether the text holds {@code 0s} or {@code 0's} in any case, as every match of {@link #DECADE}
   * does; without one the pattern is not tried at each "his", "her" and "their".
   */
  private static boolean mayNameADecade(ScannedText text) {
    String value = text.text();
    for (int zero = value.indexOf('0'); zero >= 0; zero = value.indexOf('0', zero + 1)) {
      int after = text.charAt(zero + 1) == '\'' ? zero + 2 : zero + 1;
      if ((text.charAt(after) | 0x20) == 's') {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the matches of {@code pattern} at the starts of {@code numbers}; it is tried only where
   * {@code mayFollow} accepts what follows the number (tested at its end), a test that each pattern
   * needs to pass.
   */
  private static void addOver89(
      ScannedText text,
      Pattern pattern,
      int[] numbers,
      ScannedText.IndexTest mayFollow,
      List<PhiSpan> spans,
      boolean checkVitals) {
    int next = 0;
    for (int number : numbers) {
      int start = text.numberStart(number);
      if (start < next || !mayFollow.test(text, text.numberEnd(number))) {
        continue;
      }
      Matcher matcher = text.lookingAt(pattern, start);
      if (matcher == null) {
        continue;
      }
      next = matcher.end();
      if (checkVitals
          && VITAL_SIGN_WORDS.contains(TextScan.previousWord(text.text(), matcher.start(1), 4))) {
        continue;
      }
      spans.add(new PhiSpan(matcher.start(1), matcher.end(1), PhiType.AGE));
    }
  }

  /** {@link #YEARS_OLD}: every form starts with a {@code y} after blanks or dashes. */
  private static boolean yearsMayFollow(ScannedText text, int end) {
    return (text.charAt(text.skip(end, " \t-")) | 0x20) == 'y';
  }

  /**
   * {@link #SHORTHAND}: {@code yo}, {@code y/o}, {@code m}, {@code f}, {@code male}, {@code
   * woman}... after at most one blank.
   */
  private static boolean sexMayFollow(ScannedText text, int end) {
    int at = text.charAt(end) == ' ' || text.charAt(end) == '\t' ? end + 1 : end;
    char letter = (char) (text.charAt(at) | 0x20);
    return letter == 'y' || letter == 'm' || letter == 'f' || letter == 'w';
  }

  /** {@link #BETWEEN_COMMAS}: a comma after blanks. */
  private static boolean commaFollows(ScannedText text, int end) {
    return text.charAt(text.skip(end, " \t")) == ',';
  }

  private static boolean isOver89(int age) {
    return age >= 90 && age <= 125;
  }
}
