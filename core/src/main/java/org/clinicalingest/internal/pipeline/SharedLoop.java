package org.clinicalingest.internal.pipeline;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a loop over a batch's texts on the calling worker, letting idle workers of the pool take
 * part.
 *
 * <p>Design: each batch is prepared by one worker, so when fewer batches are left than workers (at
 * the end of every run, and in a run of one batch) the other workers would wait while one redacts a
 * whole batch alone. Here the calling worker and helper tasks submitted to the pool take slices of
 * the loop from a shared counter, so whichever workers are idle share the batch. A helper that
 * starts after the loop is taken (the usual case while other batches keep every worker busy, since
 * it queues behind them) finds nothing left and returns at once. The caller returns when every
 * slice is done, and rethrows the first failure of any slice. The time spent is reported summed
 * over the threads, as stage times are.
 */
final class SharedLoop {
  /** A loop that runs on the calling thread only. */
  static final SharedLoop SEQUENTIAL = new SharedLoop(null, 0);

  /** Iterations a thread takes at a time: about a millisecond of pattern redaction. */
  private static final int SLICE = 64;

  private final Executor pool;
  private final int helpers;

  /**
   * @param pool where helper tasks run, or null for none
   * @param helpers helper tasks per loop, at most the pool's threads minus the caller
   */
  SharedLoop(Executor pool, int helpers) {
    this.pool = pool;
    this.helpers = helpers;
  }

  /**
   * Calls {@code body} once for each index in {@code 0..count-1}, in any order and threads.
   *
   * @return the nanoseconds the threads spent in {@code body}, summed over them
   */
  long forEach(int count, IntConsumer body) {
    if (helpers == 0 || count <= SLICE) {
      long start = System.nanoTime();
      for (int index = 0; index < count; index++) {
        body.accept(index);
      }
      return System.nanoTime() - start;
    }
    Run run = new Run(count, body);
    for (int i = 0; i < helpers; i++) {
      try {
        pool.execute(run::takeSlices);
      } catch (RejectedExecutionException shuttingDown) {
        break; // the caller takes every slice
      }
    }
    run.takeSlices();
    run.awaitSlices();
    return run.busyNanos.get();
  }

  /** One loop's shared state. */
  private static final class Run {
    private final int count;
    private final IntConsumer body;
    private final Thread caller = Thread.currentThread();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger unfinished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong busyNanos = new AtomicLong();

    Run(int count, IntConsumer body) {
      this.count = count;
      this.body = body;
      this.unfinished = new AtomicInteger(count);
    }

    /** Takes slices until none is left; after a failure the rest are skipped. */
    void takeSlices() {
      int from;
      while ((from = next.getAndAdd(SLICE)) < count) {
        int to = Math.min(count, from + SLICE);
        long start = System.nanoTime();
        try {
          for (int index = from; index < to && failure.get() == null; index++) {
            body.accept(index);
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          busyNanos.addAndGet(System.nanoTime() - start);
          if (unfinished.addAndGet(from - to) == 0) {
            LockSupport.unpark(caller);
          }
        }
      }
    }

    /**
     * Waits until every slice is done; slices are short, so the wait is not interruptible (an
     * interrupt is kept for the caller).
     */
    void awaitSlices() {
      boolean interrupted = false;
      while (unfinished.get() > 0) {
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable first = failure.get();
      if (first instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (first instanceof Error error) {
        throw error;
      }
    }
  }
}
