/**
 * A PostgreSQL {@link org.clinicalingest.spi.BulkWriter}: {@link
 * org.clinicalingest.store.postgres.PostgresCopyWriter} loads chunks with binary {@code COPY}
 * through a temporary staging table and an upsert, isolates refused rows, retries transient
 * failures and stops on an open circuit breaker.
 */
package org.clinicalingest.store.postgres;
