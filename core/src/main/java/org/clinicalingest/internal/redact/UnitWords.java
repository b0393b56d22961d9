package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.stream.Stream;

/**
 * Units written after a number ({@code 10 mg}, {@code 5%ile}), found by hand: what the pattern
 * {@code (?i)[ \t]*(?:mg|ml|...)\b} finds at a place, with Java's word boundary.
 *
 * <p>Design: recognisers test for a unit at the end of nearly every number they find, tens of
 * thousands of times per 3,000 generated patients; {@code java.util.regex} took close to a
 * microsecond a test, most of it the engine's own steps. The boundary is {@code \b}'s as {@link
 * java.util.regex.Pattern} defines it, which is not {@code \w}'s: a letter or digit in any script,
 * or {@code _}, is a word character, and a combining mark after a word character is one too.
 */
final class UnitWords {

  /**
   * Units of an amount, {@code mg|mcg|g|ml|units?|%|mmhg|kg|lbs?} with each word written out: a
   * number before one is no phone number.
   */
  static final List<String> AMOUNTS =
      List.of("mg", "mcg", "g", "ml", "units", "unit", "%", "mmhg", "kg", "lbs", "lb");

  /**
   * Units of a dose, the {@link #AMOUNTS} and {@code cm|mm|tabs?|tablets?|caps?}: a number before
   * one is no date.
   */
  static final List<String> DOSES =
      Stream.concat(
              AMOUNTS.stream(),
              Stream.of("cm", "mm", "tabs", "tab", "tablets", "tablet", "caps", "cap"))
          .toList();

  /**
   * Units after a record number's value, the {@link #AMOUNTS} and {@code cm|mm|bpm|x}: a number
   * before one is no record number ({@link RecordNumberRecognizer}).
   */
  static final List<String> AFTER_RECORD_NUMBER =
      Stream.concat(AMOUNTS.stream(), Stream.of("cm", "mm", "bpm", "x")).toList();

  private UnitWords() {}

  /**
   * Whether one of {@code units} (lower-case ASCII letters, or {@code %}), in any ASCII case,
   * stands at {@code at} after blanks and ends at a word boundary.
   */
  static boolean follows(ScannedText text, int at, List<String> units) {
    int start = text.skip(at, " \t");
    for (String unit : units) {
      if (text.hasAtIgnoringCase(start, unit)
          && endsAtBoundary(text, start + unit.length(), unit)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word boundary follows a unit ending at {@code end}: after a letter, no word character
   * and no combining mark (which would join the letter's word); after {@code %}, which is no word
   * character, a word character.
   */
  private static boolean endsAtBoundary(ScannedText text, int end, String unit) {
    String value = text.text();
    boolean wordFollows = false;
    boolean markFollows = false;
    if (end < value.length()) {
      int next = value.codePointAt(end);
      wordFollows = next == '_' || Character.isLetterOrDigit(next);
      markFollows = Character.getType(next) == Character.NON_SPACING_MARK;
    }
    boolean endsWithLetter = ScannedText.isLetter(unit.charAt(unit.length() - 1));
    return endsWithLetter ? !wordFollows && !markFollows : wordFollows;
  }
}
