package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFCliqueTree;
import edu.stanford.nlp.ie.crf.TestSequenceModel;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.ExactBestSequenceFinder;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.ObjectBankWrapper;
import edu.stanford.nlp.sequences.SequenceModel;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.PaddedList;
import edu.stanford.nlp.util.Triple;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
 * are those the model labels O (lower-case common words, numbers, punctuation).
 *
 * <p>CoreNLP offers this through public classes ({@code makeDatum}'s clique features, {@code
 * getCliqueTree}, {@code TestSequenceModel}, {@code ExactBestSequenceFinder}) except for two fields
 * read once by reflection: the feature index, which is looked up through a flat copy ({@link
 * FeatureIndex}), and the padding token. {@link #of} returns empty if they cannot be read or copied
 * or the classifier is of a kind this does not handle (not first-order, several feature factories,
 * a label dictionary, embeddings, reversed or non-Viterbi inference); the caller then classifies
 * whole sentences. Immutable and thread-safe (as is {@code classifySentence}).
 */
final class CrfWindows {

  private static final int[][] NO_FEATURES = {new int[0], new int[0]};

  private final CRFClassifier<CoreLabel> classifier;
  private final FeatureFactory<CoreLabel> features;
  private final FeatureIndex featureIndex;
  private final CoreLabel pad;
  private final String backgroundSymbol;
  private final int[] backgroundOnly;
  private final int order;

  private CrfWindows(
      CRFClassifier<CoreLabel> classifier, FeatureIndex featureIndex, CoreLabel pad) {
    this.classifier = classifier;
    this.features = classifier.featureFactories.get(0);
    this.featureIndex = featureIndex;
    this.pad = pad;
    this.backgroundSymbol = classifier.backgroundSymbol();
    this.backgroundOnly = new int[] {classifier.classIndex.indexOf(backgroundSymbol)};
    this.order = classifier.windowSize() - 1;
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
      Object pad = field(AbstractSequenceClassifier.class, "pad").get(classifier);
      if (!(featureIndex instanceof Index<?> index) || !(pad instanceof CoreLabel padToken)) {
        return Optional.empty();
      }
      return FeatureIndex.of(index).map(flat -> new CrfWindows(classifier, flat, padToken));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Field field(Class<?> owner, String name) throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /**
   * The sentence's tokens as {@code classifySentence} prepares them before computing features:
   * copies with their position and the background answer, word shapes and normalised words. The
   * copies carry only the word, which is the only tokenizer annotation the features read.
   */
  List<CoreLabel> prepare(List<CoreLabel> sentence) {
    List<CoreLabel> document = new ArrayList<>(sentence.size());
    for (int i = 0; i < sentence.size(); i++) {
      CoreLabel token = new CoreLabel(3);
      token.set(CoreAnnotations.TextAnnotation.class, sentence.get(i).word());
      token.set(CoreAnnotations.PositionAnnotation.class, Integer.toString(i));
      token.set(CoreAnnotations.AnswerAnnotation.class, backgroundSymbol);
      document.add(token);
    }
    new ObjectBankWrapper<CoreLabel>(classifier.flags, null, classifier.getKnownLCWords())
        .processDocument(document);
    return document;
  }

  /**
   * Sets {@code labels[from..to)} to the CRF labels of those tokens of the {@linkplain #prepare
   * prepared} sentence, with the tokens just outside taken as O.
   */
  void label(List<CoreLabel> document, int from, int to, String[] labels) {
    boolean left = from > 0;
    boolean right = to < document.size();
    int length = to - from + (left ? 1 : 0) + (right ? 1 : 0);
    int[][][] data = new int[length][][];
    PaddedList<CoreLabel> padded = new PaddedList<>(document, pad);
    int position = 0;
    if (left) {
      data[position++] = NO_FEATURES;
    }
    for (int token = from; token < to; token++) {
      data[position++] = cliqueFeatures(padded, token, 0);
    }
    if (right) {
      data[position] = cliqueFeatures(padded, to, 1);
    }
    int[] answers = new int[length];
    Arrays.fill(answers, backgroundOnly[0]);
    CRFCliqueTree<String> tree =
        classifier.getCliqueTree(new Triple<int[][][], int[], double[][][]>(data, answers, null));
    int firstFixed = left ? order : -1;
    int lastFixed = right ? order + length - 1 : -1;
    int[] best =
        new ExactBestSequenceFinder()
            .bestSequence(new FixedEnds(new TestSequenceModel(tree), firstFixed, lastFixed));
    int shift = order + (left ? 1 : 0) - from;
    for (int token = from; token < to; token++) {
      labels[token] = classifier.classIndex.get(best[token + shift]);
    }
  }

  /**
   * The feature indexes of {@code token} for each clique, as {@code
   * CRFClassifier#documentToDataAndLabels} computes them; cliques smaller than {@code
   * smallestClique + 1} tokens get none.
   */
  private int[][] cliqueFeatures(PaddedList<CoreLabel> padded, int token, int smallestClique) {
    int[][] cliques = new int[order + 1][];
    for (int size = 0; size <= order; size++) {
      if (size < smallestClique) {
        cliques[size] = new int[0];
        continue;
      }
      List<Collection<String>> names = new ArrayList<>(1);
      FeatureFactory.eachClique(
          size, 0, clique -> names.add(features.getCliqueFeatures(padded, token, clique)));
      cliques[size] = featureIndex.rowsOf(names);
    }
    return cliques;
  }

  /** A sequence model whose positions {@code first} and {@code last} may only be background. */
  private final class FixedEnds implements SequenceModel {

    private final SequenceModel model;
    private final int first;
    private final int last;

    FixedEnds(SequenceModel model, int first, int last) {
      this.model = model;
      this.first = first;
      this.last = last;
    }

    @Override
    public int length() {
      return model.length();
    }

    @Override
    public int leftWindow() {
      return model.leftWindow();
    }

    @Override
    public int rightWindow() {
      return model.rightWindow();
    }

    @Override
    public int[] getPossibleValues(int position) {
      return position == first || position == last
          ? backgroundOnly
          : model.getPossibleValues(position);
    }

    @Override
    public double scoreOf(int[] sequence, int position) {
      return model.scoreOf(sequence, position);
    }

    @Override
    public double[] scoresOf(int[] sequence, int position) {
      return model.scoresOf(sequence, position);
    }

    @Override
    public double scoreOf(int[] sequence) {
      return model.scoreOf(sequence);
    }
  }
}
