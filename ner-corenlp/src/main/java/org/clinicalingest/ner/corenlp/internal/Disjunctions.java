package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.sequences.SeqClassifierFlags;
import java.util.Optional;

/**
 * The potentials of a token's disjunction features, added up from potentials kept per word.
 *
 * <p>Design: with {@code useDisjunctive}, CoreNLP's {@code NERFeatureFactory#featuresC} gives a
 * token the feature "word-DISJN" for the word of each of the {@code disjunctionWidth} tokens after
 * it, and "word-DISJP" for each of those before it (the padding's word past either end of the
 * sentence): for the shipped model ten of the two dozen one-label features that window labelling
 * builds, hashes and looks up per token once the word's own features are kept per word. Each is a
 * function of one word, so a word's two potentials are looked up once, with its preparation ({@link
 * CrfWindows#prepare}), and a token's disjunction potentials are summed from its neighbours' words,
 * each distinct word once per side, as CoreNLP's set of features holds each string once. The
 * feature strings are CoreNLP's; {@link #of} refuses flags under which the features differ (shape
 * interactions, or only internal or external features), and an index that lacks the features of the
 * commonest words, the sign that its strings are not these. The documents {@link
 * CrfWindows#prepare} makes carry no domain, so no feature has a domain copy. Immutable and
 * thread-safe.
 */
final class Disjunctions {

  /** The suffix of the features of a token's one-label clique. */
  private static final String CLIQUE_SUFFIX = "|C";

  private static final String AFTER = "-DISJN";
  private static final String BEFORE = "-DISJP";

  /** A word's disjunction potentials: as one of the words after a token, and as one before. */
  record Potentials(double[] after, double[] before) {}

  private final int width;
  private final FeatureIndex index;

  private Disjunctions(int width, FeatureIndex index) {
    this.width = width;
    this.index = index;
  }

  /**
   * The disjunction features of a model with {@code flags} and features {@code index}, or empty if
   * it has none or they are not those handled here.
   */
  static Optional<Disjunctions> of(SeqClassifierFlags flags, FeatureIndex index) {
    if (!flags.useDisjunctive
        || flags.useDisjunctiveShapeInteraction
        || !flags.useInternal
        || !flags.useExternal
        || flags.disjunctionWidth < 1) {
      return Optional.empty();
    }
    Disjunctions disjunctions = new Disjunctions(flags.disjunctionWidth, index);
    boolean known =
        index.hasUnaryFeature(hash("the", AFTER))
            && index.hasUnaryFeature(hash("the", BEFORE))
            && index.hasUnaryFeature(hash(".", AFTER))
            && index.hasUnaryFeature(hash(".", BEFORE));
    return known ? Optional.of(disjunctions) : Optional.empty();
  }

  /** The potentials of the disjunction features of {@code word}, as the features read it. */
  Potentials of(String word) {
    return new Potentials(potentials(word, AFTER), potentials(word, BEFORE));
  }

  /**
   * Adds to {@code potentials} those of the disjunction features of the token at {@code token}.
   *
   * @param entries the entry of each token's word, each prepared
   * @param pad the padding's word, prepared, which stands for every word past either end
   */
  void addTo(double[] potentials, WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    addSide(potentials, entries, token, 1, pad);
    addSide(potentials, entries, token, -1, pad);
  }

  private void addSide(
      double[] potentials,
      WordEntry[] entries,
      int token,
      int direction,
      CrfWindows.PreparedWord pad) {
    String[] seen = new String[width];
    for (int distance = 1; distance <= width; distance++) {
      int at = token + direction * distance;
      CrfWindows.PreparedWord word = at < 0 || at >= entries.length ? pad : entries[at].prepared();
      if (isAmong(word.normalised(), seen, distance - 1)) {
        continue;
      }
      seen[distance - 1] = word.normalised();
      double[] weights = direction > 0 ? word.disjunctions().after() : word.disjunctions().before();
      for (int label = 0; label < potentials.length; label++) {
        potentials[label] += weights[label];
      }
    }
  }

  /** Whether {@code word} equals one of the first {@code count} of {@code words}. */
  private static boolean isAmong(String word, String[] words, int count) {
    for (int i = 0; i < count; i++) {
      if (word.equals(words[i])) {
        return true;
      }
    }
    return false;
  }

  private double[] potentials(String word, String side) {
    return index.unaryPotentials(new long[] {hash(word, side)}, 1);
  }

  private static long hash(String word, String side) {
    return FeatureIndex.hash(word + side + CLIQUE_SUFFIX);
  }
}
