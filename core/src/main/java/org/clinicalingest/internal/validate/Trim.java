package org.clinicalingest.internal.validate;

/**
 * Bounds of a text without its leading and trailing whitespace, as {@link String#trim()} defines it
 * (characters up to U+0020).
 *
 * <p>Design: validators compare and measure trimmed text in place through these bounds instead of
 * allocating a trimmed copy. Stateless and thread-safe.
 */
final class Trim {

  private Trim() {}

  /** Index of the first character that {@link String#trim()} keeps. */
  static int start(CharSequence text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) <= ' ') {
      start++;
    }
    return start;
  }

  /** Index after the last character that {@link String#trim()} keeps, given its {@code start}. */
  static int end(CharSequence text, int start) {
    int end = text.length();
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    return end;
  }
}
