package org.clinicalingest.examples.generate;

import java.util.Locale;

/**
 * Counts whole-word, case-insensitive occurrences of a phrase in a text.
 *
 * <p>Shared by the generator, which records how often a PHI string also occurs as ordinary text in
 * its note ("May" the name and "may" the verb), and by {@link LeakCheck}, which compares that count
 * with the written note; both must count the same way. A match must not be glued to a letter or
 * digit at an end where the phrase itself starts or ends with one. Searches a lower-cased copy with
 * {@code indexOf}, which the JIT vectorises; falls back to {@code regionMatches} for text whose
 * lower case changes its length. Stateless and thread-safe.
 */
final class WordMatch {

  private WordMatch() {}

  /** {@code text} in lower case, to pass to the counting methods. */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Non-overlapping occurrences of {@code phrase} in {@code text}. */
  static int count(String text, String phrase) {
    return countOutside(text, lower(text), phrase, null, null, 0);
  }

  /**
   * Non-overlapping occurrences of {@code phrase} in {@code text} that overlap none of the first
   * {@code spans} ranges {@code [starts[i], ends[i])}; {@code lowerText} is {@link #lower(String)}
   * of {@code text}.
   */
  static int countOutside(
      String text, String lowerText, String phrase, int[] starts, int[] ends, int spans) {
    int length = phrase.length();
    if (length == 0) {
      return 0;
    }
    String lowerPhrase = lower(phrase);
    boolean exact = lowerText.length() == text.length() && lowerPhrase.length() == length;
    boolean wordStart = isWordChar(phrase.charAt(0));
    boolean wordEnd = isWordChar(phrase.charAt(length - 1));
    int found = 0;
    int position = exact ? lowerText.indexOf(lowerPhrase) : 0;
    int last = text.length() - length;
    while (position >= 0 && position <= last) {
      boolean match =
          (exact || text.regionMatches(true, position, phrase, 0, length))
              && (!wordStart || position == 0 || !isWordChar(text.charAt(position - 1)))
              && (!wordEnd
                  || position + length == text.length()
                  || !isWordChar(text.charAt(position + length)))
              && !overlapsAny(position, position + length, starts, ends, spans);
      int next = match ? position + length : position + 1;
      if (match) {
        found++;
      }
      position = exact ? lowerText.indexOf(lowerPhrase, next) : next;
    }
    return found;
  }

  private static boolean overlapsAny(int start, int end, int[] starts, int[] ends, int spans) {
    for (int i = 0; i < spans; i++) {
      if (start < ends[i] && starts[i] < end) {
        return true;
      }
    }
    return false;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }
}
