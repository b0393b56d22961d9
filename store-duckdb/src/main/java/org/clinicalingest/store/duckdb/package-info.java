/**
 * Writes ingested rows into an embedded DuckDB database: {@link
 * org.clinicalingest.store.duckdb.DuckDbAppenderWriter} is the {@link
 * org.clinicalingest.spi.BulkWriter} on the DuckDB Appender.
 */
package org.clinicalingest.store.duckdb;
