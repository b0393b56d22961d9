package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.ObjectBankWrapper;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.PaddedList;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Labels chosen windows of a sentence with the CRF, paying for the window's tokens only, and with
 * the labels the CRF gives them on the whole sentence whenever the tokens around the window are
 * labelled O there.
 *
 * <p>Design: {@code CRFClassifier#classifySentence} spends about 70 % of its time building the
 * feature strings of every token and looking them up, so it costs the same for a sentence of vitals
 * as for one with a name. Here the sentence is preprocessed as {@code classifySentence} does it
 * ({@code ObjectBankWrapper}: word shapes, word classes), and the features of a window's tokens are
 * built from the whole sentence, so they are the ones the whole-sentence run uses. Viterbi then
 * runs over the window with the token before it and the token after it fixed to the background
 * label O; the token after contributes only its transition features (the ones that link its label
 * to the previous one). For a first-order CRF this is exact: if the whole-sentence best labelling
 * has O on both sides of the window, the labels inside the window are the best ones given those two
 * O labels, which is what is computed here. The caller chooses windows so that the tokens outside
 * are those the model labels O (lower-case common words, numbers, punctuation). Three groups of a
 * token's features are read from one word each, its own or a neighbour's, and their potentials are
 * summed once per word and kept with the word's preparation: the one-label features of its word
 * alone (the word, its character n-grams, the class feature: {@link
 * FeatureHashing#withoutWordFeatures}) and of its neighbours' words and classes ({@link
 * NeighbourFeatures}), and nine of its twelve two-label features ({@link PairFeatures}); two thirds
 * of its features in all. The rest of its one-label features, those that join its shape with the
 * shapes or words around it and its occurrence patterns, are hashed from the words' preparations
 * ({@link ShapeFeatures}), and the three two-label features read from two tokens by {@link
 * PairFeatures}. Where that leaves no feature for CoreNLP's feature code to read per token ({@link
 * FeatureHashing#givesFeatures}), as for the shipped model, a sentence is not built as a document
 * at all ({@link #sentence}). So the potentials are CoreNLP's up to the order in which the weights
 * are added (labels measured unchanged on every text tried).
 *
 * <p>Three parts reach into CoreNLP beyond its public API, each set up once: the feature index and
 * the weights, looked up through a flat copy ({@link FeatureIndex}), the padding token and the
 * distributional-similarity lexicon are private fields read by reflection (without the lexicon, the
 * feature factory looks the classes up itself); the feature factory's protected methods, called on
 * a copy of the factory that reads each word as the prepared token holds it, give the clique
 * features as hashes instead of strings ({@link FeatureHashing}); and Viterbi runs over the
 * potentials of the CRF's own weights ({@link FirstOrderViterbi}). {@link #of} returns empty if any
 * of them cannot be set up or the classifier is of a kind this does not handle (not first-order,
 * another feature factory than {@code NERFeatureFactory}, a label dictionary, embeddings, reversed
 * or non-Viterbi inference); the caller then classifies whole sentences. Immutable and thread-safe
 * (as is {@code classifySentence}).
 */
final class CrfWindows {

  private static final long[] NO_FEATURES = new long[0];

  /** The reader for which {@code ObjectBankWrapper} prepares characters, not words. */
  private static final String SIGHAN_READER =
      "edu.stanford.nlp.wordseg.Sighan2005DocumentReaderAndWriter";

  private final CRFClassifier<CoreLabel> classifier;
  private final FeatureHashing features;

  /**
   * The one-label features looked up for each token of a window: those but the word's own, whose
   * potentials a word's preparation keeps, and but the neighbour features if {@link
   * #neighbourFeatures} adds them; null if words are not prepared here, or the features cannot be
   * split.
   */
  private final FeatureHashing contextFeatures;

  /**
   * {@link #contextFeatures} with the word's own features: the word's own are the difference. Null
   * if words are not prepared here.
   */
  private final FeatureHashing contextAndWordFeatures;

  /**
   * Whether a sentence's tokens are read per token by CoreNLP's feature code, which needs the
   * sentence prepared as a document ({@link #prepare}): false if every feature is kept per word or
   * hashed here, as for the shipped model.
   */
  private final boolean readsSentences;

  /** The neighbour features, added up from potentials kept per word, or null if looked up. */
  private final NeighbourFeatures neighbourFeatures;

  /**
   * The shape features and occurrence patterns, from potentials kept per word, or null if looked
   * up.
   */
  private final ShapeFeatures shapeFeatures;

  /** The two-label features, from potentials kept per word, or null if looked up as a whole. */
  private final PairFeatures pairFeatures;

  /**
   * The padding's word, prepared, if {@link #neighbourFeatures}, {@link #shapeFeatures} or {@link
   * #pairFeatures} is not null.
   */
  private final PreparedWord padWord;

  /**
   * Each thread's feature collectors, whose tables would otherwise be allocated for each window.
   */
  private final ThreadLocal<Collectors> collectors;

  private final FeatureIndex featureIndex;
  private final FirstOrderViterbi viterbi;

  /** The padding token, with its word normalised as the prepared tokens' words are. */
  private final CoreLabel pad;

  private final String backgroundSymbol;

  /** Each word as the features read it: through the model's word function, if it has one. */
  private final Function<String, String> normalisedWords;

  /** A word's preparation, or null if only {@code ObjectBankWrapper} prepares sentences exactly. */
  private final Function<String, PreparedWord> preparation;

  private CrfWindows(
      CRFClassifier<CoreLabel> classifier,
      FeatureHashing features,
      FeatureIndex featureIndex,
      FirstOrderViterbi viterbi,
      CoreLabel pad) {
    this.classifier = classifier;
    this.features = features;
    this.collectors =
        ThreadLocal.withInitial(() -> new Collectors(features.collector(), features.collector()));
    this.featureIndex = featureIndex;
    this.viterbi = viterbi;
    this.backgroundSymbol = classifier.backgroundSymbol();
    this.normalisedWords =
        classifier.flags.wordFunction == null ? Function.identity() : classifier.flags.wordFunction;
    this.pad = new CoreLabel(pad);
    this.pad.set(
        CoreAnnotations.TextAnnotation.class,
        normalisedWords.apply(pad.getString(CoreAnnotations.TextAnnotation.class)));
    SeqClassifierFlags flags = classifier.flags;
    boolean prepares = preparesWords(flags);
    NeighbourFeatures neighbours =
        prepares ? NeighbourFeatures.of(flags, featureIndex).orElse(null) : null;
    FeatureHashing withoutNeighbours =
        neighbours == null ? null : features.withoutNeighbourFeatures().orElse(null);
    this.neighbourFeatures = withoutNeighbours == null ? null : neighbours;
    FeatureHashing contextAndWord =
        !prepares ? null : withoutNeighbours == null ? features : withoutNeighbours;
    ShapeFeatures shapes = prepares ? ShapeFeatures.of(flags, featureIndex).orElse(null) : null;
    FeatureHashing withoutShapes =
        shapes == null ? null : contextAndWord.withoutShapeFeatures().orElse(null);
    this.shapeFeatures = withoutShapes == null ? null : shapes;
    this.contextAndWordFeatures = withoutShapes == null ? contextAndWord : withoutShapes;
    this.contextFeatures =
        contextAndWordFeatures == null
            ? null
            : contextAndWordFeatures.withoutWordFeatures().orElse(null);
    this.pairFeatures = prepares ? PairFeatures.of(flags, featureIndex).orElse(null) : null;
    this.readsSentences =
        contextFeatures == null || pairFeatures == null || contextFeatures.givesFeatures();
    this.preparation = prepares ? preparation(classifier, normalisedWords) : null;
    String padText = this.pad.getString(CoreAnnotations.TextAnnotation.class);
    this.padWord =
        neighbourFeatures == null && shapeFeatures == null && pairFeatures == null
            ? null
            : new PreparedWord(
                padText,
                null,
                null,
                neighbourFeatures == null ? null : neighbourFeatures.of(padText, null),
                shapeFeatures == null ? null : shapeFeatures.of(null),
                pairFeatures == null ? null : pairFeatures.of(padText, null, null),
                null);
  }

  /** One thread's collectors: one for the clique labelled, one for a word's own features. */
  private record Collectors(FeatureHashing.Collector clique, FeatureHashing.Collector word) {}

  /**
   * What preparing a sentence sets on a token from its word alone: the word as the features read it
   * (normalised by the model's word function), its shape as {@code ObjectBankWrapper} computes it,
   * and its distributional-similarity class as {@code NERFeatureFactory#distSimAnnotate} looks it
   * up, or null if the features read none. Then, each null until first needed, the potentials its
   * features give the one-label cliques of the tokens around it ({@link NeighbourFeatures}), those
   * its shape gives them ({@link ShapeFeatures}) and those of the two-label cliques around it
   * ({@link PairFeatures}), and the potentials of the one-label features read from the word alone
   * ({@link FeatureHashing#withoutWordFeatures}).
   */
  record PreparedWord(
      String normalised,
      String shape,
      String distSimClass,
      NeighbourFeatures.Potentials neighbours,
      ShapeFeatures.Potentials shapes,
      PairFeatures.Potentials pairs,
      double[] wordPotentials) {

    PreparedWord withNeighbours(NeighbourFeatures.Potentials potentials) {
      return new PreparedWord(
          normalised, shape, distSimClass, potentials, shapes, pairs, wordPotentials);
    }

    PreparedWord withShapes(ShapeFeatures.Potentials potentials) {
      return new PreparedWord(
          normalised, shape, distSimClass, neighbours, potentials, pairs, wordPotentials);
    }

    PreparedWord withPairs(PairFeatures.Potentials potentials) {
      return new PreparedWord(
          normalised, shape, distSimClass, neighbours, shapes, potentials, wordPotentials);
    }

    PreparedWord withWordPotentials(double[] potentials) {
      return new PreparedWord(
          normalised, shape, distSimClass, neighbours, shapes, pairs, potentials);
    }
  }

  /**
   * Whether a sentence is prepared exactly from a preparation per word: not if the wrapper does
   * more to a sentence than set shapes, or if a shape depends on the sentences seen before: the
   * shape of a capitalised word depends on the CRF's lower-case vocabulary, to which the wrapper
   * adds the lower-case words it sees unless the vocabulary may not grow ({@code
   * maxAdditionalKnownLCWords} 0, the default of this CoreNLP version).
   */
  private static boolean preparesWords(SeqClassifierFlags flags) {
    return flags.maxAdditionalKnownLCWords == 0
        && flags.wordShape != WordShapeClassifier.NOWORDSHAPE
        && !flags.useShapeStrings
        && !flags.mergeTags
        && !flags.iobTags
        && !flags.normalizeTerms
        && !flags.normalizeTimex
        && !flags.intern
        && !SIGHAN_READER.equalsIgnoreCase(flags.readerAndWriter);
  }

  /**
   * A word's preparation ({@link PreparedWord}), where {@link #preparesWords}. The feature factory
   * annotates a whole sentence with classes on its first feature unless its first token already has
   * one, and it would look each word up again in every sentence; a preparation is kept in the
   * word's {@link WordEntry} instead.
   */
  private static Function<String, PreparedWord> preparation(
      CRFClassifier<CoreLabel> classifier, Function<String, String> normalisedWords) {
    SeqClassifierFlags flags = classifier.flags;
    Set<String> knownLowerCase = classifier.getKnownLCWords();
    Function<String, String> distSimClasses = distSimClasses(classifier);
    return word -> {
      String normalised = normalisedWords.apply(word);
      return new PreparedWord(
          normalised,
          WordShapeClassifier.wordShape(normalised, flags.wordShape, knownLowerCase),
          distSimClasses == null ? null : distSimClasses.apply(normalised),
          null,
          null,
          null,
          null);
    };
  }

  /**
   * The distributional-similarity class of a normalised word as {@code
   * NERFeatureFactory#distSimAnnotate} looks it up (lower-cased unless the lexicon is cased, digits
   * as a shape if the flags say so), or null if the features use no classes or the lexicon is not
   * loaded.
   */
  private static Function<String, String> distSimClasses(CRFClassifier<CoreLabel> classifier) {
    SeqClassifierFlags flags = classifier.flags;
    if (!flags.useDistSim || !(classifier.featureFactories.get(0) instanceof NERFeatureFactory)) {
      return null;
    }
    Map<?, ?> lexicon;
    try {
      lexicon =
          (Map<?, ?>)
              field(NERFeatureFactory.class, "lexicon").get(classifier.featureFactories.get(0));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    if (lexicon == null) {
      return null;
    }
    return normalised -> {
      String key = flags.casedDistSim ? normalised : normalised.toLowerCase();
      if (flags.numberEquivalenceDistSim) {
        key = WordShapeClassifier.wordShape(key, WordShapeClassifier.WORDSHAPEDIGITS);
      }
      Object distSimClass = lexicon.get(key);
      return distSimClass == null ? flags.unknownWordDistSimClass : (String) distSimClass;
    };
  }

  /** Window labelling for {@code classifier}, or empty if it is of a kind not handled here. */
  static Optional<CrfWindows> of(CRFClassifier<CoreLabel> classifier) {
    if (classifier.windowSize() != 2
        || classifier.featureFactories.size() != 1
        || classifier.flags.useReverse
        || classifier.flags.useEmbedding
        || !"Viterbi".equalsIgnoreCase(classifier.flags.inferenceType)) {
      return Optional.empty();
    }
    try {
      if (field(CRFClassifier.class, "labelDictionary").get(classifier) != null) {
        return Optional.empty();
      }
      Object featureIndex = field(CRFClassifier.class, "featureIndex").get(classifier);
      Object weights = field(CRFClassifier.class, "weights").get(classifier);
      Object pad = field(AbstractSequenceClassifier.class, "pad").get(classifier);
      Optional<FeatureHashing> features = FeatureHashing.of(classifier.featureFactories.get(0));
      Optional<FirstOrderViterbi> viterbi = FirstOrderViterbi.of(classifier);
      if (!(featureIndex instanceof Index<?> index)
          || !(weights instanceof float[][] weightRows)
          || !(pad instanceof CoreLabel padToken)
          || features.isEmpty()
          || viterbi.isEmpty()) {
        return Optional.empty();
      }
      return FeatureIndex.of(index, weightRows, classifier.classIndex.size())
          .map(flat -> new CrfWindows(classifier, features.get(), flat, viterbi.get(), padToken));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The prepared word at {@code token}, or {@code pad} past either end of the sentence, with what
   * {@code add} adds to it kept in the word's entry the first time {@code has} finds it missing:
   * the feature classes work their potentials of a word out on demand, since most words of a
   * sentence never neighbour a token that is labelled, and many words occur once.
   */
  static PreparedWord preparedAt(
      WordEntry[] entries,
      int token,
      PreparedWord pad,
      Predicate<PreparedWord> has,
      UnaryOperator<PreparedWord> add) {
    if (token < 0 || token >= entries.length) {
      return pad;
    }
    PreparedWord word = entries[token].prepared();
    if (!has.test(word)) {
      word = add.apply(word);
      entries[token].prepared(word);
    }
    return word;
  }

  /** The declared field {@code name} of {@code owner}, made readable. */
  static Field field(Class<?> owner, String name) throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /**
   * A sentence made ready for {@link #label}: the entry of each token's word, each prepared, and
   * the sentence {@linkplain #prepare prepared} and padded as CoreNLP's features read it, or null
   * if no feature is read per token (each word's own features are then read from a document of that
   * word alone).
   */
  record Sentence(WordEntry[] entries, PaddedList<CoreLabel> padded) {}

  /** The sentence of {@code tokens}, made ready for {@link #label}. */
  Sentence sentence(List<CoreLabel> tokens, WordEntry[] entries) {
    if (readsSentences) {
      return new Sentence(entries, padded(prepare(tokens, entries)));
    }
    for (int i = 0; i < tokens.size(); i++) {
      preparedWord(tokens.get(i), entries[i]);
    }
    return new Sentence(entries, null);
  }

  /**
   * The sentence's tokens as {@code classifySentence} prepares them before computing features:
   * copies with their position and the background answer, word shapes and normalised words. The
   * copies carry only the word, which is the only tokenizer annotation the features read, and they
   * carry it normalised by the model's word function, as the features read it ({@link
   * FeatureHashing} reads it as it is, where CoreNLP's factory normalises it on every read). Where
   * {@code ObjectBankWrapper} only sets the shapes and the gold answer, as for the shipped model,
   * they are set here, and so is each token's distributional-similarity class, from one preparation
   * per word, kept in the word's entry ({@link #preparation}); otherwise the wrapper prepares the
   * sentence.
   *
   * @param entries the entry of each token's word
   */
  List<CoreLabel> prepare(List<CoreLabel> sentence, WordEntry[] entries) {
    List<CoreLabel> document = new ArrayList<>(sentence.size());
    if (preparation == null) {
      for (int i = 0; i < sentence.size(); i++) {
        document.add(documentToken(sentence.get(i).word(), i));
      }
      new ObjectBankWrapper<CoreLabel>(classifier.flags, null, classifier.getKnownLCWords())
          .processDocument(document);
      for (CoreLabel token : document) {
        token.set(CoreAnnotations.TextAnnotation.class, normalisedWords.apply(token.word()));
      }
      return document;
    }
    for (int i = 0; i < sentence.size(); i++) {
      document.add(preparedToken(preparedWord(sentence.get(i), entries[i]), i));
    }
    return document;
  }

  /** The preparation of the token's word, worked out and kept in its entry if not yet there. */
  private PreparedWord preparedWord(CoreLabel token, WordEntry entry) {
    PreparedWord word = entry.prepared();
    if (word == null) {
      word = preparation.apply(token.word());
      entry.prepared(word);
    }
    return word;
  }

  /** A token of a prepared sentence, at {@code position}, with the word's preparation set. */
  private CoreLabel preparedToken(PreparedWord word, int position) {
    CoreLabel token = documentToken(word.normalised(), position);
    token.set(CoreAnnotations.ShapeAnnotation.class, word.shape());
    token.set(CoreAnnotations.GoldAnswerAnnotation.class, backgroundSymbol);
    if (word.distSimClass() != null) {
      token.set(CoreAnnotations.DistSimAnnotation.class, word.distSimClass());
    }
    return token;
  }

  private CoreLabel documentToken(String word, int position) {
    CoreLabel token = new CoreLabel(6);
    token.set(CoreAnnotations.TextAnnotation.class, word);
    token.set(CoreAnnotations.PositionAnnotation.class, Integer.toString(position));
    token.set(CoreAnnotations.AnswerAnnotation.class, backgroundSymbol);
    return token;
  }

  /** The {@linkplain #prepare prepared} sentence padded on both sides, as the features read it. */
  PaddedList<CoreLabel> padded(List<CoreLabel> document) {
    return new PaddedList<>(document, pad);
  }

  /**
   * Sets {@code labels[from..to)} to the CRF labels of those tokens of the sentence, with the
   * tokens just outside taken as O.
   */
  void label(Sentence sentence, int from, int to, String[] labels) {
    boolean left = from > 0;
    boolean right = to < sentence.entries().length;
    int length = to - from + (left ? 1 : 0) + (right ? 1 : 0);
    double[][] unary = new double[length][];
    double[][] pair = new double[length][];
    Collectors threadCollectors = collectors.get();
    int position = 0;
    if (left) {
      unary[position] = featureIndex.unaryPotentials(NO_FEATURES, 0);
      pair[position++] = featureIndex.pairPotentials(NO_FEATURES, 0);
    }
    for (int token = from; token < to; token++) {
      unary[position] = unaryPotentials(sentence, token, threadCollectors);
      pair[position++] = pairPotentials(sentence, token, threadCollectors.clique());
    }
    if (right) {
      unary[position] = featureIndex.unaryPotentials(NO_FEATURES, 0);
      pair[position] = pairPotentials(sentence, to, threadCollectors.clique());
    }
    int[] best = viterbi.bestLabels(unary, pair, left, right);
    int shift = (left ? 1 : 0) - from;
    for (int token = from; token < to; token++) {
      labels[token] = classifier.classIndex.get(best[token + shift]);
    }
  }

  /**
   * The potentials of the token's one-label clique: those of the features looked up per token
   * ({@link #contextFeatures}), if any, plus those of its neighbour features from its neighbours'
   * words ({@link NeighbourFeatures}), of its shape features ({@link ShapeFeatures}), and of its
   * word's own, which the word's preparation keeps once worked out. The sum is CoreNLP's up to the
   * order in which the weights are added.
   */
  private double[] unaryPotentials(Sentence sentence, int token, Collectors threadCollectors) {
    FeatureHashing.Collector collector = threadCollectors.clique();
    if (contextFeatures == null) {
      features.cliqueC(sentence.padded(), token, collector);
      return featureIndex.unaryPotentials(collector.hashes(), collector.count());
    }
    double[] potentials;
    if (readsSentences) {
      contextFeatures.cliqueC(sentence.padded(), token, collector);
      potentials = featureIndex.unaryPotentials(collector.hashes(), collector.count());
    } else {
      potentials = featureIndex.unaryPotentials(NO_FEATURES, 0);
    }
    WordEntry[] entries = sentence.entries();
    PreparedWord word = entries[token].prepared();
    if (word.wordPotentials() == null) {
      word = word.withWordPotentials(wordPotentials(sentence, token, threadCollectors));
      entries[token].prepared(word);
    }
    if (neighbourFeatures != null) {
      neighbourFeatures.addTo(potentials, entries, token, padWord);
    }
    if (shapeFeatures != null) {
      shapeFeatures.addTo(potentials, entries, token, padWord);
    }
    FeatureIndex.add(potentials, word.wordPotentials());
    return potentials;
  }

  /**
   * The potentials of the one-label features of the token's word alone. Where features are read per
   * token, they are the token's features of {@link #contextAndWordFeatures} that the clique
   * collector, holding its features of {@link #contextFeatures}, lacks; where none is, every
   * feature {@link #contextAndWordFeatures} gives the word in a document of its own.
   */
  private double[] wordPotentials(Sentence sentence, int token, Collectors threadCollectors) {
    FeatureHashing.Collector withWord = threadCollectors.word();
    if (!readsSentences) {
      PreparedWord word = sentence.entries()[token].prepared();
      contextAndWordFeatures.cliqueC(padded(List.of(preparedToken(word, 0))), 0, withWord);
      return featureIndex.unaryPotentials(withWord.hashes(), withWord.count());
    }
    FeatureHashing.Collector context = threadCollectors.clique();
    contextAndWordFeatures.cliqueC(sentence.padded(), token, withWord);
    long[] own = new long[withWord.count()];
    int count = 0;
    for (int i = 0; i < withWord.count(); i++) {
      if (!context.holds(withWord.hashes()[i])) {
        own[count++] = withWord.hashes()[i];
      }
    }
    return featureIndex.unaryPotentials(own, count);
  }

  /**
   * The potentials of the two-label clique of the token and the one before: from the potentials
   * kept per word ({@link PairFeatures}) if the features split so, else by looking up all its
   * features.
   */
  private double[] pairPotentials(
      Sentence sentence, int token, FeatureHashing.Collector collector) {
    if (pairFeatures != null) {
      return pairFeatures.potentials(sentence.entries(), token, padWord);
    }
    features.cliqueCpC(sentence.padded(), token, collector);
    return featureIndex.pairPotentials(collector.hashes(), collector.count());
  }
}
