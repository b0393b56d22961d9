package org.clinicalingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongHashSetTest {

  @Test
  void reportsWhetherAHashWasNew() {
    LongHashSet set = new LongHashSet();

    assertThat(set.add(42)).isTrue();
    assertThat(set.add(42)).isFalse();
    assertThat(set.add(0)).isTrue();
    assertThat(set.add(0)).isFalse();
    assertThat(set.size()).isEqualTo(2);
  }

  @Test
  void keepsEveryValueWhileGrowing() {
    LongHashSet set = new LongHashSet();
    for (int i = 0; i < 100_000; i++) {
      assertThat(set.add(LongHashSet.hash("obs-" + i))).isTrue();
    }
    for (int i = 0; i < 100_000; i++) {
      assertThat(set.add(LongHashSet.hash("obs-" + i))).isFalse();
    }
    assertThat(set.size()).isEqualTo(100_000);
  }

  @Test
  void hashesDifferForSimilarIds() {
    assertThat(LongHashSet.hash("enc-1")).isNotEqualTo(LongHashSet.hash("enc-2"));
    assertThat(LongHashSet.hash("ab")).isNotEqualTo(LongHashSet.hash("ba"));
  }
}
