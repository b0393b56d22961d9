package org.clinicalingest.examples.generate;

import java.util.Locale;

/**
 * Counts whole-word, case-insensitive occurrences of a phrase in a text.
 *
 * <p>Shared by the generator, which records how often a PHI string also occurs as ordinary text in
 * its note ("May" the name and "may" the verb), and by {@link LeakCheck}, which compares that count
 * with the written note; both must count the same way. Where the phrase starts or ends with a
 * letter, the match must not touch a letter or digit there; where it starts or ends with a digit,
 * the match must not touch a digit (so "95" is found in "95yo", but "12345" is not in "123456").
 * Searches a lower-cased copy with {@code indexOf}, which the JIT vectorises; falls back to {@code
 * regionMatches} for text whose lower case changes its length. Stateless and thread-safe.
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
    char first = phrase.charAt(0);
    char last = phrase.charAt(length - 1);
    int found = 0;
    int position = exact ? lowerText.indexOf(lowerPhrase) : 0;
    int lastStart = text.length() - length;
    while (position >= 0 && position <= lastStart) {
      int end = position + length;
      boolean match =
          (exact || text.regionMatches(true, position, phrase, 0, length))
              && (position == 0 || !glued(first, text.charAt(position - 1)))
              && (end == text.length() || !glued(last, text.charAt(end)))
              && !overlapsAny(position, end, starts, ends, spans);
      int next = match ? end : position + 1;
      if (match) {
        found++;
      }
      position = exact ? lowerText.indexOf(lowerPhrase, next) : next;
    }
    return found;
  }

  /** Whether {@code neighbour} continues the word that {@code edge}, a phrase's end, is part of. */
  private static boolean glued(char edge, char neighbour) {
    if (Character.isDigit(edge)) {
      return Character.isDigit(neighbour);
    }
    return Character.isLetter(edge) && Character.isLetterOrDigit(neighbour);
  }

  private static boolean overlapsAny(int start, int end, int[] starts, int[] ends, int spans) {
    for (int i = 0; i < spans; i++) {
      if (start < ends[i] && starts[i] < end) {
        return true;
      }
    }
    return false;
  }
}
