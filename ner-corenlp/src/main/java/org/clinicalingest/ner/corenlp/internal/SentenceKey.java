package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;

/**
 * The key under which a sentence's CRF labels are kept: its words, which are all the CRF reads, and
 * the token kinds and known tokens that chose its windows, hashed into 128 bits.
 *
 * <p>Design: the key was a string of those words and kinds, built for every sentence with a window;
 * appending each word and copying the string took 5.5 % of the recogniser's CPU in a profile
 * (async-profiler, the free texts of 3,000 generated patients), and the map then hashed the string
 * again and compared it whole on a hit. Here the same characters (each word and a separator after
 * it, then one character per token for its kind and whether it lies in a known span) are hashed as
 * they are read, by two different 64-bit hashes, FNV-1a ({@link FeatureIndex#extend}) and a
 * polynomial hash with another multiplier, each finished by {@link FeatureIndex#finish}. Two
 * different sentences are taken for one only if both hashes collide; the CRF's features are found
 * by one such hash alone ({@link FeatureIndex}). Immutable.
 *
 * @param first the FNV-1a hash
 * @param second the polynomial hash
 */
public record SentenceKey(long first, long second) {

  /** What follows each word, a character no token holds. */
  private static final char WORD_END = '\u0001';

  private static final long SECOND_START = 0x9e3779b97f4a7c15L;
  private static final long SECOND_MULTIPLIER = 0xd6e8feb86659fd93L;

  /**
   * The key of a sentence's {@code tokens}, with the {@code kinds} that chose its windows (null if
   * none did) and which of them lie in known spans ({@code inKnown}, null if none does).
   */
  static SentenceKey of(List<CoreLabel> tokens, byte[] kinds, boolean[] inKnown) {
    long first = FeatureIndex.HASH_START;
    long second = SECOND_START;
    for (CoreLabel token : tokens) {
      String word = token.word();
      for (int i = 0; i <= word.length(); i++) {
        char c = i < word.length() ? word.charAt(i) : WORD_END;
        first = FeatureIndex.extend(first, c);
        second = (second + c) * SECOND_MULTIPLIER;
      }
    }
    if (kinds != null) {
      for (int i = 0; i < kinds.length; i++) {
        char c = (char) ((inKnown != null && inKnown[i] ? 'a' : '0') + kinds[i]);
        first = FeatureIndex.extend(first, c);
        second = (second + c) * SECOND_MULTIPLIER;
      }
    }
    return new SentenceKey(FeatureIndex.finish(first), FeatureIndex.finish(second));
  }
}
