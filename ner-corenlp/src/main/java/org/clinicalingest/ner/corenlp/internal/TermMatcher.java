package org.clinicalingest.ner.corenlp.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds occurrences of a fixed list of terms (the clinical allow list, or places that are not PHI)
 * in a text, as character ranges.
 *
 * <p>Design: terms and text are both cut into {@link Words} (case, accents and hyphens ignored,
 * possessives remembered), and terms are stored in a word trie, so that one pass over the words of
 * a text finds the longest term at each position whatever the number of terms. Working on our own
 * word cuts rather than on CoreNLP tokens lets the same matcher run before the model (for the fast
 * path) and keeps it independent of tokenizer options. Immutable and thread-safe.
 */
public final class TermMatcher {

  private static final String POSSESSIVE_MARK = "'s";

  private final Node root = new Node();
  private final int size;

  /**
   * The terms' first words, normalised, by hash, so that a word that starts no term, as most words
   * of a text, is turned away without making its normalised form (2.1 % of the recogniser's CPU in
   * a profile) or looking it up in the trie; null if two of them share a hash.
   */
  private final WordTable<String> firstWords;

  private TermMatcher(Collection<String> terms) {
    int count = 0;
    for (String term : terms) {
      if (add(term)) {
        count++;
      }
    }
    this.size = count;
    this.firstWords = WordTable.ofWords(root.children.keySet()).orElse(null);
  }

  /** A matcher for the given terms; blank terms are ignored. */
  public static TermMatcher of(Collection<String> terms) {
    return new TermMatcher(terms);
  }

  /** Number of usable (non-blank) terms. */
  public int size() {
    return size;
  }

  private boolean add(String term) {
    String trimmed = term.strip();
    boolean possessiveRequired = trimmed.endsWith("'") || trimmed.endsWith(POSSESSIVE_MARK);
    Words words = Words.of(trimmed);
    if (words.count() == 0) {
      return false;
    }
    Node node = root;
    for (int i = 0; i < words.count(); i++) {
      node = node.children.computeIfAbsent(words.normalized(i), key -> new Node());
    }
    if (possessiveRequired) {
      node.possessiveTerminal = true;
    } else {
      node.terminal = true;
    }
    return true;
  }

  /**
   * Character ranges of the terms found in {@code text}, longest match first at each word,
   * non-overlapping, in text order. A term right after a personal title ("Dr. Foley") is not a
   * match: the title says the word is a name.
   */
  public List<int[]> find(String text) {
    return find(Words.of(text));
  }

  /** As {@link #find(String)}, on words already cut from the text. */
  public List<int[]> find(Words words) {
    List<int[]> ranges = new ArrayList<>();
    int index = 0;
    while (index < words.count()) {
      int matchedEnd = longestMatch(words, index);
      if (matchedEnd > index && !Titles.isTitle(words, index - 1)) {
        ranges.add(new int[] {words.start(index), words.end(matchedEnd - 1)});
        index = matchedEnd;
      } else {
        index++;
      }
    }
    return ranges;
  }

  /**
   * Whether characters {@code [start, end)} lie inside one of {@code ranges}, as {@link #find}
   * returns them (disjoint, in text order); a binary search.
   */
  static boolean covers(List<int[]> ranges, int start, int end) {
    int low = 0;
    int high = ranges.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ranges.get(middle)[0] <= start) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low > 0 && end <= ranges.get(low - 1)[1];
  }

  private int longestMatch(Words words, int from) {
    if (firstWords != null && firstWords.getByHash(words.normalizedHash(from)) == null) {
      return from;
    }
    Node node = root;
    int best = from;
    for (int i = from; i < words.count(); i++) {
      node = node.children.get(words.normalized(i));
      if (node == null) {
        break;
      }
      if (node.terminal || (node.possessiveTerminal && words.possessive(i))) {
        best = i + 1;
      }
      if (i + 1 < words.count() && !words.adjacent(i, i + 1)) {
        break;
      }
    }
    return best;
  }

  private static final class Node {
    final Map<String, Node> children = new HashMap<>(4);
    boolean terminal;
    boolean possessiveTerminal;
  }
}
