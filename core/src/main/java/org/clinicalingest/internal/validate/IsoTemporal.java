package org.clinicalingest.internal.validate;

/**
 * Reads the ISO-8601 dates and date-times of FORMAT.md straight from the text.
 *
 * <p>Design: validators run for every field of every record, so this parser works on the characters
 * with plain arithmetic: no regular expression, no exception for a malformed value and no
 * allocation (a {@code java.time} parse would allocate a parsed object and throw on every bad
 * value). The accepted forms are a date {@code YYYY-MM-DD} (a real calendar date, year 0001-9999)
 * and a date-time {@code YYYY-MM-DDThh:mm[:ss[.fraction]][Z|±hh:mm]} (FHIR dateTime; hours 00-23,
 * seconds 00-59, 1-9 fraction digits, offsets up to ±18:00). A date-time without an offset is read
 * as UTC. Callers check the form with {@link #isDate} or {@link #isDateTime} before asking for a
 * value. Stateless and thread-safe.
 */
final class IsoTemporal {

  static final int DATE_LENGTH = 10;

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long DAYS_0000_TO_1970 = 719_528;
  private static final int MAX_OFFSET_HOURS = 18;

  /** UTC+14:00 (Line Islands), the first time zone to begin each day. */
  private static final long EARLIEST_OFFSET_SECONDS = 14 * 3_600;

  private IsoTemporal() {}

  /** Whether {@code text} is exactly {@code YYYY-MM-DD} naming a real calendar date. */
  static boolean isDate(CharSequence text) {
    return text.length() == DATE_LENGTH && isDatePart(text);
  }

  /** Whether {@code text} is a date or a date-time of the accepted forms. */
  static boolean isDateTime(CharSequence text) {
    int length = text.length();
    if (length < DATE_LENGTH || !isDatePart(text)) {
      return false;
    }
    if (length == DATE_LENGTH) {
      return true;
    }
    if (length < 16
        || text.charAt(10) != 'T'
        || !isBetween(number(text, 11, 2), 0, 23)
        || text.charAt(13) != ':'
        || !isBetween(number(text, 14, 2), 0, 59)) {
      return false;
    }
    int position = 16;
    if (position < length && text.charAt(position) == ':') {
      if (position + 3 > length || !isBetween(number(text, position + 1, 2), 0, 59)) {
        return false;
      }
      position += 3;
      if (position < length && text.charAt(position) == '.') {
        int digits = fractionDigits(text, position + 1);
        if (digits < 1 || digits > 9) {
          return false;
        }
        position += 1 + digits;
      }
    }
    return isOffset(text, position);
  }

  /** Whether a valid value holds a time of day, not only a date. */
  static boolean hasTime(CharSequence text) {
    return text.length() > DATE_LENGTH;
  }

  /** Days from 1970-01-01 to the date written at the start of a valid value. */
  static long epochDay(CharSequence text) {
    return epochDay(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
  }

  /**
   * Seconds from 1970-01-01T00:00Z to a valid value; a date counts from its start in UTC and a
   * date-time without offset is read as UTC.
   */
  static long epochSecond(CharSequence text) {
    long seconds = epochDay(text) * SECONDS_PER_DAY;
    if (!hasTime(text)) {
      return seconds;
    }
    seconds += number(text, 11, 2) * 3_600L + number(text, 14, 2) * 60L;
    int position = 16;
    if (position < text.length() && text.charAt(position) == ':') {
      seconds += number(text, position + 1, 2);
      position += 3;
      if (position < text.length() && text.charAt(position) == '.') {
        position += 1 + fractionDigits(text, position + 1);
      }
    }
    if (position < text.length() && text.charAt(position) != 'Z') {
      int offset = number(text, position + 1, 2) * 3_600 + number(text, position + 4, 2) * 60;
      seconds += text.charAt(position) == '+' ? -offset : offset;
    }
    return seconds;
  }

  /** The fraction of a second of a valid value in nanoseconds; 0 when it has none. */
  static int nanoOfSecond(CharSequence text) {
    int dot = 19;
    if (text.length() <= dot || text.charAt(dot) != '.') {
      return 0;
    }
    int digits = fractionDigits(text, dot + 1);
    int nanos = number(text, dot + 1, digits);
    for (int scale = digits; scale < 9; scale++) {
      nanos *= 10;
    }
    return nanos;
  }

  /**
   * Whether valid value {@code value} lies before valid value {@code reference}. Two date-times are
   * compared as instants; when either is a date only, the dates as written are compared, since a
   * date holds no time zone to place it on the time line.
   */
  static boolean isBefore(CharSequence value, CharSequence reference) {
    if (!hasTime(value) || !hasTime(reference)) {
      return epochDay(value) < epochDay(reference);
    }
    long valueSecond = epochSecond(value);
    long referenceSecond = epochSecond(reference);
    if (valueSecond != referenceSecond) {
      return valueSecond < referenceSecond;
    }
    return nanoOfSecond(value) < nanoOfSecond(reference);
  }

  /**
   * Whether valid value {@code text} lies after the instant {@code epochMilli}. A date-time is
   * compared as an instant. A date is after the instant only if it has begun nowhere on earth yet,
   * that is if it begins after the instant even in UTC+14:00, the first time zone to begin a day: a
   * date that is today in any time zone is not in the future.
   */
  static boolean isAfter(CharSequence text, long epochMilli) {
    long second = Math.floorDiv(epochMilli, 1_000);
    if (!hasTime(text)) {
      return epochDay(text) * SECONDS_PER_DAY - EARLIEST_OFFSET_SECONDS > second;
    }
    long valueSecond = epochSecond(text);
    if (valueSecond != second) {
      return valueSecond > second;
    }
    return nanoOfSecond(text) > Math.floorMod(epochMilli, 1_000) * 1_000_000;
  }

  private static boolean isDatePart(CharSequence text) {
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    return year >= 1
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && isBetween(month, 1, 12)
        && isBetween(day, 1, lengthOfMonth(year, month));
  }

  private static boolean isOffset(CharSequence text, int position) {
    int length = text.length();
    if (position == length) {
      return true;
    }
    char sign = text.charAt(position);
    if (sign == 'Z') {
      return position + 1 == length;
    }
    if ((sign != '+' && sign != '-')
        || position + 6 != length
        || text.charAt(position + 3) != ':') {
      return false;
    }
    int hours = number(text, position + 1, 2);
    int minutes = number(text, position + 4, 2);
    return isBetween(hours, 0, MAX_OFFSET_HOURS)
        && isBetween(minutes, 0, 59)
        && (hours < MAX_OFFSET_HOURS || minutes == 0);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
  private static int number(CharSequence text, int from, int count) {
    int value = 0;
    for (int index = from; index < from + count; index++) {
      char digit = text.charAt(index);
      if (digit < '0' || digit > '9') {
        return -1;
      }
      value = value * 10 + (digit - '0');
    }
    return value;
  }

  private static boolean isBetween(int value, int min, int max) {
    return value >= min && value <= max;
  }

  private static int fractionDigits(CharSequence text, int from) {
    int index = from;
    while (index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9') {
      index++;
    }
    return index - from;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static boolean isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** The proleptic Gregorian day count of {@code java.time.LocalDate#toEpochDay}, for year >= 0. */
  private static long epochDay(int year, int month, int day) {
    long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    total += (367L * month - 362) / 12 + day - 1;
    if (month > 2) {
      total--;
      if (!isLeapYear(year)) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }
}
