package org.clinicalingest.spi;

/**
 * Receives rejected records besides the writer's quarantine table, e.g. to keep them in a file.
 *
 * <p>The pipeline calls it from one thread at a time, in record order.
 */
public interface QuarantineSink extends AutoCloseable {

  /** Takes one rejected record. */
  void accept(Rejection rejection);

  @Override
  default void close() {}
}
