package org.clinicalingest.examples.generate;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Generates runs of consecutive patients on worker threads and hands them out in patient order.
 *
 * <p>Patient {@code i} depends on nothing but the seed and {@code i}, so batches can be made in any
 * order on any thread and the output is the same as a single thread's. A window of a few batches
 * per worker is kept in flight; consumed batches are recycled, so memory stays bounded. With one
 * thread batches are made on the caller's thread. {@link #next()} and {@link #recycle} must be
 * called from one thread; {@link #close()} stops the workers.
 */
final class PatientBatches implements AutoCloseable {

  /**
   * Patients of one batch: their JSON objects back to back, their gold lines (if asked for) and
   * counts.
   */
  static final class Batch {
    long first;
    int count;
    final ByteSink data = new ByteSink();
    final ByteSink gold = new ByteSink();
    int[] ends = new int[0];
    final PatientStats stats = new PatientStats();

    /** Start offset of patient {@code number} of the batch in {@link #data}. */
    int start(int number) {
      return number == 0 ? 0 : ends[number - 1];
    }
  }

  private static final int BATCH_PATIENTS = 64;
  private static final int BATCHES_PER_THREAD = 4;

  private final long patients;
  private final boolean gold;
  private final ThreadLocal<PatientWriter> writers;
  private final ExecutorService pool;
  private final Deque<Future<Batch>> inFlight = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Batch> free = new ConcurrentLinkedQueue<>();
  private final int window;
  private long nextFirst;

  PatientBatches(long patients, boolean gold, int threads, Supplier<PatientWriter> writerFactory) {
    this.patients = patients;
    this.gold = gold;
    this.writers = ThreadLocal.withInitial(writerFactory);
    this.window = threads * BATCHES_PER_THREAD;
    AtomicInteger number = new AtomicInteger();
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                task -> {
                  Thread thread =
                      new Thread(task, "synthetic-generator-" + number.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /** The next batch in patient order, or {@code null} after the last patient. */
  Batch next() {
    if (pool == null) {
      return nextFirst < patients ? make(claim()) : null;
    }
    while (inFlight.size() < window && nextFirst < patients) {
      Batch batch = claim();
      inFlight.add(pool.submit(() -> make(batch)));
    }
    Future<Batch> future = inFlight.poll();
    if (future == null) {
      return null;
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating patients", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("generating patients failed", e.getCause());
    }
  }

  /** Gives a consumed batch back for reuse. */
  void recycle(Batch batch) {
    free.add(batch);
  }

  private Batch claim() {
    Batch batch = free.poll();
    if (batch == null) {
      batch = new Batch();
    }
    batch.first = nextFirst;
    batch.count = (int) Math.min(BATCH_PATIENTS, patients - nextFirst);
    nextFirst += batch.count;
    return batch;
  }

  private Batch make(Batch batch) {
    PatientWriter writer = writers.get();
    batch.data.reset();
    batch.gold.reset();
    batch.stats.reset();
    if (batch.ends.length < batch.count) {
      batch.ends = Arrays.copyOf(batch.ends, batch.count);
    }
    for (int number = 0; number < batch.count; number++) {
      writer.write(batch.first + number, gold);
      batch.data.append(writer.data());
      batch.gold.append(writer.gold());
      batch.ends[number] = batch.data.size();
      batch.stats.add(writer.stats());
    }
    return batch;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
