package org.clinicalingest.ner.corenlp.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map from a text to the spans found in it.
 *
 * <p>Design: notes repeat (templated phrases, copied-forward text), and the model is deterministic,
 * so the result for a text already seen can be reused. An access-ordered {@link LinkedHashMap}
 * under one lock is enough: a lookup costs far less than classifying a note, so the lock is never
 * the bottleneck. Thread-safe.
 *
 * @param <V> the cached value
 */
public final class LruCache<V> {

  private final Map<String, V> entries;

  /** A cache holding at most {@code capacity} texts; {@code capacity} must be positive. */
  public LruCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value cached for {@code text}, or null. */
  public V get(String text) {
    synchronized (entries) {
      return entries.get(text);
    }
  }

  /** Caches {@code value} for {@code text}, evicting the least recently used text if full. */
  public void put(String text, V value) {
    synchronized (entries) {
      entries.put(text, value);
    }
  }

  /** Number of cached texts. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
