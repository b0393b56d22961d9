package org.clinicalingest.internal.validate;

/**
 * Membership tests of a text in a small fixed code list.
 *
 * <p>Design: the lists hold at most a dozen short codes, so a linear scan comparing characters in
 * place is enough. Unlike {@code toLowerCase} it allocates nothing, and unlike {@code
 * String.equalsIgnoreCase} it folds only ASCII letters, so the Kelvin sign U+212A does not pass for
 * {@code k}. Stateless and thread-safe.
 */
final class Codes {

  private Codes() {}

  /** Whether {@code text} equals one of {@code codes} exactly. */
  static boolean contains(String[] codes, CharSequence text) {
    for (String code : codes) {
      if (code.contentEquals(text)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} equals one of the lower-case {@code codes} ignoring ASCII case. */
  static boolean containsIgnoringAsciiCase(String[] codes, CharSequence text) {
    for (String code : codes) {
      if (equalsIgnoringAsciiCase(code, text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalsIgnoringAsciiCase(String lowerCaseCode, CharSequence text) {
    if (lowerCaseCode.length() != text.length()) {
      return false;
    }
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character >= 'A' && character <= 'Z') {
        character = (char) (character + ('a' - 'A'));
      }
      if (character != lowerCaseCode.charAt(index)) {
        return false;
      }
    }
    return true;
  }
}
