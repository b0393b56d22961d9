package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.sequences.SeqClassifierFlags;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The potentials of the one-label features of a token that are read from one neighbour's word or
 * class, or from its own class, added up from potentials kept per word.
 *
 * <p>Design: for the shipped model's flags, CoreNLP's {@code NERFeatureFactory#featuresC} gives a
 * token, among others, the features w-PW and ds-PDISTSIM of the previous token's word and class,
 * w-NW and ds-NDISTSIM of the next token's, ds-DISTSIM of its own class, and, for the words of the
 * {@code disjunctionWidth} tokens after it, w-DISJN, and for those before it w-DISJP (the padding's
 * word past either end of the sentence, and "null" as the class of a token that has none): fifteen
 * of the two dozen one-label features that window labelling built, hashed and looked up per token
 * once the word's own features were kept per word. Each is a function of one word, so a word's
 * potentials in each of those places are looked up once, with its preparation ({@link
 * CrfWindows#prepare}), and a token's potentials are summed from its neighbours' words; each
 * distinct disjunction word once per side, as CoreNLP's set of features holds each string once. The
 * features are those that four flags switch on ({@code usePrev}, {@code useNext}, {@code
 * useDistSim}, {@code useDisjunctive}), which {@link FeatureHashing#withoutNeighbourFeatures} turns
 * off. The feature strings are CoreNLP's; {@link #of} refuses flags under which those four give
 * other features, and an index that lacks the features of the commonest words, the sign that its
 * strings are not these. The documents {@link CrfWindows#prepare} makes carry no domain, so no
 * feature has a domain copy. Immutable and thread-safe.
 */
final class NeighbourFeatures {

  /** The suffix of the features of a token's one-label clique. */
  private static final String CLIQUE_SUFFIX = "|C";

  private static final String AMONG_NEXT = "-DISJN";
  private static final String AMONG_PREVIOUS = "-DISJP";

  /**
   * The potentials a word's features give a token: as the token before it, as the token itself, as
   * the token after it, and as one of the words after it and one of those before it.
   */
  record Potentials(
      double[] asPrevious,
      double[] asCurrent,
      double[] asNext,
      double[] amongNext,
      double[] amongPrevious) {}

  private final int width;
  private final FeatureIndex index;

  /** A word's preparation with these features' potentials added. */
  private final UnaryOperator<CrfWindows.PreparedWord> withPotentials;

  private NeighbourFeatures(int width, FeatureIndex index) {
    this.width = width;
    this.index = index;
    this.withPotentials = word -> word.withNeighbours(of(word.normalised(), word.distSimClass()));
  }

  /**
   * The neighbour features of a model with {@code flags} and features {@code index}, or empty if
   * they are not those handled here.
   */
  static Optional<NeighbourFeatures> of(SeqClassifierFlags flags, FeatureIndex index) {
    boolean handled =
        flags.useInternal
            && flags.useExternal
            && flags.usePrev
            && flags.useNext
            && flags.useDistSim
            && flags.useDisjunctive
            && flags.disjunctionWidth > 0
            && !flags.useDisjunctiveShapeInteraction
            && !flags.useTags
            && !flags.useIsURL
            && !flags.useEntityTypes
            && !flags.useMoreTags
            && !flags.useSymTags
            && !flags.useShapeConjunctions
            && !flags.useNPHead
            && !flags.useNPGovernor
            && !flags.useExtraTaggySequences;
    boolean known =
        index.hasUnaryFeature(hash("the", AMONG_NEXT))
            && index.hasUnaryFeature(hash("the", AMONG_PREVIOUS))
            && index.hasUnaryFeature(hash("the", "-PW"))
            && index.hasUnaryFeature(hash("the", "-NW"));
    return handled && known
        ? Optional.of(new NeighbourFeatures(flags.disjunctionWidth, index))
        : Optional.empty();
  }

  /**
   * The potentials of the features read from a token with {@code word} and
   * distributional-similarity class {@code distSim} (null if it has none).
   */
  Potentials of(String word, String distSim) {
    long wordRead = FeatureIndex.read(word);
    long distSimRead = FeatureIndex.read(String.valueOf(distSim));
    return new Potentials(
        potentials(hash(wordRead, "-PW"), hash(distSimRead, "-PDISTSIM")),
        potentials(hash(distSimRead, "-DISTSIM")),
        potentials(hash(wordRead, "-NW"), hash(distSimRead, "-NDISTSIM")),
        potentials(hash(wordRead, AMONG_NEXT)),
        potentials(hash(wordRead, AMONG_PREVIOUS)));
  }

  /**
   * Adds to {@code potentials} those of the neighbour features of the token at {@code token}.
   *
   * @param entries the entry of each token's word, each prepared
   * @param pad the padding's word, prepared, which stands for every word past either end
   */
  void addTo(double[] potentials, WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    FeatureIndex.add(potentials, preparedAt(entries, token - 1, pad).neighbours().asPrevious());
    FeatureIndex.add(potentials, preparedAt(entries, token, pad).neighbours().asCurrent());
    FeatureIndex.add(potentials, preparedAt(entries, token + 1, pad).neighbours().asNext());
    addAmong(potentials, entries, token, 1, pad);
    addAmong(potentials, entries, token, -1, pad);
  }

  /** Adds the disjunction potentials of the distinct words on one side of {@code token}. */
  private void addAmong(
      double[] potentials,
      WordEntry[] entries,
      int token,
      int direction,
      CrfWindows.PreparedWord pad) {
    String[] seen = new String[width];
    for (int distance = 1; distance <= width; distance++) {
      CrfWindows.PreparedWord word = preparedAt(entries, token + direction * distance, pad);
      if (isAmong(word.normalised(), seen, distance - 1)) {
        continue;
      }
      seen[distance - 1] = word.normalised();
      Potentials ofWord = word.neighbours();
      FeatureIndex.add(potentials, direction > 0 ? ofWord.amongNext() : ofWord.amongPrevious());
    }
  }

  /** The prepared word at {@code token}, or the padding's past either end, with its potentials. */
  private CrfWindows.PreparedWord preparedAt(
      WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    return CrfWindows.preparedAt(
        entries, token, pad, word -> word.neighbours() != null, withPotentials);
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

  private double[] potentials(long... hashes) {
    return index.unaryPotentials(hashes, hashes.length);
  }

  private static long hash(long valueRead, String tag) {
    return FeatureIndex.feature(valueRead, tag, CLIQUE_SUFFIX);
  }

  private static long hash(String value, String tag) {
    return hash(FeatureIndex.read(value), tag);
  }
}
