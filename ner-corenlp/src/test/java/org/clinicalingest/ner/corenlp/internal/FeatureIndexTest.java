package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

  private static Index<String> features(int count) {
    Index<String> index = new HashIndex<>();
    for (int i = 0; i < count; i++) {
      index.add("feature-" + i + "|C");
    }
    return index;
  }

  @Test
  void findsTheRowOfEveryFeatureAndNoneForOtherStrings() {
    Index<String> index = features(10_000);
    FeatureIndex flat = FeatureIndex.of(index).orElseThrow();

    for (int row = 0; row < index.size(); row++) {
      assertThat(flat.indexOf(index.get(row))).as(index.get(row)).isEqualTo(row);
      assertThat(flat.indexOf(index.get(row) + "p")).isEqualTo(-1);
    }
    assertThat(flat.indexOf("")).isEqualTo(-1);
  }

  @Test
  void anEmptyIndexHasNoFeatures() {
    assertThat(FeatureIndex.of(new HashIndex<String>()).orElseThrow().indexOf("word-WORD"))
        .isEqualTo(-1);
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
}
