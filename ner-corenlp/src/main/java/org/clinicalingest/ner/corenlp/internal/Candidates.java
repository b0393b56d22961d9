package org.clinicalingest.ner.corenlp.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Decides, without the model, whether a text may hold a name at all, so that texts without one skip
 * tokenizing and classification.
 *
 * <p>Design: the English CRF almost never tags a word that is not capitalised, so a text (after
 * case restoration) whose only capitalised words are capital-only abbreviations ("BP", "ICU"),
 * allow-listed clinical terms ("Foley"), or common words that start a sentence ("Denies", "Plan")
 * holds no candidate. A sentence-initial word is still a candidate if the truecaser table says it
 * is usually capitalised ("Maria called"), and any word after a personal title is one. Stateless;
 * thread-safe.
 */
final class Candidates {

  private Candidates() {}

  /** Whether {@code words} contain a word the model could tag as a name, place or organisation. */
  static boolean any(Words words, List<int[]> allowed, UnaryOperator<String> caseForms) {
    int allowedIndex = 0;
    for (int i = 0; i < words.count(); i++) {
      String surface = words.surface(i);
      if (Titles.isTitle(words, i - 1)) {
        return true;
      }
      if (!Character.isUpperCase(surface.codePointAt(0))) {
        continue;
      }
      while (allowedIndex < allowed.size() && allowed.get(allowedIndex)[1] <= words.start(i)) {
        allowedIndex++;
      }
      if (allowedIndex < allowed.size() && allowed.get(allowedIndex)[0] <= words.start(i)) {
        continue;
      }
      if (!hasLowerCase(surface)) {
        continue;
      }
      if (!words.startsSentence(i) || caseForms.apply(surface.toLowerCase(Locale.ROOT)) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLowerCase(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
