package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruCacheTest {

  @Test
  void evictsLeastRecentlyUsedText() {
    LruCache<String> cache = new LruCache<>(2);
    cache.put("a", "1");
    cache.put("b", "2");
    cache.get("a");
    cache.put("c", "3");

    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo("1");
    assertThat(cache.get("c")).isEqualTo("3");
    assertThat(cache.size()).isEqualTo(2);
  }
}
