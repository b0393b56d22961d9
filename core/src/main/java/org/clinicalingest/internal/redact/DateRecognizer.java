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
 *       and {@code march}, so {@code may 5} and {@code dec 2} (decrease) are not dates.
 *   <li>Month and year in numbers: {@code 03/2019}, {@code 2019-03}.
 *   <li>A birth date in eight digits after {@code DOB} or {@code born}: {@code DOB 19500101}.
 *   <li>Month and day alone ({@code 3/12}) only after a word that introduces a date ({@code on},
 *       {@code since}, {@code DOS}, {@code seen}...), and never a simple fraction such as {@code
 *       1/2} or a ratio written before a dose.
 * </ul>
 *
 * Blood pressures ({@code 120/80}), codes ({@code 8480-6}), times and lab values fail the month and
 * day checks or the shapes above. A bare year, a weekday or a month alone is not matched.
 */
final class DateRecognizer implements Recognizer {

  private static final String[] MONTH_STEMS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private static final String MONTH =
      "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\\.?";
  private static final String DAY = "(?<day>0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?(?![\\w])";
  private static final String YEAR = "(?<year>(?:19|20)\\d{2})(?![\\w]|[.,]\\d)";
  private static final String TIME =
      "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:[ ]?(?:Z|[+-]\\d{2}:?\\d{2}|[AaPp]\\.?[Mm]\\.?))?)?";

  private static final String NOT_A_DOSE =
      "(?![ \\t]*(?:mg|mcg|g|ml|units?|%|mmhg|kg|lbs?|cm|mm|tabs?|tablets?|caps?)\\b)";

  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?=\\d)(?<![\\w/.:-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/:]|[.-]\\d)"
              + NOT_A_DOSE,
          Pattern.CASE_INSENSITIVE);

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

  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?i)(?=[adfjmnos])(?<![\\w])" + MONTH + "[ \\t]*" + DAY + "(?:,?[ \\t]*" + YEAR + ")?");

  private static final Pattern MONTH_YEAR =
      Pattern.compile("(?i)(?=[adfjmnos])(?<![\\w])" + MONTH + "[ \\t,]*(?:of[ \\t]+)?" + YEAR);

  private static final Pattern NUMERIC_MONTH_YEAR =
      Pattern.compile(
          "(?=\\d)(?<![\\w/.:-])(?:(?:0?[1-9]|1[0-2])/(?:19|20)\\d{2}|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2]))"
              + "(?![\\w/:]|[.-]\\d)");

  private static final Pattern COMPACT_BIRTH_DATE =
      Pattern.compile(
          "(?i)\\b(?:dob|d\\.o\\.b\\.?|date[ \\t]+of[ \\t]+birth|birth[ \\t]*date|born)[ \\t:#=]*"
              + "((?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))(?!\\d)");

  private static final Pattern INTRODUCED_MONTH_DAY =
      Pattern.compile(
          "(?i)(?=[osfutdavbe])\\b(?:on|since|from|until|till|thru|through|dated?|dos|dob|admitted|admission"
              + "|discharged?|seen|visit|starting|started|began|effective)[ \\t:]+"
              + "((0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01]))(?![\\w/]|[.-]\\d)"
              + "(?![ \\t]*(?:-|to)[ \\t]*\\d)");

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
  public void find(String text, List<PhiSpan> spans) {
    if (!TextScan.hasDigit(text)) {
      return;
    }
    if (TextScan.startsAnyWord(
        TextScan.lower(text), "dob", "d.o.b", "date of birth", "birth", "born")) {
      Matcher compact = COMPACT_BIRTH_DATE.matcher(text);
      while (compact.find()) {
        add(compact.start(1), compact.end(1), spans);
      }
    }
    if (TextScan.separatedDigits(text, "/.-") > 0) {
      findNumeric(text, spans);
    }
    if (TextScan.startsAnyWord(TextScan.lower(text), MONTH_STEMS)) {
      findNamedMonths(text, spans);
    }
  }

  private static void findNumeric(String text, List<PhiSpan> spans) {
    Matcher numeric = NUMERIC.matcher(text);
    while (numeric.find()) {
      int first = Integer.parseInt(numeric.group(1));
      int second = Integer.parseInt(numeric.group(3));
      boolean dotted = numeric.group(2).equals(".");
      if ((isMonthDay(first, second) || isMonthDay(second, first))
          && (!dotted || numeric.group(4).length() == 4)) {
        add(numeric.start(), numeric.end(), spans);
      }
    }
    addAll(YEAR_FIRST.matcher(text), spans);
    addAll(NUMERIC_MONTH_YEAR.matcher(text), spans);
    Matcher introduced = INTRODUCED_MONTH_DAY.matcher(text);
    while (introduced.find()) {
      int month = Integer.parseInt(introduced.group(2));
      int day = Integer.parseInt(introduced.group(3));
      if (!(day <= 8 && month < day)) {
        add(introduced.start(1), introduced.end(1), spans);
      }
    }
  }

  private static void findNamedMonths(String text, List<PhiSpan> spans) {
    addAll(MONTH_YEAR.matcher(text), spans);
    Matcher dayMonth = DAY_MONTH.matcher(text);
    while (dayMonth.find()) {
      boolean year =
          dayMonth.group("year") != null
              || dayMonth.group("shortyear") != null
              || dayMonth.group("apyear") != null;
      if (acceptsMonth(dayMonth.group("month"), year)) {
        add(dayMonth.start(), dayMonth.end(), spans);
      }
    }
    Matcher monthDay = MONTH_DAY.matcher(text);
    while (monthDay.find()) {
      if (acceptsMonth(monthDay.group("month"), monthDay.group("year") != null)) {
        add(monthDay.start(), monthDay.end(), spans);
      }
    }
  }

  private static boolean isMonthDay(int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  private static boolean acceptsMonth(String month, boolean withYear) {
    if (withYear || !TextScan.isLowerCase(month)) {
      return true;
    }
    return LOWER_CASE_MONTHS_WITHOUT_YEAR.contains(month);
  }

  private static void addAll(Matcher matcher, List<PhiSpan> spans) {
    while (matcher.find()) {
      add(matcher.start(), matcher.end(), spans);
    }
  }

  private static void add(int start, int end, List<PhiSpan> spans) {
    spans.add(new PhiSpan(start, end, PhiType.DATE));
  }
}
