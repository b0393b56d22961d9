package org.clinicalingest.ner.corenlp.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A pure function of a word with its answers kept for the words seen most recently.
 *
 * <p>Design: the English CRF normalises every word it reads through {@code AmericanizeFunction} (a
 * map lookup, then regular expressions on words of six letters or more), and its features read each
 * word of a sentence many times, as the word itself and as the neighbour of the words around it;
 * this was 6–8 % of the NER stage's time. Each word's {@link WordEntry} (the facts of its token
 * kind, its preparation for the CRF) is another pure function of the word. The answer for a word
 * can be reused. The cache is cleared when it reaches {@link #CAPACITY} words, which bounds its
 * memory (a few megabytes) without bookkeeping on each lookup. Thread-safe if {@code function} is.
 */
final class CachedWordFunction<T> implements Function<String, T> {

  static final int CAPACITY = 50_000;

  private final Function<String, T> function;
  private final Map<String, T> answers = new ConcurrentHashMap<>();

  CachedWordFunction(Function<String, T> function) {
    this.function = function;
  }

  @Override
  public T apply(String word) {
    T answer = answers.get(word);
    if (answer == null) {
      answer = function.apply(word);
      if (answers.size() >= CAPACITY) {
        answers.clear();
      }
      answers.put(word, answer);
    }
    return answer;
  }
}
