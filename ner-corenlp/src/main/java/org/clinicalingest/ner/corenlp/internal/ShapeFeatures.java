package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The potentials of the one-label features of a token that join its word shape with the shapes or
 * words around it, and of its occurrence patterns, from potentials kept per word and a few lookups
 * per token.
 *
 * <p>Design: for the shipped model's flags, CoreNLP's {@code NERFeatureFactory#featuresC} gives a
 * token the shape features s-TYPE of its own shape, ps-PTYPE and ns-NTYPE of its neighbours'; five
 * that join two or three of them or a neighbour's word (pw...s-PW_CTYPE, s...nw-NW_CTYPE,
 * ps...s-PCTYPE, s...ns-CNTYPE and ps...s...ns-PCNTYPE); p2w...s-PPW_CTYPE when the previous word
 * has at most three characters and n2w...s-NNW_CTYPE when the next one has ({@code
 * useLastRealWord}, {@code useNextRealWord}); and its occurrence patterns ({@code
 * useOccurrencePatterns}). These were built, hashed and looked up per token after the other
 * one-label features had been kept per word, and the occurrence patterns compared a capitalised
 * word with every word up to 150 tokens away on both sides, padding included. Here the three read
 * from one shape are summed once per word and kept with the word's preparation ({@link
 * CrfWindows#prepare}); the joined ones are hashed and looked up per token, each shape or word
 * hashed once for all its features; and the occurrence patterns, whose features are three fixed
 * strings, are worked out over the sentence's own words with their potentials looked up once. A
 * missing shape is read as CoreNLP reads it in {@code featuresC}, as "" ({@code getString}), and a
 * position past either end of the sentence holds the padding's word. The occurrence patterns take
 * the branch of CoreNLP's code for tokens without a part-of-speech tag, as the tokens {@link
 * CrfWindows#prepare} makes are; the other branch needs the previous token tagged NNP. {@link
 * FeatureHashing#withoutShapeFeatures} turns the features off in the factory's copy. {@link #of}
 * refuses flags under which they are other features, and an index that lacks the type feature of a
 * lower-case word, the sign that its strings are not these. Immutable and thread-safe.
 */
final class ShapeFeatures {

  /** The suffix of the features of a token's one-label clique. */
  private static final String CLIQUE_SUFFIX = "|C";

  /** What joins two values of a feature. */
  private static final String THEN = "...";

  /** Words of at most this many characters let the word beyond them join the token's shape. */
  private static final int SHORT_WORD = 3;

  /** Occurrence patterns look this many tokens away at most, on each side. */
  private static final int OCCURRENCE_REACH = 149;

  /** The nearest occurrence of the same word that counts, on each side. */
  private static final int OCCURRENCE_GAP = 3;

  /**
   * The potentials a word's shape gives a token: as the token before it, as the token itself and as
   * the token after it.
   */
  record Potentials(double[] asPrevious, double[] asCurrent, double[] asNext) {}

  private final FeatureIndex index;

  /** A word's preparation with these features' potentials added. */
  private final UnaryOperator<CrfWindows.PreparedWord> withPotentials;

  private final boolean sequences;
  private final boolean lastRealWord;
  private final boolean nextRealWord;
  private final boolean occurrencePatterns;
  private final double[] noOccurrencePattern;
  private final double[] nextOccurrence;
  private final double[] previousOccurrence;

  private ShapeFeatures(FeatureIndex index, SeqClassifierFlags flags) {
    this.index = index;
    this.withPotentials = word -> word.withShapes(of(word.shape()));
    this.sequences = flags.useTypeSeqs;
    this.lastRealWord = flags.useLastRealWord;
    this.nextRealWord = flags.useNextRealWord;
    this.occurrencePatterns = flags.useOccurrencePatterns;
    this.noOccurrencePattern = potentials(hash(FeatureIndex.HASH_START, "NO-OCCURRENCE-PATTERN"));
    this.nextOccurrence = potentials(hash(FeatureIndex.HASH_START, "X-NEXT-OCCURRENCE-X"));
    this.previousOccurrence = potentials(hash(FeatureIndex.HASH_START, "X-PREV-OCCURRENCE-X"));
  }

  /**
   * The shape features of a model with {@code flags} and features {@code index}, or empty if they
   * are not those handled here.
   */
  static Optional<ShapeFeatures> of(SeqClassifierFlags flags, FeatureIndex index) {
    boolean handled =
        flags.useInternal
            && flags.useExternal
            && flags.wordShape > WordShapeClassifier.NOWORDSHAPE
            && !flags.useShapeStrings
            && !flags.useReverse;
    boolean known = index.hasUnaryFeature(hash(FeatureIndex.read("dd"), "-TYPE"));
    return handled && known ? Optional.of(new ShapeFeatures(index, flags)) : Optional.empty();
  }

  /** The potentials of the features read from one token's {@code shape} (null if it has none). */
  Potentials of(String shape) {
    long shapeRead = FeatureIndex.read(orEmpty(shape));
    return new Potentials(
        sequences ? potentials(hash(shapeRead, "-PTYPE")) : null,
        potentials(hash(shapeRead, "-TYPE")),
        sequences ? potentials(hash(shapeRead, "-NTYPE")) : null);
  }

