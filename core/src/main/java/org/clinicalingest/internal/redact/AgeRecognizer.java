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
 * the clinical shorthand {@code 93M} / {@code 93 F} / {@code 93 yo M}. The shorthand is also how
 * temperatures are written ({@code 98 F}), so it counts only at the start of a line, sentence or
 * label ({@code HPI: 93 F}), or after {@code a}, {@code an} or {@code pt}, and never after a
 * vital-sign word ({@code Temp: 98 F}). The span is the number alone ({@code [AGE]-year-old}); only
 * 90 to 125 counts. Ages in words ({@code ninety-two years old}, {@code one hundred and one years
 * old}), {@code nonagenarian} and {@code centenarian} are ages too.
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

  private static final Pattern DECADE =
      Pattern.compile(
          "(?i)(?=[ht])\\b(?:his|her|their)[ \\t]+(?:(?:early|mid|late)[ \\t-]*)?(9|1[0-2])0'?s\\b");

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
  public void find(String text, List<PhiSpan> spans) {
    Matcher word = WORD.matcher(text);
    while (TextScan.lower(text).contains("genarian") && word.find()) {
      spans.add(new PhiSpan(word.start(), word.end(), PhiType.AGE));
    }
    Matcher spelledOut = SPELLED_OUT.matcher(text);
    while (TextScan.containsAny(TextScan.lower(text), "ninety", "hundred") && spelledOut.find()) {
      spans.add(new PhiSpan(spelledOut.start(1), spelledOut.end(1), PhiType.AGE));
    }
    if (!TextScan.hasNumberBetween(text, 90, 125)) {
      return;
    }
    addOver89(YEARS_OLD.matcher(text), text, spans, false);
    addOver89(AGED.matcher(text), text, spans, false);
    addOver89(SHORTHAND.matcher(text), text, spans, true);
    Matcher decade = DECADE.matcher(text);
    while (decade.find()) {
      spans.add(new PhiSpan(decade.start(1), decade.end(), PhiType.AGE));
    }
  }

  private static void addOver89(
      Matcher matcher, String text, List<PhiSpan> spans, boolean checkVitals) {
    while (matcher.find()) {
      int age = Integer.parseInt(matcher.group(1));
      if (age < 90 || age > 125) {
        continue;
      }
      if (checkVitals
          && VITAL_SIGN_WORDS.contains(TextScan.previousWord(text, matcher.start(1), 4))) {
        continue;
      }
      spans.add(new PhiSpan(matcher.start(1), matcher.end(1), PhiType.AGE));
    }
  }
}
