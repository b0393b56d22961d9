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
 * top-level label of two or more letters; texts without {@code @} are skipped at once.
 */
final class EmailRecognizer implements Recognizer {

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

  @Override
  public void find(String text, List<PhiSpan> spans) {
    if (text.indexOf('@') < 0) {
      return;
    }
    Matcher email = EMAIL.matcher(text);
    while (email.find()) {
      spans.add(new PhiSpan(email.start(), email.end(), PhiType.EMAIL));
    }
  }
}
