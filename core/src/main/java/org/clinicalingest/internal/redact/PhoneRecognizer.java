package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Telephone and fax numbers.
 *
 * <p>Design: three shapes, from most to least distinctive. A North American number written with
 * separators ({@code (555) 814-8772}, {@code 555.814.8772}, {@code +1 555 814 8772 x12}) stands
 * alone: the area code must start with 2–9, and the 3-3-4 grouping rules out dates, codes and lab
 * values. An international number must start with {@code +}. Any other run of 7 to 15 digits (local
 * {@code 814-8772}, unformatted {@code 5558148772}, foreign {@code 0489 25 37 29}) counts only
 * right after a keyword: {@code phone}, {@code tel}, {@code cell}, {@code fax}, {@code office:}...,
 * or a verb of reaching someone followed by {@code at}, {@code on} or {@code to} ({@code call me
 * at}, {@code reached his wife at}, {@code text to}); a line break may follow the keyword, and a
 * date ({@code called on 2019-03-12}) is not taken. A number is a fax when the nearest keyword
 * before it on its line is {@code fax} or {@code facsimile}, or when {@code fax} follows it within
 * a few characters. Separators never span a line break, so numbers in a column are not glued
 * together.
 */
final class PhoneRecognizer implements Recognizer {

  private static final String EXTENSION = "(?:[ \\t]*(?:x|ext\\.?|extension)[ \\t]*\\d{1,6})?";

  private static final Pattern NORTH_AMERICAN =
      Pattern.compile(
          "(?=[+(\\d])(?<![\\w+/.-])(?:(?:\\+|00)?1[ \\t.-]?)?"
              + "(?:\\([ \\t]*[2-9]\\d{2}[ \\t]*\\)[ \\t]*|[2-9]\\d{2}[ \\t.-])"
              + "\\d{3}[ \\t.-]\\d{4}"
              + EXTENSION
              + "(?![\\w-]|[./]\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern INTERNATIONAL =
      Pattern.compile(
          "(?=\\+)(?<![\\w+])\\+\\d(?:[ \\t.()-]{0,2}\\d){6,16}" + EXTENSION + "(?![\\w-])");

  private static final String KEYWORD =
      "tele?phone|phone|tel|ph(?=[ \\t]*[:#.])|cell(?:[ \\t]*phone)?|mobile|mob|pager|beeper|fax"
          + "|facsimile|whatsapp|sms"
          + "|(?:desk|office|home|work|direct|landline|main)(?=[ \\t]*(?:phone|tel|number|line|#|:))"
          + "|contact[ \\t]+(?:number|no\\.?|#)"
          + "|(?:call|phon|reach|contact|text|messag|answer|dial|pag)[a-z]*(?:[ \\t]+[a-z']+){0,2}?"
          + "[ \\t]+(?:at|on|to)";

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?=[+(\\d])(?<![\\w+(.-])\\+?\\(?\\d(?:[ \\t.()-]{0,2}\\d){6,16}"
              + EXTENSION
              + "(?![\\w-]|[./]\\d)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern KEYWORD_JUST_BEFORE =
      Pattern.compile(
          "(?i)\\b(?:"
              + KEYWORD
              + ")\\b[ \\t]*(?:(?:number|no\\.?|num|#|line)[ \\t]*)?(?:is[ \\t]+)?[:#=.\\-]?"
              + "[ \\t]*\\n?[ \\t]*$");

  private static final Pattern KEYWORD_BEFORE =
      Pattern.compile(
          "(?i)\\b(fax|facsimile|tele?phone|phone|ph|tel|cell|mobile|pager|call|desk|office|home|work)\\b");

  private static final Pattern DATE_SHAPED =
      Pattern.compile(
          "\\d{4}([-. ])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([-. ])\\d{1,2}\\2(?:\\d{2}|\\d{4})");

  private static final Pattern FAX_AFTER = Pattern.compile("(?i)^[ \\t]*[(\\[]?[ \\t]*fax\\b");

  private static final int LOOK_BACK = 40;

  @Override
  public void find(String text, List<PhiSpan> spans) {
    int run = TextScan.longestDigitRun(text, " \t.()+-");
    if (run < 7) {
      return;
    }
    Matcher northAmerican = NORTH_AMERICAN.matcher(text);
    while (run >= 10 && northAmerican.find()) {
      add(text, northAmerican.start(), northAmerican.end(), spans);
    }
    Matcher international = INTERNATIONAL.matcher(text);
    while (text.indexOf('+') >= 0 && international.find()) {
      int digits = TextScan.digits(international.group()).length();
      if (digits >= 8 && digits <= 15) {
        add(text, international.start(), international.end(), spans);
      }
    }
    Matcher candidate = CANDIDATE.matcher(text);
    while (candidate.find()) {
      String number = candidate.group();
      int digits = TextScan.digits(stripExtension(number)).length();
      if (digits >= 7
          && digits <= 15
          && !DATE_SHAPED.matcher(number).matches()
          && KEYWORD_JUST_BEFORE
              .matcher(text)
              .region(Math.max(0, candidate.start() - LOOK_BACK), candidate.start())
              .useTransparentBounds(true)
              .find()) {
        add(text, candidate.start(), candidate.end(), spans);
      }
    }
  }

  private static String stripExtension(String number) {
    String lower = number.toLowerCase(Locale.ROOT);
    int extension = lower.indexOf('x');
    return extension < 0 ? number : number.substring(0, extension);
  }

  private static void add(String text, int start, int end, List<PhiSpan> spans) {
    spans.add(new PhiSpan(start, end, isFax(text, start, end) ? PhiType.FAX : PhiType.PHONE));
  }

  /** Whether the nearest keyword before the number on its line, or a word just after it, is fax. */
  static boolean isFax(String text, int start, int end) {
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int from = Math.max(lineStart, start - LOOK_BACK);
    Matcher before = KEYWORD_BEFORE.matcher(text).region(from, start);
    String nearest = null;
    while (before.find()) {
      nearest = before.group(1);
    }
    if (nearest != null) {
      return nearest.toLowerCase(Locale.ROOT).startsWith("fa");
    }
    return FAX_AFTER.matcher(text).region(end, Math.min(text.length(), end + 12)).find();
  }
}
