package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.ie.crf.LinearCliquePotentialFunction;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Index;
import java.util.List;
import java.util.Optional;

/**
 * The best labels of a short sequence under a first-order linear-chain CRF, from the potentials of
 * its cliques, with the first and the last position optionally fixed to the background label.
 *
 * <p>Design: CoreNLP finds the best labels by building a calibrated clique tree (forward and
 * backward messages, log-sums over every label pair) and running Viterbi over the conditional
 * probabilities it gives. The conditional log-probabilities along a labelling sum to its score less
 * a constant, so the best labelling is the one with the highest score, the sum of its clique
 * potentials; Viterbi over the potentials finds it without the calibration. A potential is the sum
 * of the weights of the clique's features for one labelling, added in feature order as CoreNLP's
 * {@code LinearCliquePotentialFunction} adds them ({@link FeatureIndex}), so the potentials are the
 * same numbers. Position 0 follows the padding, which is labelled background, as in CoreNLP's
 * {@code TestSequenceModel}. The label indexes, which give each labelling's column among the
 * potentials, are package-private in {@code CRFClassifier} and read once by reflection; {@link #of}
 * returns empty if they cannot be read, are not of the expected shapes, or the classifier scores
 * cliques with something other than its linear weights. Immutable and thread-safe.
 */
final class FirstOrderViterbi {

  private final int classes;
  private final int background;
  private final int[] unaryColumn;
  private final int[][] pairColumn;

  private FirstOrderViterbi(int background, int[] unaryColumn, int[][] pairColumn) {
    this.classes = unaryColumn.length;
    this.background = background;
    this.unaryColumn = unaryColumn;
    this.pairColumn = pairColumn;
  }

  /** Viterbi for {@code classifier} (a first-order CRF), or empty if it cannot be set up. */
  static Optional<FirstOrderViterbi> of(CRFClassifier<CoreLabel> classifier) {
    try {
      Object potentials =
          CrfWindows.field(CRFClassifier.class, "cliquePotentialFunction").get(classifier);
      Object labelIndices = CrfWindows.field(CRFClassifier.class, "labelIndices").get(classifier);
      if (potentials != null && !(potentials instanceof LinearCliquePotentialFunction)
          || !(labelIndices instanceof List<?> indices)
          || indices.size() != 2) {
        return Optional.empty();
      }
      int classes = classifier.classIndex.size();
      int[] unaryColumn = new int[classes];
      int[][] pairColumn = new int[classes][classes];
      if (!columns(indices.get(0), classes, 1, unaryColumn, null)
          || !columns(indices.get(1), classes, 2, null, pairColumn)) {
        return Optional.empty();
      }
      int background = classifier.classIndex.indexOf(classifier.backgroundSymbol());
      return Optional.of(new FirstOrderViterbi(background, unaryColumn, pairColumn));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Fills the weight column of each labelling of a clique of {@code size} labels from its label
   * index; false if the index does not hold every labelling exactly once.
   */
  private static boolean columns(
      Object index, int classes, int size, int[] unaryColumn, int[][] pairColumn) {
    if (!(index instanceof Index<?> labels)
        || labels.size() != (size == 1 ? 1 : classes) * classes) {
      return false;
    }
    boolean[] seen = new boolean[labels.size()];
    for (int column = 0; column < labels.size(); column++) {
      if (!(labels.get(column) instanceof CRFLabel label) || label.getLabel().length != size) {
        return false;
      }
      int[] values = label.getLabel();
      int cell = size == 1 ? values[0] : values[0] * classes + values[1];
      if (cell < 0 || cell >= seen.length || seen[cell]) {
        return false;
      }
      seen[cell] = true;
      if (size == 1) {
        unaryColumn[values[0]] = column;
      } else {
        pairColumn[values[0]][values[1]] = column;
      }
    }
    return true;
  }

  /**
   * The best label of each position.
   *
   * @param unaryPotentials per position, the potentials of its one-label clique, by the column of
   *     the label in the CRF's label index
   * @param pairPotentials per position, the potentials of the clique of its label and the previous
   *     one, by the column of the label pair
   * @param firstFixed whether position 0 must be the background label
   * @param lastFixed whether the last position must be the background label
   */
  int[] bestLabels(
      double[][] unaryPotentials,
      double[][] pairPotentials,
      boolean firstFixed,
      boolean lastFixed) {
    int length = unaryPotentials.length;
    int[][] previousOf = new int[length][classes];
    double[] scores = new double[classes];
    double[] next = new double[classes];
    for (int position = 0; position < length; position++) {
      double[] unary = unaryPotentials[position];
      double[] pair = pairPotentials[position];
      boolean fixed = position == 0 && firstFixed || position == length - 1 && lastFixed;
      for (int label = 0; label < classes; label++) {
        if (fixed && label != background) {
          next[label] = Double.NEGATIVE_INFINITY;
          continue;
        }
        int bestPrevious = background;
        double best = pair[pairColumn[background][label]];
        if (position > 0) {
          best = Double.NEGATIVE_INFINITY;
          for (int previous = 0; previous < classes; previous++) {
            double score = scores[previous] + pair[pairColumn[previous][label]];
            if (score > best) {
              best = score;
              bestPrevious = previous;
            }
          }
        }
        next[label] = best + unary[unaryColumn[label]];
        previousOf[position][label] = bestPrevious;
      }
      double[] swap = scores;
      scores = next;
      next = swap;
    }
    int[] labels = new int[length];
    int last = 0;
    for (int label = 1; label < classes; label++) {
      if (scores[label] > scores[last]) {
        last = label;
      }
    }
    labels[length - 1] = last;
    for (int position = length - 1; position > 0; position--) {
      labels[position - 1] = previousOf[position][labels[position]];
    }
    return labels;
  }
}