  /**
   * Adds to {@code potentials} those of the shape features and occurrence patterns of the token at
   * {@code token}.
   *
   * @param entries the entry of each token's word, each prepared
   * @param pad the padding's word, prepared, which stands for every word past either end
   */
  void addTo(double[] potentials, WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    CrfWindows.PreparedWord current = preparedAt(entries, token, pad);
    FeatureIndex.add(potentials, current.shapes().asCurrent());
    CrfWindows.PreparedWord previous = preparedAt(entries, token - 1, pad);
    CrfWindows.PreparedWord next = preparedAt(entries, token + 1, pad);
    String shape = orEmpty(current.shape());
    long[] joined = new long[7];
    int count = 0;
    if (sequences) {
      FeatureIndex.add(potentials, previous.shapes().asPrevious());
      FeatureIndex.add(potentials, next.shapes().asNext());
      String nextShape = orEmpty(next.shape());
      long previousShapeThen = readThen(orEmpty(previous.shape()));
      long shapeThen = readThen(shape);
      joined[count++] = hash(extend(readThen(previous.normalised()), shape), "-PW_CTYPE");
      joined[count++] = hash(extend(shapeThen, next.normalised()), "-NW_CTYPE");
      joined[count++] = hash(extend(previousShapeThen, shape), "-PCTYPE");
      joined[count++] = hash(extend(shapeThen, nextShape), "-CNTYPE");
      joined[count++] =
          hash(extend(extend(extend(previousShapeThen, shape), THEN), nextShape), "-PCNTYPE");
    }
    if (lastRealWord && previous.normalised().length() <= SHORT_WORD) {
      joined[count++] =
          hash(extend(readThen(wordAt(entries, token - 2, pad)), shape), "-PPW_CTYPE");
    }
    if (nextRealWord && next.normalised().length() <= SHORT_WORD) {
      joined[count++] =
          hash(extend(readThen(wordAt(entries, token + 2, pad)), shape), "-NNW_CTYPE");
    }
    FeatureIndex.add(potentials, index.unaryPotentials(joined, count));
    if (occurrencePatterns) {
      addOccurrencePatterns(potentials, entries, token, pad);
    }
  }

  /**
   * Adds the potentials of the token's occurrence patterns: none if the token is not a capitalised
   * word between a word with letters and a lower-case word with letters, else whether the same word
   * occurs again three to 149 tokens after it, and before it.
   */
  private void addOccurrencePatterns(
      double[] potentials, WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    String word = wordAt(entries, token, pad);
    String previous = wordAt(entries, token - 1, pad);
    String next = wordAt(entries, token + 1, pad);
    if (!(isNameCase(word)
        && noUpperCase(next)
        && hasLetter(next)
        && hasLetter(previous)
        && token > 0)) {
      FeatureIndex.add(potentials, noOccurrencePattern);
      return;
    }
    if (occursBetween(word, entries, token + OCCURRENCE_GAP, token + OCCURRENCE_REACH, pad)) {
      FeatureIndex.add(potentials, nextOccurrence);
    }
    if (occursBetween(word, entries, token - OCCURRENCE_REACH, token - OCCURRENCE_GAP, pad)) {
      FeatureIndex.add(potentials, previousOccurrence);
    }
  }

  /** Whether {@code word} is the word at a position of {@code from..to}, padding included. */
  private boolean occursBetween(
      String word, WordEntry[] entries, int from, int to, CrfWindows.PreparedWord pad) {
    boolean reachesPast = from < 0 || to >= entries.length;
    if (reachesPast && word.equals(pad.normalised())) {
      return true;
    }
    for (int position = Math.max(0, from);
        position <= Math.min(to, entries.length - 1);
        position++) {
      if (word.equals(wordAt(entries, position, pad))) {
        return true;
      }
    }
    return false;
  }

  /** A word of two or more characters, capitalised, with no capital after its first character. */
  private static boolean isNameCase(String word) {
    if (word.length() < 2
        || !(Character.isUpperCase(word.charAt(0)) || Character.isTitleCase(word.charAt(0)))) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean noUpperCase(String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The word at {@code token} as the features read it, or the padding's past either end. */
  private static String wordAt(WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    return token < 0 || token >= entries.length
        ? pad.normalised()
        : entries[token].prepared().normalised();
  }

  /** The prepared word at {@code token}, or the padding's past either end, with its potentials. */
  private CrfWindows.PreparedWord preparedAt(
      WordEntry[] entries, int token, CrfWindows.PreparedWord pad) {
    return CrfWindows.preparedAt(
        entries, token, pad, word -> word.shapes() != null, withPotentials);
  }

  private double[] potentials(long... hashes) {
    return index.unaryPotentials(hashes, hashes.length);
  }

  private static String orEmpty(String shape) {
    return shape == null ? "" : shape;
  }

  /** The hash state after {@code value} and the "..." that joins it to the next value. */
  private static long readThen(String value) {
    return extend(FeatureIndex.read(value), THEN);
  }

  private static long extend(long state, String value) {
    return FeatureIndex.extend(state, value);
  }

  private static long hash(long valuesRead, String tag) {
    return FeatureIndex.feature(valuesRead, tag, CLIQUE_SUFFIX);
  }
}
