package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The potentials of a token's two-label clique (its label and the previous one), from potentials
 * kept per word and three lookups per token.
 *
 * <p>Design: for the shipped model's flags, CoreNLP's {@code NERFeatureFactory#featuresCpC} gives a
 * token twelve features, each read from the word, shape or distributional-similarity class of the
 * previous token, the token itself or the next one: "PSEQ", w-PSEQW, ds-PSEQcDS, s-PSEQcS and
 * s-TPS2 of the token; w-PSEQpW, ds-PSEQpDS and s-PSEQpS of the previous token; s-TNS1 of the next
 * one; and three of the previous token and the token together, pw-w-PSEQW2, pds-ds-PSEQpcDS and
 * ps-s-TYPES ({@code featuresCnC} gives none). Window labelling built, hashed and looked up all
 * twelve for every token, each a slot of sixteen weights. Here the nine read from one token are
 * summed once per word, as three potentials kept with the word's preparation ({@link
 * CrfWindows#prepare}), and only the three of two tokens are hashed and looked up. A missing shape
 * or class is read as CoreNLP reads it: as "" through {@code getString}, as "null" where the
 * factory appends the annotation itself (the next token's shape). {@link #of} refuses flags under
 * which {@code featuresCpC} or {@code featuresCnC} give other features, and an index that lacks
 * "PSEQ", the sign that its strings are not these. The documents {@link CrfWindows#prepare} makes
 * carry no domain, so no feature has a domain copy. Immutable and thread-safe.
 */
final class PairFeatures {

  /** The suffix of the features of a token's two-label clique. */
  private static final String CLIQUE_SUFFIX = "|CpC";

  /** The hash of "PSEQ", the feature every token's two-label clique has. */
  private static final long SEQUENCE = hash(FeatureIndex.HASH_START, "PSEQ");

  /** The potentials a word's features give a token's two-label clique, by the word's position. */
  record Potentials(double[] asPrevious, double[] asCurrent, double[] asNext) {}

  private final FeatureIndex index;

  /** A word's preparation with these features' potentials added. */
  private final UnaryOperator<CrfWindows.PreparedWord> withPotentials;

  private PairFeatures(FeatureIndex index) {
    this.index = index;
    this.withPotentials =
        word -> word.withPairs(of(word.normalised(), word.shape(), word.distSimClass()));
  }

  /**
   * The two-label features of a model with {@code flags} and features {@code index}, or empty if
   * they are not those handled here.
   */
  static Optional<PairFeatures> of(SeqClassifierFlags flags, FeatureIndex index) {
    boolean handled =
        !flags.noEdgeFeature
            && !flags.transitionEdgeOnly
            && !flags.useNeighborNGrams
            && flags.useInternal
            && flags.useExternal
            && !flags.useOrdinal
            && !flags.useAbbr
            && !flags.useMinimalAbbr
            && !flags.useAbbr1
            && !flags.useMinimalAbbr1
            && !flags.useChunkySequences
            && flags.usePrev
            && flags.useSequences
            && flags.usePrevSequences
            && !flags.strictGoodCoNLL
            && flags.useDistSim
            && flags.wordShape > WordShapeClassifier.NOWORDSHAPE
            && flags.useTypeSeqs
            && flags.useTypeSeqs2
            && !flags.useTypeSeqs3
            && !flags.useYetMoreCpCShapes
            && flags.useTypeySequences
            && !flags.useTaggySequences
            && !flags.useParenMatching
            && !flags.useEntityTypeSequences
            && !flags.useURLSequences
            && !(flags.useNext && flags.useNextSequences);
    return handled && index.hasPairFeature(SEQUENCE)
        ? Optional.of(new PairFeatures(index))
        : Optional.empty();
  }

  /**
   * The potentials of the features read from one token with {@code word}, {@code shape} and
   * distributional-similarity class {@code distSim} (null if it has none).
   */
  Potentials of(String word, String shape, String distSim) {
    long wordRead = FeatureIndex.read(word);
    long shapeRead = FeatureIndex.read(orEmpty(shape));
    long distSimRead = FeatureIndex.read(orEmpty(distSim));
    return new Potentials(
        potentials(
            hash(wordRead, "-PSEQpW"), hash(distSimRead, "-PSEQpDS"), hash(shapeRead, "-PSEQpS")),
        potentials(
            SEQUENCE,
            hash(wordRead, "-PSEQW"),
            hash(distSimRead, "-PSEQcDS"),
            hash(shapeRead, "-PSEQcS"),
            hash(shapeRead, "-TPS2")),
        potentials(hash(FeatureIndex.read(String.valueOf(shape)), "-TNS1")));
  }

  /**
   * The potentials of the two-label clique of the token at {@code token} and the one before.
   *
   * @param entries the entry of each token's word, each prepared
   * @param pad the padding's word, prepared with its potentials, which stands for every word past
   *     either end
   */
  double[] potentials(WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    CrfWindows.PreparedWord previous = preparedAt(entries, token - 1, pad);
    CrfWindows.PreparedWord current = preparedAt(entries, token, pad);
    CrfWindows.PreparedWord next = preparedAt(entries, token + 1, pad);
    double[] sums =
        potentials(
            hash(joined(previous.normalised(), current.normalised()), "-PSEQW2"),
            hash(
                joined(orEmpty(previous.distSimClass()), orEmpty(current.distSimClass())),
                "-PSEQpcDS"),
            hash(joined(orEmpty(previous.shape()), orEmpty(current.shape())), "-TYPES"));
    FeatureIndex.add(sums, previous.pairs().asPrevious());
    FeatureIndex.add(sums, current.pairs().asCurrent());
    FeatureIndex.add(sums, next.pairs().asNext());
    return sums;
  }

  /** The prepared word at {@code token}, or the padding's past either end, with its potentials. */
  private CrfWindows.PreparedWord preparedAt(
      WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    return CrfWindows.preparedAt(entries, token, pad, word -> word.pairs() != null, withPotentials);
  }

  private double[] potentials(long... hashes) {
    return index.pairPotentials(hashes, hashes.length);
  }

  private static String orEmpty(String annotation) {
    return annotation == null ? "" : annotation;
  }

  /** The hash state after {@code first}, a dash and {@code second}. */
  private static long joined(String first, String second) {
    return FeatureIndex.extend(FeatureIndex.extend(FeatureIndex.read(first), '-'), second);
  }

  private static long hash(long valuesRead, String tag) {
    return FeatureIndex.feature(valuesRead, tag, CLIQUE_SUFFIX);
  }
}
