package org.clinicalingest.examples.generate;

import java.time.LocalDate;

/**
 * How dates, times and phone numbers are spelled, in the structured fields and in the notes.
 *
 * <p>Writes digits by hand instead of using {@code java.time.format}, which is several times slower
 * and would dominate the generator's profile. Stateless and thread-safe.
 */
final class Formats {

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[] MONTHS_SHORT = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** Relative frequencies of the note date formats of {@link #noteDate}, in order. */
  private static final int[] DATE_FORMAT_WEIGHTS = {
    10, 14, 10, 6, 8, 8, 4, 4, 3, 3, 2, 2, 2, 2, 2, 3, 2, 2
  };

  private static final int DATE_FORMAT_TOTAL = sum(DATE_FORMAT_WEIGHTS);

  private Formats() {}

  private static int sum(int[] values) {
    int total = 0;
    for (int value : values) {
      total += value;
    }
    return total;
  }

  /** {@code YYYY-MM-DD}. */
  static String isoDate(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    StringBuilder out = new StringBuilder(10);
    appendIsoDate(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    return out.toString();
  }

  /**
   * An ISO-8601 date-time with an offset: the instant {@code epochSecond} shown at {@code
   * offsetMinutes} from UTC, {@code Z} for zero.
   */
  static String isoDateTime(long epochSecond, int offsetMinutes) {
    long local = epochSecond + offsetMinutes * 60L;
    long day = Math.floorDiv(local, 86_400L);
    int secondOfDay = (int) Math.floorMod(local, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(day);
    StringBuilder out = new StringBuilder(25);
    appendIsoDate(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    out.append('T');
    pad2(out, secondOfDay / 3600);
    out.append(':');
    pad2(out, secondOfDay / 60 % 60);
    out.append(':');
    pad2(out, secondOfDay % 60);
    if (offsetMinutes == 0) {
      out.append('Z');
    } else {
      out.append(offsetMinutes < 0 ? '-' : '+');
      int magnitude = Math.abs(offsetMinutes);
      pad2(out, magnitude / 60);
      out.append(':');
      pad2(out, magnitude % 60);
    }
    return out.toString();
  }

  /** The local date of an instant at an offset, as an epoch day. */
  static long localDay(long epochSecond, int offsetMinutes) {
    return Math.floorDiv(epochSecond + offsetMinutes * 60L, 86_400L);
  }

  /** A date as a clinician might write it in a note, in one of many formats. */
  static String noteDate(long epochDay, Rng rng) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int year = date.getYear();
    int month = date.getMonthValue();
    int day = date.getDayOfMonth();
    StringBuilder out = new StringBuilder(20);
    switch (pickFormat(rng)) {
      case 0 -> appendIsoDate(out, year, month, day);
      case 1 -> {
        pad2(out, month);
        out.append('/');
        pad2(out, day);
        out.append('/').append(year);
      }
      case 2 -> out.append(month).append('/').append(day).append('/').append(year);
      case 3 -> {
        out.append(month).append('/').append(day).append('/');
        pad2(out, year % 100);
      }
      case 4 -> out.append(MONTHS[month - 1]).append(' ').append(day).append(", ").append(year);
      case 5 ->
          out.append(MONTHS_SHORT[month - 1]).append(' ').append(day).append(", ").append(year);
      case 6 ->
          out.append(day).append(' ').append(MONTHS_SHORT[month - 1]).append(' ').append(year);
      case 7 -> {
        pad2(out, day);
        out.append('-').append(MONTHS_SHORT[month - 1]).append('-').append(year);
      }
      case 8 -> out.append(MONTHS[month - 1]).append(' ').append(day);
      case 9 -> out.append(month).append('/').append(day);
      case 10 ->
          out.append(MONTHS_SHORT[month - 1]).append(". ").append(day).append(", ").append(year);
      case 11 -> {
        out.append(year).append('/');
        pad2(out, month);
        out.append('/');
        pad2(out, day);
      }
      case 12 -> out.append(day).append(' ').append(MONTHS[month - 1]).append(' ').append(year);
      case 13 -> out.append(MONTHS[month - 1]).append(' ').append(year);
      case 14 -> out.append(ordinal(day)).append(" of ").append(MONTHS[month - 1]);
      case 15 -> {
        pad2(out, month);
        out.append('-');
        pad2(out, day);
        out.append('-').append(year);
      }
      case 16 -> out.append(MONTHS_SHORT[month - 1]).append(' ').append(day);
      default -> {
        pad2(out, day);
        out.append(MONTHS_SHORT[month - 1].toUpperCase(java.util.Locale.ROOT)).append(year);
      }
    }
    return out.toString();
  }

  private static int pickFormat(Rng rng) {
    int target = rng.nextInt(DATE_FORMAT_TOTAL);
    int format = 0;
    while (target >= DATE_FORMAT_WEIGHTS[format]) {
      target -= DATE_FORMAT_WEIGHTS[format];
      format++;
    }
    return format;
  }

  private static String ordinal(int day) {
    if (day >= 11 && day <= 13) {
      return day + "th";
    }
    return switch (day % 10) {
      case 1 -> day + "st";
      case 2 -> day + "nd";
      case 3 -> day + "rd";
      default -> day + "th";
    };
  }

  /** A time of day as written in notes: {@code 0830}, {@code 08:30}, {@code 8:30 AM}. */
  static String noteTime(Rng rng) {
    int hour = rng.nextInt(24);
    int minute = rng.nextInt(12) * 5;
    StringBuilder out = new StringBuilder(8);
    switch (rng.nextInt(3)) {
      case 0 -> {
        pad2(out, hour);
        pad2(out, minute);
      }
      case 1 -> {
        pad2(out, hour);
        out.append(':');
        pad2(out, minute);
      }
      default -> {
        out.append(hour % 12 == 0 ? 12 : hour % 12).append(':');
        pad2(out, minute);
        out.append(hour < 12 ? " AM" : " PM");
      }
    }
    return out.toString();
  }

  /**
   * A US phone number in one of many spellings; {@code number} holds area code, exchange and line
   * as ten digits.
   */
  static String phone(String number, int format) {
    String area = number.substring(0, 3);
    String exchange = number.substring(3, 6);
    String line = number.substring(6);
    return switch (format) {
      case 0 -> "(" + area + ") " + exchange + "-" + line;
      case 1 -> area + "-" + exchange + "-" + line;
      case 2 -> area + "." + exchange + "." + line;
      case 3 -> area + " " + exchange + " " + line;
      case 4 -> "+1 " + area + "-" + exchange + "-" + line;
      case 5 -> "1-" + area + "-" + exchange + "-" + line;
      case 6 -> number;
      case 7 -> "(" + area + ")" + exchange + "-" + line;
      case 8 -> "+1 (" + area + ") " + exchange + "-" + line;
      default -> area + "/" + exchange + "-" + line;
    };
  }

  /** Number of spellings {@link #phone} knows. */
  static final int PHONE_FORMATS = 10;

  static void appendIsoDate(StringBuilder out, int year, int month, int day) {
    out.append(year).append('-');
    pad2(out, month);
    out.append('-');
    pad2(out, day);
  }

  static void pad2(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    out.append(value);
  }

  /** {@code value} with exactly {@code decimals} digits after the point, for decimals 0 to 3. */
  static String fixed(double value, int decimals) {
    long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    long scaled = Math.round(value * scale);
    if (decimals == 0) {
      return Long.toString(scaled);
    }
    StringBuilder out = new StringBuilder(12);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / scale).append('.');
    String fraction = Long.toString(scaled % scale);
    for (int i = fraction.length(); i < decimals; i++) {
      out.append('0');
    }
    return out.append(fraction).toString();
  }
}
