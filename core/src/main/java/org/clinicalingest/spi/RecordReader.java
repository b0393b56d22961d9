package org.clinicalingest.spi;

import java.util.Optional;

/**
 * Streams the records of one source file, one at a time, without holding the file in memory.
 *
 * <p>Not thread-safe: one thread reads. A record that is bad on its own is returned as an {@link
 * UnreadableRecord} or as a {@link ParsedRecord} with problems; an error after which the file
 * cannot be read on (I/O failure, a syntax error inside a JSON array) throws {@link
 * org.clinicalingest.ReadException} naming the file and byte offset.
 */
public interface RecordReader extends AutoCloseable {

  /**
   * Reads the next record.
   *
   * @return the record, or empty at the end of the file
   * @throws org.clinicalingest.ReadException if the file cannot be read on
   */
  Optional<SourceRecord> next();

  /** Bytes of the file consumed so far (compressed bytes for a compressed file). */
  long bytesRead();

  /** Size of the file in bytes, or 0 when unknown. */
  long totalBytes();

  @Override
  void close();
}
