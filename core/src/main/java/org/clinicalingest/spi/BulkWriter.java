package org.clinicalingest.spi;

/**
 * Writes chunks of redacted rows to a store and commits them.
 *
 * <p>A writer creates the tables of {@link Table} if they are missing. Writing a chunk is
 * idempotent: rows are keyed by id, so a row whose key exists replaces it, and a repeated run
 * leaves the same rows. Each table's part of a chunk commits atomically.
 *
 * <p>If one row makes the bulk write fail, the writer isolates it, reports it in {@link
 * WriteResult#failures()} and writes the rest. A store failure (lost connection, full disk) throws
 * {@link org.clinicalingest.WriteException} naming the table and chunk.
 *
 * <p>A chunk holds a {@link Table#CHECKPOINTS} row for each table part it commits ({@link
 * Table#checkpointedTables()}): the pipeline writes each range of records as a chunk of its data
 * parts, then as a chunk of its quarantine part (with the rows the store refused in the first), so
 * the range counts as committed only once both are. A writer that supports resuming writes each
 * checkpoint row in the same transaction as the part it names, and answers {@link #checkpoint}; a
 * writer may also write them as a table of their own and return nothing, and resumed runs then redo
 * every chunk (writes are idempotent, so the result is the same).
 *
 * <p>Implementations must allow {@link #maxConcurrentWrites()} calls of {@link #write} at once.
 */
public interface BulkWriter extends AutoCloseable {

  /**
   * Writes and commits one chunk.
   *
   * @throws org.clinicalingest.WriteException if the store fails
   */
  WriteResult write(Chunk chunk);

  /** How many chunks this writer can write at once (e.g. its connection pool size); at least 1. */
  default int maxConcurrentWrites() {
    return 1;
  }

  /**
   * The ranges of a source file committed by earlier runs, for resuming.
   *
   * @param sourceKey the source's identity, as in the {@code source_key} column
   * @return the committed ranges and the latest run that committed any table part of the source
   *     (even of a range not yet complete), or empty if there is no checkpoint row of the source
   * @throws org.clinicalingest.WriteException if the store cannot be read
   */
  default java.util.Optional<SourceCheckpoint> checkpoint(String sourceKey) {
    return java.util.Optional.empty();
  }

  @Override
  void close();
}
