package org.clinicalingest.store.postgres.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.clinicalingest.WriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database work with retries and a circuit breaker and turns what still fails into one {@link
 * WriteException} without PHI.
 *
 * <p>Design: each call is one unit that can be repeated from scratch (a table part of a chunk, or
 * the table setup), run on a fresh connection in a new transaction. A resilience4j {@link Retry}
 * repeats it after a transient failure (see {@link SqlFailures#isTransient}) with exponential
 * backoff and jitter; every attempt passes through one {@link CircuitBreaker} shared by the whole
 * writer, so parallel table parts and concurrent chunks count together. The breaker's window is the
 * last N attempts with a 100 % failure threshold, so it opens after N consecutive failed attempts.
 * N defaults to more than two per connection: a restart kills each running COPY once and the next
 * attempt waits in the pool until the server accepts connections again, so a short restart costs
 * about one failure per connection and is ridden out, while a server that stays down keeps failing
 * attempts until the circuit opens and stops every loop at its next attempt with one clear
 * exception instead of more traffic. A call that runs out of attempts before the circuit opens
 * (when few calls are in flight) stops the run the same way: both messages start with {@code
 * PostgreSQL unavailable}. Failures that are not transient are neither retried nor counted by the
 * breaker.
 */
public final class ResilientCalls {

  /** One attempt of a unit of work. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Does the work once, from scratch, on a connection of its own.
     *
     * @throws SQLException if the database fails; transient failures are retried
     * @throws InterruptedException if interrupted while waiting for a connection
     */
    T run() throws SQLException, InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ResilientCalls.class);

  private final Retry retry;
  private final CircuitBreaker breaker;
  private final int maxAttempts;
  private final AtomicLong transientFailures = new AtomicLong();
  private final AtomicReference<String> lastTransientState = new AtomicReference<>("unknown");

  /** Retries and breaker with the given settings; {@code name} names them in logs. */
  public ResilientCalls(String name, ResilienceSettings settings) {
    this.maxAttempts = settings.maxAttempts();
    this.retry =
        Retry.of(
            name,
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff()))
                .retryOnException(SqlFailures::isTransient)
                .failAfterMaxAttempts(false)
                .build());
    this.breaker =
        CircuitBreaker.of(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailures())
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(settings.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(SqlFailures::isTransient)
                .ignoreException(failure -> !SqlFailures.isTransient(failure))
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                LOG.warn("PostgreSQL circuit breaker {}: {}", name, event.getStateTransition()));
  }

  /** Attempts that failed transiently so far, over all calls. */
  public long transientFailures() {
    return transientFailures.get();
  }

  /**
   * Runs the work until it succeeds, fails for good, or the circuit opens.
   *
   * @param action what the work does, for messages, e.g. {@code COPY into clinical.patients}
   * @param position where in the input, e.g. {@code chunk 3 of a.ndjson (records 0-99)}
   * @throws WriteException if the work fails for good or the circuit is open; the message names
   *     action, position and SQLSTATE, the cause is a {@link RedactedSqlException}
   */
  public <T> T call(String action, String position, Attempt<T> work) {
    AtomicInteger attempts = new AtomicInteger();
    CheckedSupplier<T> attempt =
        () -> {
          int number = attempts.incrementAndGet();
          try {
            return work.run();
          } catch (SQLException failure) {
            if (SqlFailures.isTransient(failure)) {
              String state = String.valueOf(SqlFailures.sqlState(failure));
              transientFailures.incrementAndGet();
              lastTransientState.set(state);
              LOG.warn(
                  "{} for {} failed on attempt {} of {}, SQLSTATE {}",
                  action,
                  position,
                  number,
                  maxAttempts,
                  state);
            }
            throw failure;
          }
        };
    try {
      return Retry.decorateCheckedSupplier(
              retry, CircuitBreaker.decorateCheckedSupplier(breaker, attempt))
          .get();
    } catch (CallNotPermittedException open) {
      throw new WriteException(
          "PostgreSQL unavailable: circuit open after "
              + breaker.getMetrics().getNumberOfFailedCalls()
              + " failures, stopped "
              + action
              + " for "
              + position
              + "; last SQLSTATE "
              + lastTransientState.get());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new WriteException(action + " for " + position + " interrupted");
    } catch (RuntimeException | Error failure) {
      throw failure;
    } catch (Throwable failure) {
      String state = SqlFailures.sqlState(failure);
      if (SqlFailures.isTransient(failure)) {
        throw new WriteException(
            "PostgreSQL unavailable: "
                + action
                + " failed for "
                + position
                + " after "
                + attempts.get()
                + " attempts, SQLSTATE "
                + state,
            SqlFailures.redact(failure));
      }
      throw new WriteException(
          action + " failed for " + position + ", SQLSTATE " + state, SqlFailures.redact(failure));
    }
  }
}
