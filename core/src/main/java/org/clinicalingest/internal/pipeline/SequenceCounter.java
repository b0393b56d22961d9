package org.clinicalingest.internal.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out the chunk sequence numbers of one run, across its sources. Thread-safe. */
final class SequenceCounter {
  private final AtomicLong next = new AtomicLong();

  long next() {
    return next.getAndIncrement();
  }
}
