package org.clinicalingest.internal.redact;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the earliest day an ISO date, date-time, year-month or year can mean, as {@link
 * FieldRedactor} generalises dates: {@code 2019-03-12T10:20:00-08:00} and {@code 2019-03-12} are
 * 2019-03-12, {@code 2019-03} is 2019-03-01, {@code 2019} is 2019-01-01.
 *
 * <p>Design: what it accepts is exactly what this regular expression matches whole:
 *
 * <pre>{@code \s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*}</pre>
 *
 * that is, blanks around a four-digit year, an optional two-digit month and day, and after {@code
 * T} or a blank anything made of digits and {@code :.+-Z}, unchecked. It is read by hand, since the
 * pipeline generalises a date of every encounter and observation and the regular expression cost
 * about 0.6 µs a value (with {@code LocalDate.of}; by hand, a quarter of that). Stateless.
 */
final class LenientIsoDate {

  private LenientIsoDate() {}

  /** The earliest day {@code value} can mean; null if it is not of the form or no real date. */
  static LocalDate earliestDay(String value) {
    int length = value.length();
    int at = skipBlanks(value, 0);
    int year = digits(value, at, 4);
    if (year < 0) {
      return null;
    }
    at += 4;
    int month = 1;
    int day = 1;
    if (at < length && value.charAt(at) == '-') {
      month = digits(value, at + 1, 2);
      if (month < 0) {
        return null;
      }
      at += 3;
      if (at < length && value.charAt(at) == '-') {
        day = digits(value, at + 1, 2);
        if (day < 0) {
          return null;
        }
        at += 3;
      }
    }
    if (at < length && (value.charAt(at) == 'T' || value.charAt(at) == ' ')) {
      at++;
      while (at < length && "0123456789:.+-Z".indexOf(value.charAt(at)) >= 0) {
        at++;
      }
    }
    if (skipBlanks(value, at) < length) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The value of the {@code count} ASCII digits at {@code from}, -1 if they are not all there. */
  private static int digits(String value, int from, int count) {
    if (from + count > value.length()) {
      return -1;
    }
    int number = 0;
    for (int i = from; i < from + count; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** The first position from {@code from} that is not a blank as {@code \s} has it. */
  private static int skipBlanks(String value, int from) {
    int at = from;
    while (at < value.length() && " \t\n\u000B\f\r".indexOf(value.charAt(at)) >= 0) {
      at++;
    }
    return at;
  }
}
