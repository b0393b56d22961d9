package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

  private static Index<String> features(int count) {
    Index<String> index = new HashIndex<>();
    for (int i = 0; i < count; i++) {
      index.add("feature-" + i + "|C");
    }
    return index;
  }

  private static long[] hashes(String... strings) {
    long[] hashes = new long[strings.length];
    for (int i = 0; i < strings.length; i++) {
      hashes[i] = FeatureIndex.hash(strings[i]);
    }
    return hashes;
  }

  @Test
  void findsTheRowsOfTheFeaturesInOrderAndSkipsOtherStrings() {
    Index<String> index = features(10_000);
    FeatureIndex flat = FeatureIndex.of(index).orElseThrow();
    List<String> featuresAndOthers = new ArrayList<>();
    for (int row = 0; row < index.size(); row++) {
      featuresAndOthers.add(index.get(row) + "p");
      featuresAndOthers.add(index.get(row));
    }
    featuresAndOthers.add("");

    assertThat(flat.rowsOf(hashes(featuresAndOthers.toArray(String[]::new))))
        .containsExactly(IntStream.range(0, index.size()).toArray());
    assertThat(flat.rowsOf(hashes("feature-7|C", "feature-3|C"))).containsExactly(7, 3);
    assertThat(flat.rowsOf(new long[0])).isEmpty();
  }

  @Test
  void anEmptyIndexHasNoFeatures() {
    assertThat(FeatureIndex.of(new HashIndex<String>()).orElseThrow().rowsOf(hashes("word-WORD")))
        .isEmpty();
  }

  @Test
  void refusesAnIndexOfOtherThanStrings() {
    Index<Object> index = new HashIndex<>();
    index.add("word-WORD");
    index.add(42);

    assertThat(FeatureIndex.of(index)).isEmpty();
  }

  @Test
  void refusesFeaturesThatShareAHash() {
    assertThat(FeatureIndex.ofHashes(new long[] {3, 7, 3})).isEmpty();
    assertThat(FeatureIndex.ofHashes(new long[] {3, 7, 11})).isPresent();
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
