package org.clinicalingest.store.postgres.internal;

/**
 * The rule for text PostgreSQL cannot store: a NUL character (U+0000) or an unpaired UTF-16
 * surrogate (which has no UTF-8 encoding).
 *
 * <p>Design: such text is never altered silently and never fails the run. The row holding it is
 * left out and reported as a {@link org.clinicalingest.spi.RowFailure} whose reason names the
 * problem and the column, never the value; the rest of the chunk is written. Checking here, before
 * COPY, costs one scan of each string and spares the server a failed COPY and a split.
 */
final class TextRule {

  /** Reason for a row whose text holds U+0000. */
  static final String NUL = "text contains NUL (U+0000)";

  /** Reason for a row whose text holds an unpaired surrogate. */
  static final String UNPAIRED_SURROGATE = "text contains an unpaired UTF-16 surrogate";

  private TextRule() {}

  /** The problem with {@code text}, or {@code null} if PostgreSQL can store it as it is. */
  static String problem(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return NUL;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return UNPAIRED_SURROGATE;
        }
      }
    }
    return null;
  }
}
