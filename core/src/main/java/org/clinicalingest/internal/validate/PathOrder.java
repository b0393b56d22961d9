package org.clinicalingest.internal.validate;

import java.util.Comparator;
import org.clinicalingest.spi.FieldProblem;

/**
 * Orders problems by path, then message, reading runs of digits in a path as numbers so that {@code
 * encounters[2]} comes before {@code encounters[10]}.
 *
 * <p>Design: Bean Validation returns violations as an unordered set; a fixed order keeps the
 * reasons of a quarantined record the same from run to run. Stateless and thread-safe.
 */
final class PathOrder {

  static final Comparator<FieldProblem> PROBLEMS =
      Comparator.comparing(FieldProblem::path, PathOrder::compare)
          .thenComparing(FieldProblem::message);

  private PathOrder() {}

  static int compare(String first, String second) {
    int firstIndex = 0;
    int secondIndex = 0;
    while (firstIndex < first.length() && secondIndex < second.length()) {
      char firstChar = first.charAt(firstIndex);
      char secondChar = second.charAt(secondIndex);
      if (isDigit(firstChar) && isDigit(secondChar)) {
        int firstEnd = digitsEnd(first, firstIndex);
        int secondEnd = digitsEnd(second, secondIndex);
        int byNumber = compareNumbers(first, firstIndex, firstEnd, second, secondIndex, secondEnd);
        if (byNumber != 0) {
          return byNumber;
        }
        firstIndex = firstEnd;
        secondIndex = secondEnd;
      } else if (firstChar != secondChar) {
        return Character.compare(firstChar, secondChar);
      } else {
        firstIndex++;
        secondIndex++;
      }
    }
    return Integer.compare(first.length() - firstIndex, second.length() - secondIndex);
  }

  private static int compareNumbers(
      String first, int firstStart, int firstEnd, String second, int secondStart, int secondEnd) {
    int firstLength = firstEnd - firstStart;
    int secondLength = secondEnd - secondStart;
    if (firstLength != secondLength) {
      return Integer.compare(firstLength, secondLength);
    }
    for (int offset = 0; offset < firstLength; offset++) {
      int byDigit =
          Character.compare(first.charAt(firstStart + offset), second.charAt(secondStart + offset));
      if (byDigit != 0) {
        return byDigit;
      }
    }
    return 0;
  }

  private static int digitsEnd(String text, int start) {
    int end = start;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isDigit(char character) {
    return character >= '0' && character <= '9';
  }
}
