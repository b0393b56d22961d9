package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.stream.Stream;

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
 * that no word character, hyphen, decimal or unit ({@link UnitWords#AFTER_RECORD_NUMBER}) follows.
 * Where the text could take another of the pattern's paths (a qualifier such as {@code ID}, {@code
 * no.} or {@code #}, {@code is}, {@code was} or {@code of}, a preposition that may start a clause
 * naming where the number was given), the answer is {@link #UNDECIDED} and the pattern is tried.
 * {@code BareMrnValueTest} checks the answers against the pattern's on generated texts. Stateless.
 */
final class BareMrnValue {

  /** The answer where only the pattern can tell. */
  static final Range UNDECIDED = new Range(-1, -1);

  /**
   * The words after {@code MRN} that may start another path of the pattern: a qualifier, {@code
   * is}, {@code was}, {@code of}, or a preposition that may start a clause naming where the number
   * was given.
   */
  private static final List<String> OTHER_PATHS =
      Stream.concat(
              Stream.of("id", "num", "nbr", "no", "#", "is", "was", "of"),
              RecordNumberRecognizer.SOURCE_PREPOSITIONS.stream())
          .toList();

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
    if (!ScannedText.isLetterOrDigit(text.charAt(value)) || !threeDigitsAhead(text, value)) {
      return null;
    }
    int runEnd = value + 1;
    while (runEnd < value + MAX_LENGTH
        && RecordNumberRecognizer.isValueCharacter(text.charAt(runEnd))) {
      runEnd++;
    }
    for (int end = runEnd; end >= value + 1; end--) {
      if ((end == value + 1 || ScannedText.isLetterOrDigit(text.charAt(end - 1)))
          && endsValue(text, end)) {
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

  /**
   * Whether a value may end at {@code end}: no word character, hyphen or decimal follows it, nor a
   * unit after blanks.
   */
  private static boolean endsValue(ScannedText text, int end) {
    char next = text.charAt(end);
    return !ScannedText.isWordChar(next)
        && next != '-'
        && !(next == '.' && ScannedText.isDigit(text.charAt(end + 1)))
        && !UnitWords.follows(text, end, UnitWords.AFTER_RECORD_NUMBER);
  }
}
