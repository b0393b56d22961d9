package org.clinicalingest;

/**
 * A failed run: the message names the file, stage and position, the cause is chained. Messages hold
 * ids and positions, never field values.
 */
public class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming file, stage and position. */
  public IngestException(String message) {
    super(message);
  }

  /** Creates an exception with a message naming file, stage and position, and its cause. */
  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
