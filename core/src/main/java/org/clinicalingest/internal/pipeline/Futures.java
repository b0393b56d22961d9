package org.clinicalingest.internal.pipeline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.clinicalingest.IngestException;

/** Waits for a pipeline task and rethrows its failure as it was thrown. */
final class Futures {
  private Futures() {}

  static <T> T await(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IngestException ingest) {
        throw ingest;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IngestException("pipeline stage failed: " + cause.getClass().getName(), cause);
    }
  }
}
