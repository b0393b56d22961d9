package org.clinicalingest.ner.corenlp.internal;

import java.util.function.UnaryOperator;

/**
 * Gives text written all in capitals or all in lower case the case the English NER model was
 * trained on, without moving any character.
 *
 * <p>Design: the CoreNLP English classifiers are case-sensitive and the 4.5.10 models jar ships no
 * caseless NER model, so "PT'S DAUGHTER MARIA" or "dr. smith" would lose almost every name. A text
 * whose words are mostly capitals, or that has almost no capitalised words, is rewritten word by
 * word: each word takes its usual written form from CoreNLP's truecaser table ({@code
 * MixDisambiguation.list}: "maria" to "Maria", "icu" to "ICU", "will" stays lower), sentence
 * starts, personal titles and the word after one are capitalised, and single-letter initials before
 * a full stop become capitals. Only same-length replacements are made, so every offset into the
 * rewritten text is an offset into the original. Text in ordinary mixed case is returned as is.
 * Stateless apart from the shared table; thread-safe.
 */
public final class CaseRestorer {

  private static final double UPPER_SHARE = 0.6;
  private static final double TITLE_SHARE = 0.05;
  private static final int MIN_WORDS = 3;

  private final UnaryOperator<String> caseForms;

  /**
   * A restorer using {@code caseForms}, which maps a lower-case word to its usual written form, or
   * to null if it is usually lower case.
   */
  public CaseRestorer(UnaryOperator<String> caseForms) {
    this.caseForms = caseForms;
  }

  /** Whether {@code words} look like text written in one case, which the model cannot read. */
  public static boolean isMonoCase(Words words) {
    int alphabetic = 0;
    int upper = 0;
    int title = 0;
    String text = words.text();
    for (int i = 0; i < words.count(); i++) {
      int start = words.start(i);
      if (words.surfaceLength(i) < 2 || !Character.isLetter(text.charAt(start))) {
        continue;
      }
      alphabetic++;
      boolean hasUpper = false;
      boolean hasLower = false;
      for (int c = start; c < words.surfaceEnd(i); c++) {
        char ch = text.charAt(c);
        hasUpper |= Character.isUpperCase(ch);
        hasLower |= Character.isLowerCase(ch);
      }
      if (hasUpper && !hasLower) {
        upper++;
      } else if (Character.isUpperCase(text.charAt(start))) {
        title++;
      }
    }
    if (alphabetic < MIN_WORDS) {
      return false;
    }
    return upper >= UPPER_SHARE * alphabetic || title <= TITLE_SHARE * alphabetic;
  }

  /**
   * The text with case restored if it is written in one case, else {@code words.text()} itself. The
   * result has the same length, and the same character positions, as the input.
   */
  public String restore(Words words) {
    return isMonoCase(words) ? rewrite(words) : words.text();
  }

  /**
   * The text with each word in its usual written form, whatever case the text is in; same length
   * and character positions as the input. Call it for text that {@link #isMonoCase} accepts.
   */
  public String rewrite(Words words) {
    char[] chars = words.text().toCharArray();
    boolean afterTitle = false;
    for (int i = 0; i < words.count(); i++) {
      int start = words.start(i);
      String lower = lowerSameLength(words, i);
      String form = caseForms.apply(lower);
      String chosen = form != null && form.length() == lower.length() ? form : lower;
      chosen.getChars(0, chosen.length(), chars, start);
      boolean title = Titles.isTitle(words, i);
      if (words.startsSentence(i) || title || afterTitle || isInitial(words, i)) {
        capitaliseFirst(chars, start, start + chosen.length());
      }
      afterTitle = title;
      for (int position = start + chosen.length(); position < words.end(i); position++) {
        chars[position] = Character.toLowerCase(chars[position]);
      }
    }
    return new String(chars);
  }

  private static boolean isInitial(Words words, int index) {
    return words.surfaceLength(index) == 1 && words.followedByPeriod(index);
  }

  /**
   * Word {@code index} in lower case, each character mapped only where its lower case has the same
   * length; for a word in ASCII, its {@linkplain Words#normalized normalized} form, which the title
   * check reads too.
   */
  private static String lowerSameLength(Words words, int index) {
    String text = words.text();
    int end = words.surfaceEnd(index);
    int position = words.start(index);
    while (position < end && text.charAt(position) < 0x80) {
      position++;
    }
    if (position == end) {
      return words.normalized(index);
    }
    String word = words.surface(index);
    StringBuilder lower = new StringBuilder(word.length());
    int at = 0;
    while (at < word.length()) {
      int codePoint = word.codePointAt(at);
      int mapped = Character.toLowerCase(codePoint);
      lower.appendCodePoint(
          Character.charCount(mapped) == Character.charCount(codePoint) ? mapped : codePoint);
      at += Character.charCount(codePoint);
    }
    return lower.toString();
  }

  /** Title-cases the character at {@code start} of the word ending at {@code end}, in place. */
  private static void capitaliseFirst(char[] chars, int start, int end) {
    int first = Character.codePointAt(chars, start, end);
    int title = Character.toTitleCase(first);
    if (Character.charCount(title) == Character.charCount(first)) {
      Character.toChars(title, chars, start);
    }
  }
}
