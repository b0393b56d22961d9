package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * E-mail addresses.
 *
 * <p>Design: a local part, {@code @}, and a domain of dot-separated labels ending in an alphabetic
 * top-level label of two or more letters. The pattern is tried once for each {@code @}, from the
 * start of the run of address characters before it, the only place an address can start.
 */
final class EmailRecognizer implements Recognizer {

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    String value = text.text();
    int next = 0;
    for (int at = value.indexOf('@'); at >= 0; at = value.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && isLocalPartCharacter(value.charAt(start - 1))) {
        start--;
      }
      if (start < next || start == at) {
        continue;
      }
      Matcher email = text.lookingAt(EMAIL, start);
      if (email != null) {
        spans.add(new PhiSpan(email.start(), email.end(), PhiType.EMAIL));
        next = email.end();
      }
    }
  }

  /** The characters that the pattern's look-behind does not allow before an address. */
  private static boolean isLocalPartCharacter(char c) {
    return ScannedText.isLetterOrDigit(c) || "_.%+-".indexOf(c) >= 0;
  }
}
