package org.clinicalingest.internal.redact;

/**
 * The shapes of {@link PhoneRecognizer}'s numbers, matched by hand. Each method returns where the
 * shape's regular expression, tried at a place with transparent bounds, would end its match, or -1
 * where it would not match; the expressions, case-insensitive but for the international one, are
 * written out on each method, with these parts:
 *
 * <ul>
 *   <li>{@code GAP}: {@code (?:[ \t()-]|\.(?![ \t\n])){0,2}+}, up to two separators between digits;
 *       a full stop only before something other than a blank, so that {@code 555-0123. 0700} (a
 *       phone, then a time) is not one number;
 *   <li>{@code EXTENSION}: {@code (?:[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6})?};
 *   <li>{@code NOT_GLUED}: {@code (?![\w]|[-./]\d)}, no letter or digit after the number, nor a
 *       dash, dot or slash and a digit; a dash and a word may follow ({@code 3660170548-Fax});
 *   <li>{@code NOT_A_UNIT}: {@code (?![ \t]*(?:mg|mcg|g|ml|units?|%|mmhg|kg|lbs?)\b)}.
 * </ul>
 *
 * <p>Design: the shapes are tried at every chain of seven or ten digits, which in clinical notes
 * are dates and record numbers as often as phone numbers: some 100,000 places per 3,000 generated
 * patients, most of which match. {@code java.util.regex} took 1–2 µs a place, most of it the
 * engine's own steps. The code here takes the expressions' steps in their order: alternatives and
 * optional parts in turn, digits taken greedily and given back one at a time, an extension tried
 * before none at each length. The gap never gives back, since none of its characters is a digit.
 * The unit after a North American number is looked for by {@link UnitWords}.
 */
final class PhoneShapes {

  private static final int MIN_MORE_DIGITS = 6;

  private static final int MAX_MORE_DIGITS = 16;

  private static final int MAX_EXTENSION_DIGITS = 6;

  private static final String BLANKS = " \t";

  private static final String SEPARATORS = " \t.-";

  /** The words of an extension, in the order the expression tries them, in lower case. */
  private static final String[] EXTENSION_WORDS = {"x", "ext.", "ext", "extension"};

  private PhoneShapes() {}

  /**
   * A run of seven to seventeen digits: {@code (?<![\w+(.-])\+?\(?\d(?:GAP\d){6,16}EXTENSION
   * NOT_GLUED}.
   */
  static int runEnd(ScannedText text, int start) {
    if (isGluedBefore(text, start, "+(.-")) {
      return -1;
    }
    int at = start;
    if (text.charAt(at) == '+') {
      at++;
    }
    if (text.charAt(at) == '(') {
      at++;
    }
    return text.isDigitAt(at) ? digitsEnd(text, at, true) : -1;
  }

  /**
   * A number after a plus sign: {@code (?<![\w+])\+\d(?:GAP\d){6,16}EXTENSION NOT_GLUED}, the
   * extension's word in lower case only.
   */
  static int internationalEnd(ScannedText text, int start) {
    if (isGluedBefore(text, start, "+")
        || text.charAt(start) != '+'
        || !text.isDigitAt(start + 1)) {
      return -1;
    }
    return digitsEnd(text, start + 1, false);
  }

  /**
   * A North American number written with separators: {@code (?<![\w+/.-])(?:(?:\+|00)?1[
   * \t.-]?)?(?:\([ \t]*[2-9]\d{2}[ \t]*\)[ \t]*|[2-9]\d{2}[
   * \t.-]|[2-9]\d{2}/(?=[2-9]\d{2}[.-]\d{4})) \d{3}[ \t.-]\d{4}EXTENSION NOT_GLUED NOT_A_UNIT}.
   */
  static int northAmericanEnd(ScannedText text, int start) {
    if (isGluedBefore(text, start, "+/.-")) {
      return -1;
    }
    for (int areaStart : afterCountryCode(text, start)) {
      if (areaStart < 0) {
        continue;
      }
      int exchangeStart = afterAreaCode(text, areaStart);
      if (exchangeStart >= 0 && isExchangeAndLine(text, exchangeStart)) {
        int end = tailEnd(text, exchangeStart + 8, true, true);
        if (end >= 0) {
          return end;
        }
      }
    }
    return -1;
  }

  /**
   * Where the area code may start, in the order the expression tries: after {@code +1}, {@code 001}
   * or {@code 1}, each with a separator first and then without, and at {@code start}; -1 for none.
   */
  private static int[] afterCountryCode(ScannedText text, int start) {
    int[] starts = {-1, -1, -1, -1, start};
    int one = -1;
    if (text.charAt(start) == '+') {
      one = start + 1;
    } else if (text.charAt(start) == '0' && text.charAt(start + 1) == '0') {
      one = start + 2;
    }
    int slot = 0;
    for (int at : new int[] {one, start}) {
      if (at >= 0 && text.charAt(at) == '1') {
        if (SEPARATORS.indexOf(text.charAt(at + 1)) >= 0) {
          starts[slot] = at + 2;
        }
        starts[slot + 1] = at + 1;
      }
      slot += 2;
    }
    return starts;
  }

