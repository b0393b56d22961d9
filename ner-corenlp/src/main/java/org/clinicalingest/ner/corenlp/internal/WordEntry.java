package org.clinicalingest.ner.corenlp.internal;

/**
 * What the recogniser works out from a word alone, kept per word, so that each token of a sentence
 * costs one cache lookup rather than one for its kind and another for the CRF.
 *
 * <p>Design: a JFR profile of the pipeline with NER put each of those two lookups, in two shared
 * maps, at 4–5 % of the recogniser's samples, mostly cache misses. An entry holds the facts a
 * token's kind depends on ({@link TokenKinds}), worked out when the word is first seen, and the
 * word's preparation for the CRF ({@link CrfWindows#prepare}), worked out the first time a window
 * needs it: sentences without a window never need it. Thread-safe: two threads may both work out
 * the preparation and both store it; the values are equal, and a record is published safely through
 * its final fields.
 */
final class WordEntry {

  private final TokenKinds.WordFacts facts;
  private CrfWindows.PreparedWord prepared;

  WordEntry(TokenKinds.WordFacts facts) {
    this.facts = facts;
  }

  /** The facts the word's token kind depends on. */
  TokenKinds.WordFacts facts() {
    return facts;
  }

  /** The word's preparation for the CRF, or null if none was stored yet. */
  CrfWindows.PreparedWord prepared() {
    return prepared;
  }

  /** Stores the word's preparation for the CRF. */
  void prepared(CrfWindows.PreparedWord preparation) {
    this.prepared = preparation;
  }
}
