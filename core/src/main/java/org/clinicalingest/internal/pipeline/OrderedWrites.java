package org.clinicalingest.internal.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.spi.Rejection;

/**
 * Writes prepared batches, up to the writer's {@code maxConcurrentWrites} at once, and accounts for
 * them in read order.
 *
 * <p>Concurrent chunk writes keep a writer with a pool of connections busy while earlier chunks
 * commit. Two things stay sequential: a batch that repeats an id already written waits until every
 * earlier write has committed (so the later record wins), and accounting, the quarantine sink and
 * progress follow read order on the calling thread. Not thread-safe: one caller.
 */
final class OrderedWrites implements AutoCloseable {
  private final ChunkCommitter committer;
  private final int maxConcurrent;
  private final ExecutorService executor;
  private final Consumer<PreparedBatch> afterAccounting;
  private final Deque<Pending> pending = new ArrayDeque<>();

  private record Pending(
      PreparedBatch batch, RecordCounts repeatedIds, Future<List<Rejection>> refused) {}

  OrderedWrites(
      ChunkCommitter committer,
      int maxConcurrent,
      ThreadFactory threads,
      Consumer<PreparedBatch> afterAccounting) {
    this.committer = committer;
    this.maxConcurrent = Math.max(1, maxConcurrent);
    this.executor = Executors.newFixedThreadPool(this.maxConcurrent, threads);
    this.afterAccounting = afterAccounting;
  }

  /** Starts writing a batch, after the earlier writes it must follow. */
  void submit(PreparedBatch batch) throws InterruptedException {
    RecordCounts repeatedIds = committer.recordIds(batch);
    if (repeatedIds.total() > 0) {
      completeAll();
    }
    while (pending.size() >= maxConcurrent) {
      completeHead();
    }
    pending.add(new Pending(batch, repeatedIds, executor.submit(() -> committer.write(batch))));
    while (!pending.isEmpty() && pending.peek().refused().isDone()) {
      completeHead();
    }
  }

  /** Waits for every write and accounts for it. */
  void completeAll() throws InterruptedException {
    while (!pending.isEmpty()) {
      completeHead();
    }
  }

  private void completeHead() throws InterruptedException {
    Pending head = pending.poll();
    List<Rejection> refused = Futures.await(head.refused());
    committer.account(head.batch(), head.repeatedIds(), refused);
    afterAccounting.accept(head.batch());
  }

  /**
   * Lets writes already started finish (they commit or fail on their own) and stops the threads.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
