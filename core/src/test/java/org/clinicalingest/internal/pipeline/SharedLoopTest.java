package org.clinicalingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedLoopTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void runsEveryIndexExactlyOnce() {
    AtomicIntegerArray calls = new AtomicIntegerArray(10_000);

    new SharedLoop(pool, 3).forEach(calls.length(), calls::incrementAndGet);

    for (int index = 0; index < calls.length(); index++) {
      assertThat(calls.get(index)).as("calls of index %d", index).isEqualTo(1);
    }
  }

  @Test
  void idleWorkersOfThePoolShareTheLoop() {
    Thread caller = Thread.currentThread();
    CountDownLatch helped = new CountDownLatch(1);
    AtomicBoolean callerWaited = new AtomicBoolean();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    new SharedLoop(pool, 2)
        .forEach(
            1_000,
            index -> {
              threads.add(Thread.currentThread());
              if (Thread.currentThread() == caller) {
                if (!callerWaited.getAndSet(true)) {
                  awaitQuietly(helped); // without helpers the caller would wait 10 s here, once
                }
              } else {
                helped.countDown();
              }
            });

    assertThat(helped.getCount()).isZero();
    assertThat(threads).anyMatch(thread -> thread != caller);
  }

  @Test
  void reportsTheTimeSpentSummedOverTheThreads() {
    long nanos = new SharedLoop(pool, 3).forEach(200, index -> sleepQuietly(1));

    assertThat(nanos).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  void returnsOnlyWhenEverySliceIsDoneAndRethrowsTheFirstFailure() {
    IllegalStateException failure = new IllegalStateException("index 500");
    AtomicInteger running = new AtomicInteger();

    assertThatThrownBy(
            () ->
                new SharedLoop(pool, 3)
                    .forEach(
                        1_000,
                        index -> {
                          running.incrementAndGet();
                          try {
                            sleepQuietly(index % 64 == 0 ? 5 : 0);
                            if (index == 500) {
                              throw failure;
                            }
                          } finally {
                            running.decrementAndGet();
                          }
                        }))
        .isSameAs(failure);
    assertThat(running).hasValue(0);
  }

  @Test
  void theCallerRunsEverySliceWhenThePoolRefusesHelpers() {
    pool.shutdown();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    new SharedLoop(pool, 3).forEach(1_000, index -> threads.add(Thread.currentThread()));

    assertThat(threads).containsExactly(Thread.currentThread());
  }

  @Test
  void theSequentialLoopRunsInOrderOnTheCaller() {
    StringBuilder order = new StringBuilder();

    SharedLoop.SEQUENTIAL.forEach(200, index -> order.append(index).append(' '));

    StringBuilder expected = new StringBuilder();
    for (int index = 0; index < 200; index++) {
      expected.append(index).append(' ');
    }
    assertThat(order).hasToString(expected.toString());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
