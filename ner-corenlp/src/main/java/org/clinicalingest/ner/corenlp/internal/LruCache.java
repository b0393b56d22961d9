package org.clinicalingest.ner.corenlp.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map, from a text to the spans found in it or from a sentence to its
 * labels.
 *
 * <p>Design: notes repeat (templated phrases, copied-forward text), and the model is deterministic,
 * so the result for a text already seen can be reused. An access-ordered {@link LinkedHashMap}
 * under one lock is enough: a lookup costs far less than classifying a note, so the lock is never
 * the bottleneck. Thread-safe.
 *
 * @param <K> the key: a text, or a {@link SentenceKey}
 * @param <V> the cached value
 */
public final class LruCache<K, V> {

  private final Map<K, V> entries;

  /** A cache holding at most {@code capacity} keys; {@code capacity} must be positive. */
  public LruCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value cached for {@code key}, or null. */
  public V get(K key) {
    synchronized (entries) {
      return entries.get(key);
    }
  }

  /** Caches {@code value} for {@code key}, evicting the least recently used key if full. */
  public void put(K key, V value) {
    synchronized (entries) {
      entries.put(key, value);
    }
  }

  /** Number of cached keys. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
