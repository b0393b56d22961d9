package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Telephone and fax numbers.
 *
 * <p>Design: three shapes, from most to least distinctive. A North American number written with
 * separators ({@code (555) 814-8772}, {@code 555.814.8772}, {@code 555/814-8772}, {@code +1 555 814
 * 8772 x12}) stands alone: the area code must start with 2–9, and the 3-3-4 grouping rules out
 * dates, codes and lab values. An international number must start with {@code +}. Any other run of
 * 7 to 15 digits (local {@code 814-8772}, unformatted {@code 5558148772}, foreign {@code 0489 25 37
 * 29}) counts only in context:
 *
 * <ul>
 *   <li>right after a keyword: {@code phone}, {@code tel}, {@code cell}, {@code fax}, {@code
 *       office:}..., or a verb of reaching someone followed by {@code at}, {@code on} or {@code to}
 *       ({@code call me at}, {@code reached his wife at}, {@code text to}); a line break may follow
 *       the keyword, and a date ({@code called on 2019-03-12}) is not taken;
 *   <li>right before a word naming the line: {@code 416 60 039 office}, {@code 3660170548-Fax};
 *   <li>when it has the shape of a phone number (ten North American digits, seven written 3-4, or
 *       eight to thirteen in groups after a trunk {@code 0} or {@code +}) and a word about reaching
 *       or a relative comes earlier in its clause: {@code Contact her grandson Dylan at
 *       3604946761}, {@code call 9076683864 sooner}, {@code alternate 4233905146}, {@code Her
 *       mother Susan (8086350436)}; not right after an identifier or code keyword ({@code MRN},
 *       {@code NDC}, {@code lot}), and never a ZIP+4 code.
 * </ul>
 *
 * A number is a fax when the nearest keyword before it on its line is {@code fax}, {@code faxed} or
 * {@code facsimile}, or when {@code fax} follows it within a few characters. Separators never span
 * a line break, and a full stop followed by a blank never joins two groups, so numbers in a column,
 * or a phone number ending a sentence and a time starting the next, are not glued together. The
 * shapes are tried only at the digit groups (and the {@code (} or {@code +} before them) that start
 * a chain of enough digits, and matched by hand ({@link PhoneShapes}).
 */
final class PhoneRecognizer implements Recognizer {

  private static final String KEYWORD =
      "tele?phone|phone|tel|ph(?=[ \\t]*[:#.])|cell(?:[ \\t]*phone)?|mobile|mob|pager|beeper|fax"
          + "|facsimile|whatsapp|sms"
          + "|(?:desk|office|home|work|direct|landline|main)(?=[ \\t]*(?:phone|tel|number|line|#|:))"
          + "|contact[ \\t]+(?:number|no\\.?|#)"
          + "|(?:call|phon|reach|contact|text|messag|answer|dial|pag)[a-z]*(?:[ \\t]+[a-z']+){0,2}?"
          + "[ \\t]+(?:at|on|to)";

  static final Pattern KEYWORD_JUST_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:"
              + KEYWORD
              + ")\\b[ \\t]*(?:(?:number|no\\.?|num|#|line)[ \\t]*)?(?:is[ \\t]+)?[:#=.\\-]?"
              + "[ \\t]*\\n?[ \\t]*$");

  private static final Pattern DATE_SHAPED =
      Pattern.compile(
          "\\d{4}([-. ])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([-. ])\\d{1,2}\\2(?:\\d{2}|\\d{4})");

  private static final Pattern ZIP_PLUS_FOUR = Pattern.compile("\\d{5}-\\d{4}");

  /** Groups of digits with single blanks or dashes between them, as phones abroad are written. */
  private static final Pattern INTERNATIONAL_GROUPS = Pattern.compile("\\+?\\d+(?:[ -]\\d+)+");

  static final int LOOK_BACK = 40;

  private static final String SEPARATORS = " \t.()+-";

  private static final int CONTACT_WORDS = 10;

  private static final int CLAUSE_LOOK_BACK = 100;

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    int run = text.longestDigitChain(SEPARATORS + "/");
    if (run < 7) {
      return;
    }
    int found = spans.size();
    int[] chainDigits = chainDigits(text, PhoneRecognizer::joinsLoosely);
    int[] tightChainDigits = chainDigits(text, PhoneRecognizer::joinsTightly);
    IntList northAmerican = new IntList();
    IntList international = new IntList();
    IntList candidates = new IntList();
    for (int number = 0; number < text.numbers(); number++) {
      if (chainDigits[number] < 7) {
        continue;
      }
      int[] starts = startsOf(text, text.numberStart(number));
      for (int at : starts) {
        if (at < 0) {
          continue;
        }
        if (text.isFreeBefore(at, "+(.-") && sevenDigitsFrom(text, at, tightChainDigits)) {
          candidates.add(at);
        }
        if (chainDigits[number] >= 10 && text.isFreeBefore(at, "+/.-")) {
          northAmerican.add(at);
        }
        if (text.charAt(at) == '+') {
          international.add(at);
        }
      }
    }
    if (run >= 10) {
      int next = 0;
      for (int start : northAmerican.sorted()) {
        int end = start < next ? -1 : PhoneShapes.northAmericanEnd(text, start);
        if (end >= 0) {
          add(text, start, end, spans);
          next = end;
        }
      }
    }
    int next = 0;
    for (int start : international.sorted()) {
      int end = start < next ? -1 : PhoneShapes.internationalEnd(text, start);
      if (end < 0) {
        continue;
      }
      next = end;
      int digits = TextScan.digits(text.text().substring(start, end)).length();
      if (digits >= 8 && digits <= 15) {
        add(text, start, end, spans);
      }
    }
    next = 0;
    for (int start : candidates.sorted()) {
      int end = start < next ? -1 : PhoneShapes.runEnd(text, start);
      if (end < 0) {
        continue;
      }
      next = end;
      String number = text.text().substring(start, end);
      if (number.indexOf('(') >= 0 && number.indexOf(')') < 0) {
        int open = number.indexOf('(') + 1;
        number = number.substring(open);
        start += open;
      }
      if (alreadyFound(spans, found, start, end)) {
        continue;
      }
      String digits = TextScan.digits(stripExtension(number));
      if (digits.length() < 7 || digits.length() > 15 || text.matches(DATE_SHAPED, start, end)) {
        continue;
      }
      if (keywordJustBefore(text, start)
          || keywordJustAfter(text, end)
          || isPhoneLike(number, digits) && inContactClause(text, start)) {
        add(text, start, end, spans);
      }
    }
  }

  /**
   * Whether a phone keyword ends right before {@code start}, beginning within {@link #LOOK_BACK}
   * characters of it. The pattern is tried at each word there that can start a keyword (every
   * keyword begins a word of ASCII letters that has the cue), not at every position between.
   */
  static boolean keywordJustBefore(ScannedText text, int start) {
    int from = Math.max(0, start - LOOK_BACK);
    for (int word = text.wordFrom(start) - 1; word >= 0 && text.wordStart(word) >= from; word--) {
      if (text.wordHas(word, Cue.PHONE_KEYWORD)
          && text.lookingAtUpTo(KEYWORD_JUST_BEFORE, text.wordStart(word), start) != null) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the spans added since {@code from} is exactly {@code start..end}. */
  private static boolean alreadyFound(List<PhiSpan> spans, int from, int start, int end) {
    for (int i = from; i < spans.size(); i++) {
      if (spans.get(i).start() == start && spans.get(i).end() == end) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a number has the shape of a phone number: North American, ten digits (after a country
   * code {@code 1}) with area code and exchange starting with 2–9, or seven written as 3-4; or,
   * with a trunk {@code 0} or a {@code +} first, eight to thirteen digits in groups separated by
   * single blanks or dashes ({@code 024 971 50 30}, {@code 0961-7596216}), but not a ZIP+4 code.
   */
  private static boolean isPhoneLike(String number, String digits) {
    String national =
        digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
    if (national.length() == 10 && national.charAt(0) >= '2' && national.charAt(3) >= '2') {
      return true;
    }
    if (national.length() == 7) {
      return national.charAt(0) >= '2'
          && number.length() > 3
          && !Character.isDigit(number.charAt(3));
    }
    return digits.length() >= 8
        && digits.length() <= 13
        && (number.charAt(0) == '+' || number.charAt(0) == '0')
        && INTERNATIONAL_GROUPS.matcher(number).matches()
        && !ZIP_PLUS_FOUR.matcher(number).matches();
  }

  /**
   * Whether a word naming the line follows the number: {@code 416 60 039 office}, {@code
   * 3660170548-Fax}.
   */
  private static boolean keywordJustAfter(ScannedText text, int end) {
    int word = text.wordFrom(end);
    if (word == text.words() || text.wordStart(word) - end > 3) {
      return false;
    }
    for (int i = end; i < text.wordStart(word); i++) {
      if (" \t-–([".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return (text.wordHas(word, Cue.PHONE_WORD) || text.wordHas(word, Cue.FAX_WORD))
        && !text.wordIs(word, "call")
        && !ScannedText.isLetter(text.charAt(text.wordEnd(word)));
  }

  /**
   * Whether a word about reaching someone ({@link Cue#CONTACT}: {@code call}, {@code contact},
   * {@code voicemail}, {@code alternate}, {@code ph}...) comes before {@code start} in its clause,
   * within a few words ({@code Contact her grandson Dylan at}, {@code left voicemail for his
   * brother Carl Alvarado at}), and no identifier keyword stands right before the number.
   */
  private static boolean inContactClause(ScannedText text, int start) {
    int clauseStart = clauseStart(text, start);
    int last = text.wordFrom(start) - 1;
    if (last >= 0
        && text.wordEnd(last) >= start - 3
        && (text.wordHas(last, Cue.RECORD_NUMBER) || text.wordHas(last, Cue.CODE))
        && !text.wordHas(last, Cue.CONTACT)) {
      return false;
    }
    for (int word = last; word >= 0 && word > last - CONTACT_WORDS; word--) {
      if (text.wordStart(word) < clauseStart) {
        return false;
      }
      if (text.wordHas(word, Cue.CONTACT)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the clause holding {@code position} starts: after a line break, semicolon, question or
   * exclamation mark, or a full stop and blank that do not follow a short abbreviation ({@code
   * Dr.}); at most {@link #CLAUSE_LOOK_BACK} characters back.
   */
  private static int clauseStart(ScannedText text, int position) {
    String value = text.text();
    int limit = Math.max(0, position - CLAUSE_LOOK_BACK);
    for (int i = position - 1; i >= limit; i--) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == ';' || c == '!' || c == '?') {
        return i + 1;
      }
      if (c == '.' && i + 1 < position && Character.isWhitespace(value.charAt(i + 1))) {
        int word = i;
        while (word > 0 && Character.isLetter(value.charAt(word - 1))) {
          word--;
        }
        if (i - word > 3) {
          return i + 1;
        }
      }
    }
    return limit;
  }

  /**
   * For each number, the digits in the chain of numbers that starts with it, each joined to the
   * next where {@code joins} holds for it.
   */
  private static int[] chainDigits(ScannedText text, ScannedText.IndexTest joins) {
    int[] digits = new int[text.numbers()];
    for (int number = text.numbers() - 1; number >= 0; number--) {
      digits[number] = text.numberLength(number);
      if (number + 1 < text.numbers() && joins.test(text, number)) {
        digits[number] += digits[number + 1];
      }
    }
    return digits;
  }

  /**
   * Whether the numbers are joined as the gap of {@link PhoneShapes} joins them: by one or two of
   * {@code " \t()-."}, a full stop not before a blank.
   */
  private static boolean joinsTightly(ScannedText text, int number) {
    int gap = text.numberStart(number + 1) - text.numberEnd(number);
    if (gap > 2) {
      return false;
    }
    for (int i = text.numberEnd(number); i < text.numberStart(number + 1); i++) {
      if (!PhoneShapes.isGap(text, i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether seven digits joined as {@link PhoneShapes#runEnd} joins them can follow a start, after
   * its {@code +} and {@code (}: the run needs them, and most starts are dates and codes.
   */
  private static boolean sevenDigitsFrom(ScannedText text, int start, int[] tightChainDigits) {
    int at = start;
    if (text.charAt(at) == '+') {
      at++;
    }
    if (text.charAt(at) == '(') {
      at++;
    }
    int number = text.numberAt(at);
    return number >= 0 && tightChainDigits[number] >= 7;
  }

  /**
   * Whether the numbers are joined by at most two separators and any blanks, as in {@code (555)
   * 814-8772}.
   */
  private static boolean joinsLoosely(ScannedText text, int number) {
    int separators = 0;
    for (int i = text.numberEnd(number); i < text.numberStart(number + 1); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && (c != '/' && SEPARATORS.indexOf(c) < 0 || ++separators > 2)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a number whose first group of digits starts at {@code start} can start, in order, -1 for
   * none: at a plus sign and a country code before an opening parenthesis, at a plus sign and the
   * parenthesis (perhaps followed by blanks), and at a plus sign and the group itself.
   */
  private static int[] startsOf(ScannedText text, int start) {
    int[] starts = {-1, -1, -1, -1, -1, start - 1, start};
    if (text.charAt(start - 1) != '+') {
      starts[5] = -1;
    }
    int paren = start;
    while (text.charAt(paren - 1) == ' ' || text.charAt(paren - 1) == '\t') {
      paren--;
    }
    if (text.charAt(paren - 1) != '(') {
      return starts;
    }
    paren--;
    starts[3] = text.charAt(paren - 1) == '+' ? paren - 1 : -1;
    starts[4] = paren;
    int before = " \t.-".indexOf(text.charAt(paren - 1)) >= 0 ? paren - 1 : paren;
    int country = before;
    while (country > 0 && before - country < 3 && text.isDigitAt(country - 1)) {
      country--;
    }
    if (country < before) {
      starts[1] = text.charAt(country - 1) == '+' ? country - 1 : -1;
      starts[2] = country;
    }
    return starts;
  }

  private static String stripExtension(String number) {
    String lower = number.toLowerCase(Locale.ROOT);
    int extension = lower.indexOf('x');
    return extension < 0 ? number : number.substring(0, extension);
  }

  private static void add(ScannedText text, int start, int end, List<PhiSpan> spans) {
    spans.add(new PhiSpan(start, end, isFax(text, start, end) ? PhiType.FAX : PhiType.PHONE));
  }

  /** Whether the nearest keyword before the number on its line, or a word just after it, is fax. */
  static boolean isFax(ScannedText text, int start, int end) {
    int lineStart = text.text().lastIndexOf('\n', start - 1) + 1;
    int from = Math.max(lineStart, start - LOOK_BACK);
    for (int word = text.wordFrom(start) - 1; word >= 0 && text.wordStart(word) >= from; word--) {
      if (text.wordEnd(word) <= start && isWholeWord(text, word)) {
        if (text.wordHas(word, Cue.FAX_WORD)) {
          return true;
        }
        if (text.wordHas(word, Cue.PHONE_WORD)) {
          return false;
        }
      }
    }
    int after = text.wordFrom(end);
    return after < text.words()
        && text.wordEnd(after) <= end + 12
        && text.wordIs(after, "fax")
        && isWholeWord(text, after)
        && onlyOpeningBetween(text, end, text.wordStart(after));
  }

  /** Whether no letter or digit touches the word on either side. */
  private static boolean isWholeWord(ScannedText text, int word) {
    return !Character.isLetterOrDigit(text.charAt(text.wordStart(word) - 1))
        && !Character.isLetterOrDigit(text.charAt(text.wordEnd(word)))
        && text.charAt(text.wordStart(word) - 1) != '_'
        && text.charAt(text.wordEnd(word)) != '_';
  }

  /** Whether {@code from..to} holds only blanks, dashes and at most one opening bracket. */
  private static boolean onlyOpeningBetween(ScannedText text, int from, int to) {
    int brackets = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        brackets++;
      } else if (" \t-–".indexOf(c) < 0) {
        return false;
      }
    }
    return brackets <= 1;
  }
}
