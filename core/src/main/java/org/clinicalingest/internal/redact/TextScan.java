package org.clinicalingest.internal.redact;

import java.util.Locale;

/**
 * Small scans over text shared by the recognisers.
 *
 * <p>Design: plain loops rather than patterns, since they run for every candidate match or, as
 * guards, over every text before a recogniser's patterns: a pattern that cannot match (no run of
 * seven digits, no month name) is not run at all, which is where most of the time goes.
 */
final class TextScan {

  private TextScan() {}

  static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** How many ASCII digits the text holds. */
  static int digitCount(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    return count;
  }

  /**
   * The most digits in one run of digits whose gaps are at most two characters of {@code
   * separators}, e.g. 10 for {@code (555) 814-8772} with separators {@code " ()-"}.
   */
  static int longestDigitRun(String text, String separators) {
    int longest = 0;
    int run = 0;
    int gap = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        run++;
        gap = 0;
        longest = Math.max(longest, run);
      } else if (run > 0 && gap < 2 && separators.indexOf(c) >= 0) {
        gap++;
      } else {
        run = 0;
        gap = 0;
      }
    }
    return longest;
  }

  /** How often a digit, one of {@code separators} and a digit follow each other. */
  static int separatedDigits(String text, String separators) {
    int count = 0;
    for (int i = 1; i + 1 < text.length(); i++) {
      if (separators.indexOf(text.charAt(i)) >= 0
          && isDigit(text.charAt(i - 1))
          && isDigit(text.charAt(i + 1))) {
        count++;
      }
    }
    return count;
  }

  /** Whether a whole number of two or three digits lies between {@code min} and {@code max}. */
  static boolean hasNumberBetween(String text, int min, int max) {
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int value = 0;
      while (i < text.length() && isDigit(text.charAt(i))) {
        value = i - start < 4 ? value * 10 + text.charAt(i) - '0' : Integer.MAX_VALUE;
        i++;
      }
      if (value >= min && value <= max) {
        return true;
      }
    }
    return false;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Whether the lower-case text contains any of the words or stems. */
  static boolean containsAny(String lowerCaseText, String... stems) {
    for (String stem : stems) {
      if (lowerCaseText.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the stems starts a word (follows no letter) of the lower-case text. */
  static boolean startsAnyWord(String lowerCaseText, String... stems) {
    for (String stem : stems) {
      for (int at = lowerCaseText.indexOf(stem);
          at >= 0;
          at = lowerCaseText.indexOf(stem, at + 1)) {
        if (at == 0 || !Character.isLetter(lowerCaseText.charAt(at - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static String digits(CharSequence text) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /**
   * The word (letters and digits) that ends closest before {@code index}, skipping at most {@code
   * maxGap} other characters, none of them a line break; lower case; empty if there is none.
   */
  static String previousWord(String text, int index, int maxGap) {
    int end = index;
    while (end > 0 && index - end < maxGap && !Character.isLetterOrDigit(text.charAt(end - 1))) {
      if (text.charAt(end - 1) == '\n') {
        return "";
      }
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /** Whether every letter of {@code text} is lower case (and there is at least one). */
  static boolean isLowerCase(CharSequence text) {
    boolean letter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }
}
