package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Web addresses.
 *
 * <p>Design: an address with a scheme ({@code https://}, {@code ftp://}) or starting with {@code
 * www.} runs to the next blank; a bare domain counts only with a common generic top-level domain
 * ({@code example.org/path}), since country codes such as {@code .md} or {@code .in} would catch
 * ordinary abbreviations. Trailing sentence punctuation is not part of the address. The host of an
 * e-mail address is left to {@link EmailRecognizer}.
 */
final class UrlRecognizer implements Recognizer {

  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:\\b(?:https?|ftps?|sftp)://|(?<![\\w@.-])www\\.)[^\\s<>\"'`{}|\\\\^]+"
              + "|(?<![\\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
              + "(?:com|org|net|edu|gov|mil|info|biz|io|health)(?![\\w@-])(?:/[^\\s<>\"'`{}|\\\\^]*)?");

  private static final String TRAILING = ".,;:!?)]}'\"";

  @Override
  public void find(String text, List<PhiSpan> spans) {
    if (text.indexOf('.') < 0
        || !TextScan.containsAny(
            TextScan.lower(text),
            "://",
            "www.",
            ".com",
            ".org",
            ".net",
            ".edu",
            ".gov",
            ".mil",
            ".info",
            ".biz",
            ".io",
            ".health")) {
      return;
    }
    Matcher url = URL.matcher(text);
    while (url.find()) {
      int end = url.end();
      while (end > url.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
        if (text.charAt(end - 1) == ')'
            && count(text, url.start(), end, '(') >= count(text, url.start(), end, ')')) {
          break;
        }
        end--;
      }
      if (end > url.start()) {
        spans.add(new PhiSpan(url.start(), end, PhiType.URL));
      }
    }
  }

  private static int count(String text, int from, int to, char wanted) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == wanted) {
        count++;
      }
    }
    return count;
  }
}
