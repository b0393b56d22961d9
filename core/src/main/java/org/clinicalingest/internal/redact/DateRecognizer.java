package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Dates: every element of a date but a bare year, which Safe Harbor allows.
 *
 * <p>Design: one pattern per written form, each checked for a real month and day.
 *
 * <ul>
 *   <li>Numeric day, month and year: {@code 03/12/2019}, {@code 3/12/19}, {@code 3-12-19}, {@code
 *       12.03.2019} (dots only with a four-digit year, so versions and decimals stay); either
 *       month-first or day-first must make a date.
 *   <li>Year first: {@code 2019-03-12}, {@code 2019/3/12}, with an ISO time when one follows.
 *   <li>Month names, full or abbreviated, any case: {@code 12-Mar-2019}, {@code 12 March 2019},
 *       {@code 12th of March}, {@code March 12, 2019}, {@code Mar 12th}, {@code March 2019}.
 *       Without a year, a month written in lower case must be a full name other than {@code may}
 *       and {@code march}, so {@code may 5} and {@code dec 2} (decrease) are not dates, unless a
 *       word that introduces a date comes just before ({@code dob mar 2}, {@code transcribed may
 *       19}) or the day has an ordinal suffix ({@code 3rd of march}).
 *   <li>Month and year in numbers: {@code 03/2019}, {@code 2019-03}.
 *   <li>A birth date in eight digits after {@code DOB} or {@code born}: {@code DOB 19500101}.
 *   <li>Month and day alone ({@code 3/12}) only after a word that introduces a date ({@code on},
 *       {@code since}, {@code DOS}, {@code seen}, {@code born}, {@code given}, {@code resulted},
 *       {@code transcribed}, {@code follow up}, {@code appointment}, {@code ends}, {@code by}...).
 *       What reads as a simple fraction ({@code 1/2}, {@code 3/4}) counts only after a word that
 *       always means a date ({@code DOB}, {@code admitted}, {@code signed}...) or when a
 *       preposition or the end of the clause follows ({@code on 1/4 at 12:10}, not {@code on 1/2
 *       tab}); after {@code by}, a score ({@code by 3/10}, {@code 4/5}) is not a date.
 * </ul>
 *
 * Blood pressures ({@code 120/80}), codes ({@code 8480-6}), times and lab values fail the month and
 * day checks or the shapes above. A bare year, a weekday or a month alone is not matched. Each
 * pattern is tried only at the numbers or month names where it can start ({@link ScannedText}). The
 * month-first forms, the commonest in notes, are read by hand from the month word on ({@link
 * #monthYearEnd}, {@link #dayAfterMonthEnd}), exactly as their expressions would match them.
 */
final class DateRecognizer implements Recognizer {

  static final String MONTH =
      "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\\.?";
  static final String DAY = "(?<day>0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?(?![\\w])";
  static final String YEAR = "(?<year>(?:19|20)\\d{2})(?![\\w]|[.,]\\d)";
  private static final String TIME =
      "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:[ ]?(?:Z|[+-]\\d{2}:?\\d{2}|[AaPp]\\.?[Mm]\\.?))?)?";

  private static final Pattern YEAR_FIRST =
      Pattern.compile(
          "(?=[12])(?<![\\w/.:-])(?:19|20)\\d{2}([-/.])(0?[1-9]|1[0-2])\\1(0?[1-9]|[12]\\d|3[01])"
              + TIME
              + "(?![\\w]|[-/.:]\\d)");

  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?i)(?=\\d)(?<![\\w.,/-])"
              + DAY.replace("(?![\\w])", "")
              + "[ \\t-]*(?:of[ \\t]+)?"
              + MONTH
              + "(?:(?:[ \\t,.-]+|(?<=[a-z]))"
              + YEAR
              + "|-'?(?<shortyear>\\d{2})(?!\\w)|[ \\t]*'(?<apyear>\\d{2})(?!\\w))?");

  private static final Pattern NUMERIC_MONTH_YEAR =
      Pattern.compile(
          "(?=\\d)(?<![\\w/.:-])(?:(?:0?[1-9]|1[0-2])/(?:19|20)\\d{2}|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2]))"
              + "(?![\\w/:]|[.-]\\d)");

  private static final Pattern COMPACT_BIRTH_DATE =
      Pattern.compile(
          "(?i)\\b(?:dob|d\\.o\\.b\\.?|date[ \\t]+of[ \\t]+birth|birth[ \\t]*date|born)[ \\t:#=]*"
              + "((?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))(?!\\d)");

  /** Words after which a month and day are a date: {@code seen on 3/12}, {@code DOB mar 2}. */
  private static final String INTRODUCER =
      "(?:(?<dateword>dated?|dos|dob|born|admitted|admission|adm|discharged?|transcribed"
          + "|resulted|signed|appointment|appt|effective|expires?|expired)"
          + "|on|since|from|until|till|thru|through|seen|visit|starting|started|began|given"
          + "|procedure|service|today|follow[ \\t-]?up|f/u|ends?|ended|due|returns?|returned"
          + "|(?<by>by))";

  private static final Pattern INTRODUCED_MONTH_DAY =
      Pattern.compile(
          "(?i)\\b"
              + INTRODUCER
              + "[ \\t:,]+(?<date>(?<month>0?[1-9]|1[0-2])/(?<day>0?[1-9]|[12]\\d|3[01]))"
              + "(?![\\w/]|[.-]\\d)"
              + "(?![ \\t]*(?:-|to)[ \\t]*\\d)");

  /** An introducer right before a position: {@code on }, {@code DOB: }. */
  private static final Pattern INTRODUCED_BEFORE =
      Pattern.compile("(?i)\\b" + INTRODUCER + "[ \\t:,]+$");

  /** What may follow a date that looks like a fraction: the end of a clause, {@code at 10:30}. */
  private static final Pattern AFTER_FRACTION_DATE =
      Pattern.compile(
          "(?i)[ \\t]*(?:$|[.;,)|\\n\\r]|(?:at|with|for|after|before|and|but|or|in|to|when"
              + "|because|from|via|per|on)\\b)");

  /**
   * Denominators of clinical scores ({@code 3/10} pain, {@code 4/5} strength, {@code 2/6} murmur).
   */
  private static final Set<Integer> SCALES = Set.of(3, 4, 5, 6, 10);

  /** Full month names but {@code may} and {@code march}, which are also common words. */
  private static final Set<String> LOWER_CASE_MONTHS_WITHOUT_YEAR =
      Set.of(
          "january",
          "february",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    if (text.numbers() == 0) {
      return;
    }
    if (text.has(Cue.BIRTH) && hasNumberOfLength(text, 8)) {
      int next = 0;
      for (int word = 0; word < text.words(); word++) {
        if (text.wordHas(word, Cue.BIRTH) && text.wordStart(word) >= next) {
          Matcher compact = text.lookingAt(COMPACT_BIRTH_DATE, text.wordStart(word));
          if (compact != null) {
            add(compact.start(1), compact.end(1), spans);
            next = compact.end();
          }
        }
      }
    }
    findNumeric(text, spans);
    if (text.has(Cue.MONTH)) {
      findNamedMonths(text, spans);
    }
  }

  private static void findNumeric(ScannedText text, List<PhiSpan> spans) {
    IntList numeric = new IntList();
    IntList yearFirst = new IntList();
    IntList monthYear = new IntList();
    boolean shortNumberBeforeSeparator = false;
    for (int number = 0; number < text.numbers(); number++) {
      int end = text.numberEnd(number);
      char separator = text.charAt(end);
      if ("/.-".indexOf(separator) < 0 || !text.isDigitAt(end + 1)) {
        continue;
      }
      int start = text.numberStart(number);
      int length = end - start;
      int nextLength = number + 1 < text.numbers() ? text.numberLength(number + 1) : 0;
      boolean free = text.isFreeBefore(start, "/.:-");
      if (length <= 2) {
        shortNumberBeforeSeparator = true;
        if (free && isNumericDate(text, number)) {
          numeric.add(number);
        }
        if (free && separator == '/' && nextLength == 4 && endsFree(text, number + 1)) {
          monthYear.add(start);
        }
      } else if (length == 4) {
        yearFirst.add(start);
        if (free && separator == '-' && nextLength == 2 && endsFree(text, number + 1)) {
          monthYear.add(start);
        }
      }
    }
    int next = 0;
    for (int number : numeric.sorted()) {
      int start = text.numberStart(number);
      int end = text.numberEnd(number + 2);
      if (start < next) {
        continue;
      }
      next = end;
      int first = text.numberValue(number);
      int second = text.numberValue(number + 1);
      boolean dotted = text.charAt(text.numberEnd(number)) == '.';
      if ((isMonthDay(first, second) || isMonthDay(second, first))
          && (!dotted || text.numberLength(number + 2) == 4)) {
        add(start, end, spans);
      }
    }
    addAll(text, YEAR_FIRST, yearFirst.sorted(), spans);
    addAll(text, NUMERIC_MONTH_YEAR, monthYear.sorted(), spans);
    if (!shortNumberBeforeSeparator || !text.has(Cue.DATE_INTRODUCER)) {
      return;
    }
    next = 0;
    for (int word = 0; word < text.words(); word++) {
      if (!text.wordHas(word, Cue.DATE_INTRODUCER)
          || text.wordStart(word) < next
          || !monthDayFollows(text, text.wordEnd(word))) {
        continue;
      }
      Matcher introduced = text.lookingAt(INTRODUCED_MONTH_DAY, text.wordStart(word));
      if (introduced == null) {
        continue;
      }
      next = introduced.end();
      int month = Integer.parseInt(introduced.group("month"));
      int day = Integer.parseInt(introduced.group("day"));
      int end = introduced.end("date");
      boolean fraction = day <= 8 && month < day && introduced.group("dateword") == null;
      boolean score = introduced.group("by") != null && month <= day && SCALES.contains(day);
      if (!score && (!fraction || text.lookingAt(AFTER_FRACTION_DATE, end) != null)) {
        add(introduced.start("date"), end, spans);
      }
    }
  }

  private static void findNamedMonths(ScannedText text, List<PhiSpan> spans) {
    int next = 0;
    for (int word = 0; word < text.words(); word++) {
      if (!text.wordHas(word, Cue.MONTH) || text.wordStart(word) < next) {
        continue;
      }
      int end = monthYearEnd(text, word);
      if (end >= 0) {
        add(text.wordStart(word), end, spans);
        next = end;
      }
    }
    next = 0;
    for (int start : dayBeforeMonthStarts(text)) {
      Matcher dayMonth = start < next ? null : text.lookingAt(DAY_MONTH, start);
      if (dayMonth == null) {
        continue;
      }
      next = dayMonth.end();
      boolean year =
          dayMonth.group("year") != null
              || dayMonth.group("shortyear") != null
              || dayMonth.group("apyear") != null;
      if (acceptsMonth(dayMonth.group("month"), year || hasOrdinal(text, dayMonth))) {
        add(dayMonth.start(), dayMonth.end(), spans);
      }
    }
    next = 0;
    for (int word = 0; word < text.words(); word++) {
      int start = text.wordStart(word);
      if (!text.wordHas(word, Cue.MONTH) || start < next) {
        continue;
      }
      int dayEnd = dayAfterMonthEnd(text, word);
      if (dayEnd < 0) {
        continue;
      }
      int yearEnd = yearAfterDayEnd(text, dayEnd);
      next = Math.max(dayEnd, yearEnd);
      if (acceptsMonth(text.text().substring(start, text.wordEnd(word)), yearEnd >= 0)
          || text.findIn(INTRODUCED_BEFORE, Math.max(0, start - 30), start, true) != null) {
        add(start, next, spans);
      }
    }
  }

  /**
   * Numbers of one or two digits followed by a month, perhaps after an ordinal suffix ({@code
   * 12th}, also glued to the month: {@code 12thMarch}) or {@code of}.
   */
  private static int[] dayBeforeMonthStarts(ScannedText text) {
    IntList starts = new IntList();
    for (int number = 0; number < text.numbers(); number++) {
      if (text.numberLength(number) > 2) {
        continue;
      }
      int end = text.numberEnd(number);
      int word = text.wordFrom(end);
      if (word < text.words() && text.wordStart(word) == end && isOrdinal(text, word)) {
        if (text.wordLength(word) > 2) {
          starts.add(text.numberStart(number));
          continue;
        }
        word++;
      }
      if (word < text.words() && text.wordIs(word, "of")) {
        word++;
      }
      if (word < text.words() && text.wordHas(word, Cue.MONTH)) {
        starts.add(text.numberStart(number));
      }
    }
    return starts.sorted();
  }

  private static boolean isOrdinal(ScannedText text, int word) {
    return text.wordLength(word) >= 2 && startsWithOrdinal(text.text(), text.wordStart(word));
  }

  /** Whether {@code st}, {@code nd}, {@code rd} or {@code th} starts at {@code index}, any case. */
  private static boolean startsWithOrdinal(String text, int index) {
    return text.regionMatches(true, index, "st", 0, 2)
        || text.regionMatches(true, index, "nd", 0, 2)
        || text.regionMatches(true, index, "rd", 0, 2)
        || text.regionMatches(true, index, "th", 0, 2);
  }

  /**
   * Whether nothing that a numeric date ({@link #isNumericDate}) and {@link #NUMERIC_MONTH_YEAR}
   * may not end before ({@code \w/:}, or {@code .-} and a digit) follows the number.
   */
  private static boolean endsFree(ScannedText text, int number) {
    int end = text.numberEnd(number);
    char after = text.charAt(end);
    return !ScannedText.isWordChar(after)
        && after != '/'
        && after != ':'
        && !((after == '.' || after == '-') && text.isDigitAt(end + 1));
  }

  /**
   * Whether a numeric date ({@code 3/12/2019}, {@code 12.03.19}) starts at the number, which has at
   * most two digits and a separator after it and is free before, where the pattern {@code
   * (?<![\w/.:-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/:]|[.-]\d)} followed by none of the
   * {@link UnitWords#DOSES} would match: a number of at most two digits, the same separator, and
   * one of two or four digits that ends the date, with no dose after it.
   */
  static boolean isNumericDate(ScannedText text, int number) {
    if (number + 2 >= text.numbers()) {
      return false;
    }
    char separator = text.charAt(text.numberEnd(number));
    int second = number + 1;
    int third = number + 2;
    int yearLength = text.numberLength(third);
    return text.numberLength(second) <= 2
        && text.joinedToNext(second, separator)
        && (yearLength == 2 || yearLength == 4)
        && endsFree(text, third)
        && !UnitWords.follows(text, text.numberEnd(third), UnitWords.DOSES);
  }

  /**
   * Whether a month and day in numbers ({@code 3/12}, but not the start of {@code 3/12/2019})
   * follow {@code position} after blanks, colons or commas, perhaps after the {@code up} of {@code
   * follow up} or the {@code /u} of {@code f/u}, as {@link #INTRODUCED_MONTH_DAY} needs: two
   * numbers of at most two digits with a slash between them.
   */
  private static boolean monthDayFollows(ScannedText text, int position) {
    String value = text.text();
    int at = position;
    if (text.charAt(at) == '-' || text.charAt(at) == ' ' || text.charAt(at) == '\t') {
      at++;
    }
    if (value.regionMatches(true, at, "up", 0, 2)) {
      at += 2;
    } else if (value.regionMatches(true, position, "/u", 0, 2)) {
      at = position + 2;
    }
    int month = text.numberAt(text.skip(at, " \t:,"));
    return month >= 0
        && text.numberLength(month) <= 2
        && text.joinedToNext(month, '/')
        && text.numberLength(month + 1) <= 2
        && text.charAt(text.numberEnd(month + 1)) != '/';
  }

  /**
   * Where a month and year ({@code March 2019}, {@code Mar., 2019}, {@code march of 2019}) starting
   * at the month word end, -1 if none starts there: the month on its own (no word character before
   * it), an optional full stop, blanks and commas, an optional {@code of} and blanks, and a year.
   * Matched by hand, as {@code (?<![\w])} {@link #MONTH} {@code [ \t,]*(?:of[ \t]+)?} {@link #YEAR}
   * matches, case-insensitively.
   */
  static int monthYearEnd(ScannedText text, int word) {
    if (!monthStandsAlone(text, word)) {
      return -1;
    }
    int at = text.skip(text.afterFullStop(text.wordEnd(word)), " \t,");
    if (text.hasAtIgnoringCase(at, "of")) {
      int blanks = text.skip(at + 2, " \t");
      at = blanks > at + 2 ? blanks : at;
    }
    return yearEnd(text, at);
  }

  /**
   * Where the day of a month and day ({@code March 12}, {@code mar. 3rd}) starting at the month
   * word ends, -1 if none starts there: the month on its own, an optional full stop, blanks and a
   * day ({@link #dayEnd}). A year may follow the day ({@link #yearAfterDayEnd}). Matched by hand,
   * as {@code (?<![\w])} {@link #MONTH} {@code [ \t]*} {@link #DAY} {@code (?:,?[ \t]*} {@link
   * #YEAR} {@code )?} matches, case-insensitively.
   */
  static int dayAfterMonthEnd(ScannedText text, int word) {
    if (!monthStandsAlone(text, word)) {
      return -1;
    }
    return dayEnd(text, text.skip(text.afterFullStop(text.wordEnd(word)), " \t"));
  }

  /** Whether no word character ({@code \w}) comes right before the month word. */
  private static boolean monthStandsAlone(ScannedText text, int word) {
    return !ScannedText.isWordChar(text.charAt(text.wordStart(word) - 1));
  }

  /**
   * Where {@link #DAY} ends if it matches at {@code at}, -1 if it does not: a number of one or two
   * digits from 1 to 31, perhaps an ordinal suffix in any case, and no word character after them.
   */
  private static int dayEnd(ScannedText text, int at) {
    int number = text.numberAt(at);
    if (number < 0 || text.numberLength(number) > 2) {
      return -1;
    }
    int day = text.numberValue(number);
    int end = text.numberEnd(number);
    if (day < 1 || day > 31) {
      return -1;
    }
    if (ordinalAt(text, end) && !ScannedText.isWordChar(text.charAt(end + 2))) {
      return end + 2;
    }
    return ScannedText.isWordChar(text.charAt(end)) ? -1 : end;
  }

  /**
   * Where {@link #YEAR} ends if it matches at {@code at}, -1 if it does not: four digits starting
   * with 19 or 20, not followed by a word character, nor by a full stop or comma and a digit.
   */
  private static int yearEnd(ScannedText text, int at) {
    int number = text.numberAt(at);
    if (number < 0 || text.numberLength(number) != 4) {
      return -1;
    }
    int century = text.numberValue(number) / 100;
    int end = text.numberEnd(number);
    char after = text.charAt(end);
    boolean free =
        !ScannedText.isWordChar(after)
            && !((after == '.' || after == ',') && text.isDigitAt(end + 1));
    return (century == 19 || century == 20) && free ? end : -1;
  }

  /**
   * Whether an ordinal suffix ({@code st}, {@code nd}, {@code rd}, {@code th}) in any ASCII case
   * starts at {@code position}.
   */
  private static boolean ordinalAt(ScannedText text, int position) {
    return text.hasAtIgnoringCase(position, "st")
        || text.hasAtIgnoringCase(position, "nd")
        || text.hasAtIgnoringCase(position, "rd")
        || text.hasAtIgnoringCase(position, "th");
  }

  /**
   * Where a year after the day of a month and day ending at {@code dayEnd} ends, after an optional
   * comma and blanks ({@code March 12, 2019}); -1 if none follows.
   */
  static int yearAfterDayEnd(ScannedText text, int dayEnd) {
    int at = text.charAt(dayEnd) == ',' ? dayEnd + 1 : dayEnd;
    return yearEnd(text, text.skip(at, " \t"));
  }

  private static boolean hasNumberOfLength(ScannedText text, int length) {
    for (int number = 0; number < text.numbers(); number++) {
      if (text.numberLength(number) == length) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMonthDay(int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  /** Whether the day has an ordinal suffix, as in {@code 3rd of march} or {@code 12th may}. */
  private static boolean hasOrdinal(ScannedText text, Matcher dayMonth) {
    int end = dayMonth.end("day");
    return end + 2 <= dayMonth.start("month") && startsWithOrdinal(text.text(), end);
  }

  private static boolean acceptsMonth(String month, boolean withYear) {
    if (withYear || !TextScan.isLowerCase(month)) {
      return true;
    }
    return LOWER_CASE_MONTHS_WITHOUT_YEAR.contains(month);
  }

  private static void addAll(ScannedText text, Pattern pattern, int[] starts, List<PhiSpan> spans) {
    int next = 0;
    for (int start : starts) {
      Matcher matcher = start < next ? null : text.lookingAt(pattern, start);
      if (matcher != null) {
        add(matcher.start(), matcher.end(), spans);
        next = matcher.end();
      }
    }
  }

  private static void add(int start, int end, List<PhiSpan> spans) {
    spans.add(new PhiSpan(start, end, PhiType.DATE));
  }
}