  /**
   * Where the exchange starts after an area code at {@code at}, {@code (555) }, {@code 555-} or
   * {@code 555/} before {@code 814-8772}, or -1.
   */
  private static int afterAreaCode(ScannedText text, int at) {
    if (text.charAt(at) == '(') {
      int digits = text.skip(at + 1, BLANKS);
      if (!isAreaCodeAt(text, digits)) {
        return -1;
      }
      int close = text.skip(digits + 3, BLANKS);
      return text.charAt(close) == ')' ? text.skip(close + 1, BLANKS) : -1;
    }
    if (!isAreaCodeAt(text, at)) {
      return -1;
    }
    char separator = text.charAt(at + 3);
    if (SEPARATORS.indexOf(separator) >= 0) {
      return at + 4;
    }
    boolean lineFollows =
        isAreaCodeAt(text, at + 4)
            && (text.charAt(at + 7) == '.' || text.charAt(at + 7) == '-')
            && digitsAt(text, at + 8, 4);
    return separator == '/' && lineFollows ? at + 4 : -1;
  }

  /** Whether {@code [2-9]\d{2}} stands at {@code at}. */
  private static boolean isAreaCodeAt(ScannedText text, int at) {
    return text.charAt(at) >= '2' && text.charAt(at) <= '9' && digitsAt(text, at + 1, 2);
  }

  /** Whether {@code \d{3}[ \t.-]\d{4}} stands at {@code at}. */
  private static boolean isExchangeAndLine(ScannedText text, int at) {
    char separator = text.charAt(at + 3);
    return digitsAt(text, at, 3) && SEPARATORS.indexOf(separator) >= 0 && digitsAt(text, at + 4, 4);
  }

  private static boolean digitsAt(ScannedText text, int at, int count) {
    for (int i = at; i < at + count; i++) {
      if (!text.isDigitAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The end of {@code (?:GAP\d){6,16}EXTENSION NOT_GLUED} after the digit at {@code firstDigit}:
   * the digits taken greedily, then given back one at a time until what follows fits.
   */
  private static int digitsEnd(ScannedText text, int firstDigit, boolean ignoreCase) {
    int end = firstDigit + 1;
    int more = 0;
    while (more < MAX_MORE_DIGITS && text.isDigitAt(end + gapLength(text, end))) {
      end += gapLength(text, end) + 1;
      more++;
    }
    for (; more >= MIN_MORE_DIGITS; more--) {
      int tail = tailEnd(text, end, ignoreCase, false);
      if (tail >= 0) {
        return tail;
      }
      end = previousDigitEnd(text, end);
    }
    return -1;
  }

  /** How many characters of a gap start at {@code at}: at most two. */
  private static int gapLength(ScannedText text, int at) {
    int length = 0;
    while (length < 2 && isGap(text, at + length)) {
      length++;
    }
    return length;
  }

  /**
   * Whether the character at {@code at} may stand in a gap: one of {@code " \t()-"}, or a full stop
   * before something other than a blank.
   */
  static boolean isGap(ScannedText text, int at) {
    char c = text.charAt(at);
    if (c == '.') {
      char after = text.charAt(at + 1);
      return after != ' ' && after != '\t' && after != '\n';
    }
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '-';
  }

  /** Where the run ends with one digit less: after the digit before the one that ends it. */
  private static int previousDigitEnd(ScannedText text, int end) {
    int at = end - 2;
    while (!text.isDigitAt(at)) {
      at--;
    }
    return at + 1;
  }

  /**
   * The end of {@code EXTENSION NOT_GLUED} (and {@code NOT_A_UNIT} if {@code notAUnit}) after a
   * number ending at {@code end}, or -1: an extension if one fits, else none.
   */
  private static int tailEnd(ScannedText text, int end, boolean ignoreCase, boolean notAUnit) {
    int wordStart = text.skip(end, BLANKS);
    for (String word : EXTENSION_WORDS) {
      boolean found =
          ignoreCase
              ? text.hasAtIgnoringCase(wordStart, word)
              : text.text().startsWith(word, wordStart);
      if (found) {
        int digitsStart = text.skip(wordStart + word.length(), BLANKS);
        int digitsEnd = digitsStart;
        while (digitsEnd - digitsStart < MAX_EXTENSION_DIGITS && text.isDigitAt(digitsEnd)) {
          digitsEnd++;
        }
        if (digitsEnd > digitsStart && endsFree(text, digitsEnd, notAUnit)) {
          return digitsEnd;
        }
      }
    }
    return endsFree(text, end, notAUnit) ? end : -1;
  }

  private static boolean endsFree(ScannedText text, int at, boolean notAUnit) {
    char c = text.charAt(at);
    boolean glued = ScannedText.isWordChar(c) || "-./".indexOf(c) >= 0 && text.isDigitAt(at + 1);
    return !glued && !(notAUnit && UnitWords.follows(text, at, UnitWords.AMOUNTS));
  }

  /** Whether a word character or one of {@code others} stands before {@code start}. */
  private static boolean isGluedBefore(ScannedText text, int start, String others) {
    char before = text.charAt(start - 1);
    return ScannedText.isWordChar(before) || others.indexOf(before) >= 0;
  }
}
