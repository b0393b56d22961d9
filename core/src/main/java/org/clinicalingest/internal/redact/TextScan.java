package org.clinicalingest.internal.redact;

import java.util.Locale;

/**
 * Small scans over text shared by the recognisers.
 *
 * <p>Design: plain loops rather than patterns, since they run for every candidate match.
 */
final class TextScan {

  private TextScan() {}

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
