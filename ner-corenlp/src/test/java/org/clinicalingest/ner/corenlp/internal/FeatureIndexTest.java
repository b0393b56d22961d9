package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

  private static final int LABELS = 3;

  /** Features "feature-i|C" with 3 weights (one per label) and "feature-i|CpC" with 9. */
  private static Index<String> features(int count) {
    Index<String> index = new HashIndex<>();
    for (int i = 0; i < count; i++) {
      index.add("feature-" + i + (i % 4 == 0 ? "|CpC" : "|C"));
    }
    return index;
  }

  private static float[][] weights(Index<String> index) {
    float[][] weights = new float[index.size()][];
    for (int row = 0; row < weights.length; row++) {
      weights[row] = new float[index.get(row).endsWith("|CpC") ? LABELS * LABELS : LABELS];
      for (int column = 0; column < weights[row].length; column++) {
        weights[row][column] = (row * 31 + column * 7) % 97 / 13f - 3.1f;
      }
    }
    return weights;
  }

  private static long[] hashes(List<String> strings) {
    return strings.stream().mapToLong(FeatureIndex::hash).toArray();
  }

  private static double[] unary(FeatureIndex flat, List<String> strings) {
    long[] hashes = hashes(strings);
    return flat.unaryPotentials(hashes, hashes.length);
  }

  private static double[] pair(FeatureIndex flat, List<String> strings) {
    long[] hashes = hashes(strings);
    return flat.pairPotentials(hashes, hashes.length);
  }

  /** The sums of the weights of those strings that are features, in their order. */
  private static double[] sums(
      Index<String> index, float[][] weights, List<String> strings, int n) {
    double[] sums = new double[n];
    for (String string : strings) {
      int row = index.indexOf(string);
      if (row >= 0 && weights[row].length == n) {
        for (int column = 0; column < n; column++) {
          sums[column] += weights[row][column];
        }
      }
    }
    return sums;
  }

  @Test
  void sumsTheWeightsOfTheFeaturesInOrderAndSkipsOtherStrings() {
    Index<String> index = features(10_000);
    float[][] weights = weights(index);
    FeatureIndex flat = FeatureIndex.of(index, weights, LABELS).orElseThrow();
    List<String> unary = new ArrayList<>();
    List<String> pair = new ArrayList<>();
    for (int row = 0; row < index.size(); row++) {
      List<String> clique = weights[row].length == LABELS ? unary : pair;
      clique.add(index.get(row) + "p");
      clique.add(index.get(row));
    }
    unary.add("");

    assertThat(unary(flat, unary)).containsExactly(sums(index, weights, unary, LABELS));
    assertThat(pair(flat, pair)).containsExactly(sums(index, weights, pair, LABELS * LABELS));
    for (int row : new int[] {0, 1, 7, 9_999}) {
      double[] expected = new double[weights[row].length];
      for (int column = 0; column < expected.length; column++) {
        expected[column] = weights[row][column];
      }
      long[] one = hashes(List.of(index.get(row)));
      assertThat(row % 4 == 0 ? flat.pairPotentials(one, 1) : flat.unaryPotentials(one, 1))
          .containsExactly(expected);
    }
  }

  @Test
  void readsOnlyTheFirstCountHashes() {
    Index<String> index = features(8);
    float[][] weights = weights(index);
    FeatureIndex flat = FeatureIndex.of(index, weights, LABELS).orElseThrow();
    long[] hashes = hashes(List.of("feature-1|C", "feature-2|C"));

    assertThat(flat.unaryPotentials(hashes, 1))
        .containsExactly(weights[1][0], weights[1][1], weights[1][2]);
    assertThat(flat.unaryPotentials(hashes, 0)).containsOnly(0.0);
  }

  @Test
  void aFeatureOfOneCliqueIsNotFoundInTheOther() {
    Index<String> index = features(8);
    FeatureIndex flat = FeatureIndex.of(index, weights(index), LABELS).orElseThrow();

    assertThat(pair(flat, List.of("feature-1|C"))).containsOnly(0.0);
    assertThat(unary(flat, List.of("feature-4|CpC"))).containsOnly(0.0);
  }

  @Test
  void aHashTheFilterLetsThroughIsStillComparedWhole() {
    long feature = 0x0000_0005_0012_3456L;
    // The same block and filter bits (bits 0-23 and 32-63), another hash (bit 28).
    long lookalike = feature ^ 1L << 28;
    FeatureIndex flat =
        FeatureIndex.ofHashes(new long[] {feature}, new float[][] {{1, 2}}, 2).orElseThrow();

    assertThat(flat.hasUnaryFeature(feature)).isTrue();
    assertThat(flat.hasUnaryFeature(lookalike)).isFalse();
    assertThat(flat.unaryPotentials(new long[] {lookalike, feature}, 2)).containsExactly(1, 2);
  }

  @Test
  void anEmptyIndexHasNoFeatures() {
    FeatureIndex flat = FeatureIndex.of(new HashIndex<String>(), new float[0][], 4).orElseThrow();

    assertThat(unary(flat, List.of("word-WORD|C"))).containsExactly(0, 0, 0, 0);
    assertThat(flat.pairPotentials(new long[0], 0)).hasSize(16).containsOnly(0.0);
  }

  @Test
  void refusesAnIndexOfOtherThanStrings() {
    Index<Object> index = new HashIndex<>();
    index.add("word-WORD");
    index.add(42);

    assertThat(FeatureIndex.of(index, new float[][] {{1, 2}, {3, 4}}, 2)).isEmpty();
  }

  @Test
  void refusesWeightsOfAnotherShape() {
    long[] hashes = {3, 7};

    assertThat(FeatureIndex.ofHashes(hashes, new float[][] {{1, 2}, {1, 2, 3, 4}}, 2)).isPresent();
    assertThat(FeatureIndex.ofHashes(hashes, new float[][] {{1, 2}, {1, 2, 3}}, 2)).isEmpty();
    assertThat(FeatureIndex.ofHashes(hashes, new float[][] {{1, 2}}, 2)).isEmpty();
  }

  @Test
  void refusesFeaturesThatShareAHashOrHaveHashZero() {
    float[][] weights = {{1, 2}, {3, 4}, {5, 6}};

    assertThat(FeatureIndex.ofHashes(new long[] {3, 7, 3}, weights, 2)).isEmpty();
    assertThat(FeatureIndex.ofHashes(new long[] {3, 7, 0}, weights, 2)).isEmpty();
    assertThat(FeatureIndex.ofHashes(new long[] {3, 7, 11}, weights, 2)).isPresent();
  }

  @Test
  void hashesTheWholeStringInEveryBit() {
    assertThat(FeatureIndex.hash("Smith-WORD")).isNotEqualTo(FeatureIndex.hash("Smith-WORE"));
    assertThat(FeatureIndex.hash("ab")).isNotEqualTo(FeatureIndex.hash("ba"));
    assertThat(FeatureIndex.hash("a")).isNotEqualTo(FeatureIndex.hash("a\u0000"));
  }

  @Test
  void hashesAStringFedInFragmentsAsTheWholeString() {
    long state = FeatureIndex.extend(FeatureIndex.HASH_START, "Smith");
    state = FeatureIndex.extend(state, '-');
    state = FeatureIndex.extend(state, "WORD|C");

    assertThat(FeatureIndex.finish(state)).isEqualTo(FeatureIndex.hash("Smith-WORD|C"));
    assertThat(FeatureIndex.finish(FeatureIndex.HASH_START)).isEqualTo(FeatureIndex.hash(""));
  }
}
