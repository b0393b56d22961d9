package org.clinicalingest.ner.corenlp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A pure function of a word with its answers kept for the words seen most recently.
 *
 * <p>Design: the English CRF normalises every word it reads through {@code AmericanizeFunction} (a
 * map lookup, then regular expressions on words of six letters or more), and its features read each
 * word of a sentence many times, as the word itself and as the neighbour of the words around it;
 * this was 6–8 % of the NER stage's time. Each word's {@link WordEntry} (the facts of its token
 * kind, its preparation for the CRF) is another pure function of the word. The answer for a word
 * can be reused. Every token of every text is looked up, and a {@code ConcurrentHashMap} lookup
 * reads the bucket, the node, the key and the key's characters, four cache lines far apart (8 % of
 * the recogniser's CPU in a profile). Here, as in {@link WordTable}, the keys are the words' 64-bit
 * hashes ({@link FeatureIndex#hash}) in one {@code long[]}, with the answers in an array beside it:
 * a lookup reads a slot and an answer. A word counts as a key when its hash equals the key's, so a
 * word is taken for another about once in 10^19 pairs, as for the features. The answers start
 * afresh when {@link #CAPACITY} words are kept, which bounds their memory (about 1.5 MB of slots)
 * without bookkeeping on each lookup. Thread-safe if {@code function} is: a slot is claimed by
 * compare-and-set and its answer published after it; a thread that finds a claimed slot without an
 * answer works the answer out itself.
 */
final class CachedWordFunction<T> implements Function<String, T> {

  static final int CAPACITY = 50_000;

  /** The hash of an empty slot; a word with this hash is not kept. */
  private static final long EMPTY = 0;

  private final Function<String, T> function;
  private volatile Answers answers = new Answers();

  CachedWordFunction(Function<String, T> function) {
    this.function = function;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T apply(String word) {
    long hash = FeatureIndex.hash(word);
    if (hash == EMPTY) {
      return function.apply(word);
    }
    Answers kept = answers;
    T answer = (T) kept.get(hash);
    if (answer == null) {
      answer = function.apply(word);
      if (!kept.put(hash, answer)) {
        Answers fresh = new Answers();
        fresh.put(hash, answer);
        answers = fresh;
      }
    }
    return answer;
  }

  /**
   * Up to about {@link #CAPACITY} answers by word hash, in open addressing over at least 2.5 times
   * as many slots, so that probes stay short and the table never fills.
   */
  private static final class Answers {

    private static final int SLOTS = Integer.highestOneBit(CAPACITY * 5 / 2) << 1;
    private static final int MASK = SLOTS - 1;
    private static final VarHandle HASHES = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);

    private final long[] hashes = new long[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private final AtomicInteger size = new AtomicInteger();

    /** The answer kept for {@code hash}, or null if none is (yet). */
    Object get(long hash) {
      for (int slot = (int) hash & MASK; ; slot = (slot + 1) & MASK) {
        long held = (long) HASHES.getAcquire(hashes, slot);
        if (held == hash) {
          return VALUES.getAcquire(values, slot);
        }
        if (held == EMPTY) {
          return null;
        }
      }
    }

    /**
     * Keeps {@code answer} for {@code hash}, unless another thread keeps one already; false if
     * {@link #CAPACITY} answers are kept. Threads racing past that check may keep a few more, which
     * the spare slots hold.
     */
    boolean put(long hash, Object answer) {
      if (size.get() >= CAPACITY) {
        return false;
      }
      for (int slot = (int) hash & MASK; ; slot = (slot + 1) & MASK) {
        long held;
        while ((held = (long) HASHES.getAcquire(hashes, slot)) == EMPTY) {
          if (HASHES.compareAndSet(hashes, slot, EMPTY, hash)) {
            VALUES.setRelease(values, slot, answer);
            size.incrementAndGet();
            return true;
          }
        }
        if (held == hash) {
          return true;
        }
      }
    }
  }
}
