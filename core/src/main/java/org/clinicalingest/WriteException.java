package org.clinicalingest;

/**
 * The store failed: a lost connection, a full disk, an open circuit breaker. Rows the database
 * refuses one by one are reported in {@link org.clinicalingest.spi.WriteResult} instead.
 */
public class WriteException extends IngestException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming file, stage and position. */
  public WriteException(String message) {
    super(message);
  }

  /** Creates an exception with a message naming file, stage and position, and its cause. */
  public WriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
