package org.clinicalingest.store.postgres.internal;

import java.time.Duration;

/**
 * How the writer rides out transient failures; checked by the public builder.
 *
 * @param maxAttempts attempts per table part of a chunk, the first included
 * @param initialBackoff wait before the first retry; each further wait doubles, ±50 % jitter
 * @param maxBackoff the longest wait between attempts
 * @param breakerFailures consecutive failed attempts, over the whole writer, that open the circuit
 * @param breakerOpenDuration how long an open circuit refuses calls before letting one through
 */
public record ResilienceSettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int breakerFailures,
    Duration breakerOpenDuration) {}
