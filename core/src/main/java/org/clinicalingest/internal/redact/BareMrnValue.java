package org.clinicalingest.internal.redact;

/**
 * The value after the word {@code MRN} standing alone, matched by hand where {@link
 * RecordNumberRecognizer}'s keyword pattern would match it: {@code MRN}, blanks, a colon or equals
 * sign if any, blanks, then the value.
 *
 * <p>Design: {@code MRN} is the commonest record-number keyword, and the keyword pattern, with its
 * hundred keywords, optional qualifier, clause naming where the number was given, look-aheads and
 * named groups, took a third of the recogniser's time (15,592 of the 26,627 cue words it was tried
 * at over the free texts of 3,000 generated patients were a bare {@code MRN}). Here the pattern's
 * steps are taken in the same order for that keyword: the look-behind before it, the value's three
 * digits ahead, then its longest end first (at most 40 characters, ending on a letter or digit)
 * that no word character, hyphen, decimal or unit follows. Where the text could take another of the
 * pattern's paths (a qualifier such as {@code ID}, {@code no.} or {@code #}, {@code is}, {@code
 * was} or {@code of}, a preposition that may start a clause naming where the number was given), or
 * where a character outside ASCII decides a word boundary, the answer is {@link #UNDECIDED} and the
 * pattern is tried. {@code BareMrnValueTest} checks the answers against the pattern's on generated
 * texts. Stateless.
 */
final class BareMrnValue {

  /** The answer where only the pattern can tell. */
  static final Range UNDECIDED = new Range(-1, -1);

  /** The words after {@code MRN} that may start another path of the pattern; see above. */
  private static final String[] OTHER_PATHS = {
    "id", "num", "nbr", "no", "#", "is", "was", "of", "at", "from", "with", "in", "for", "per"
  };

  /** The units that may not follow a value, each with the words it covers ({@code units?}). */
  private static final String[] UNITS = {
    "mg", "mcg", "g", "ml", "units", "unit", "%", "mmhg", "kg", "lbs", "lb", "cm", "mm", "bpm", "x"
  };

  /** The most characters of a value. */
  private static final int MAX_LENGTH = 40;

  private BareMrnValue() {}

  /** A value's range in the text. */
  record Range(int start, int end) {}

  /**
   * The value after {@code MRN} at {@code start}, null if the keyword pattern does not match there,
   * or {@link #UNDECIDED} if no bare {@code MRN} stands there or only the pattern can tell.
   */
  static Range at(ScannedText text, int start) {
    int keywordEnd = start + 3;
    if (!text.hasAtIgnoringCase(start, "mrn") || ScannedText.isLetter(text.charAt(keywordEnd))) {
      return UNDECIDED;
    }
    char before = text.charAt(start - 1);
    if (ScannedText.isWordChar(before) || before == '#') {
      return null;
    }
    int afterBlanks = text.skip(keywordEnd, " \t");
    for (String word : OTHER_PATHS) {
      if (text.hasAtIgnoringCase(afterBlanks, word)) {
        return UNDECIDED;
      }
    }
    char mark = text.charAt(afterBlanks);
    int value = mark == ':' || mark == '=' ? text.skip(afterBlanks + 1, " \t") : afterBlanks;
    if (!isAsciiLetterOrDigit(text.charAt(value)) || !threeDigitsAhead(text, value)) {
      return null;
    }
    int runEnd = value + 1;
    while (runEnd < value + MAX_LENGTH && isValueCharacter(text.charAt(runEnd))) {
      runEnd++;
    }
    for (int end = runEnd; end >= value + 1; end--) {
      if (end > value + 1 && !isAsciiLetterOrDigit(text.charAt(end - 1))) {
        continue;
      }
      Ending ending = endingAt(text, end);
      if (ending == Ending.UNDECIDED) {
        return UNDECIDED;
      }
      if (ending == Ending.ENDS) {
        return new Range(value, end);
      }
    }
    return null;
  }

  /** The pattern's look-ahead {@code (?=(?:[A-Za-z/-]*\d){3})} at {@code position}. */
  private static boolean threeDigitsAhead(ScannedText text, int position) {
    int at = position;
    for (int digit = 0; digit < 3; digit++) {
      char c;
      while (ScannedText.isLetter(c = text.charAt(at)) || c == '/' || c == '-') {
        at++;
      }
      if (!ScannedText.isDigit(c)) {
        return false;
      }
      at++;
    }
    return true;
  }

  /** Whether a value may end at a place, as the pattern's look-aheads after it decide. */
  private enum Ending {
    ENDS,
    DOES_NOT_END,
    UNDECIDED
  }

  /**
   * Whether a value may end at {@code end}: not if a word character, hyphen or decimal follows, nor
   * a unit after blanks that ends at a word boundary; undecided if a character outside ASCII stands
   * where that boundary would be.
   */
  private static Ending endingAt(ScannedText text, int end) {
    char next = text.charAt(end);
    if (ScannedText.isWordChar(next)
        || next == '-'
        || next == '.' && ScannedText.isDigit(text.charAt(end + 1))) {
      return Ending.DOES_NOT_END;
    }
    int unitStart = text.skip(end, " \t");
    for (String unit : UNITS) {
      if (text.hasAtIgnoringCase(unitStart, unit)) {
        char after = text.charAt(unitStart + unit.length());
        if (after >= 128) {
          return Ending.UNDECIDED;
        }
        boolean wordAfter = ScannedText.isWordChar(after);
        if (unit.equals("%") == wordAfter) {
          return Ending.DOES_NOT_END; // a word boundary after the unit
        }
      }
    }
    return Ending.ENDS;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return ScannedText.isLetter(c) || ScannedText.isDigit(c);
  }

  private static boolean isValueCharacter(char c) {
    return isAsciiLetterOrDigit(c) || c == '/' || c == '-';
  }
}
