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
 * e-mail address is left to {@link EmailRecognizer}. The pattern is tried only where an address can
 * start: before {@code ://}, at {@code www.}, and at the start of the host before a listed
 * top-level domain.
 */
final class UrlRecognizer implements Recognizer {

  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:\\b(?:https?|ftps?|sftp)://|(?<![\\w@.-])www\\.)[^\\s<>\"'`{}|\\\\^]+"
              + "|(?<![\\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
              + "(?:com|org|net|edu|gov|mil|info|biz|io|health)(?![\\w@-])(?:/[^\\s<>\"'`{}|\\\\^]*)?");

  private static final String TRAILING = ".,;:!?)]}'\"";

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    String value = text.text();
    if (value.indexOf('.') < 0
        || !text.has(Cue.TOP_LEVEL_DOMAIN) && !text.has(Cue.WWW) && !value.contains("://")) {
      return;
    }
    int next = 0;
    for (int start : starts(text)) {
      if (start < next) {
        continue;
      }
      Matcher url = text.lookingAt(URL, start);
      if (url == null) {
        continue;
      }
      next = url.end();
      int end = url.end();
      while (end > url.start() && TRAILING.indexOf(value.charAt(end - 1)) >= 0) {
        if (value.charAt(end - 1) == ')'
            && count(value, url.start(), end, '(') >= count(value, url.start(), end, ')')) {
          break;
        }
        end--;
      }
      if (end > url.start()) {
        spans.add(new PhiSpan(url.start(), end, PhiType.URL));
      }
    }
  }

  /**
   * Where an address can start, in order: the word before each {@code ://}, each {@code www} before
   * a dot, and the start of the run of host characters before each top-level domain.
   */
  private static int[] starts(ScannedText text) {
    String value = text.text();
    IntList starts = new IntList();
    for (int word = 0; word < text.words(); word++) {
      int start = text.wordStart(word);
      int end = text.wordEnd(word);
      if (value.startsWith("://", end)) {
        while (start > 0 && ScannedText.isWordChar(value.charAt(start - 1))) {
          start--;
        }
        starts.add(start);
        start = text.wordStart(word);
      }
      if (text.wordHas(word, Cue.WWW) && text.charAt(end) == '.') {
        starts.add(start);
      }
      if (text.wordHas(word, Cue.TOP_LEVEL_DOMAIN) && text.charAt(start - 1) == '.') {
        while (start > 0 && isHostCharacter(value.charAt(start - 1))) {
          start--;
        }
        starts.add(start);
      }
    }
    return starts.sorted();
  }

  private static boolean isHostCharacter(char c) {
    return ScannedText.isLetterOrDigit(c) || c == '.' || c == '-';
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
