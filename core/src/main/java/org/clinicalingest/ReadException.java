package org.clinicalingest;

/**
 * A source file cannot be opened or read on: an I/O error, an undetectable shape, or a syntax error
 * after which no record boundary can be found (inside a JSON array).
 */
public class ReadException extends IngestException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming file, stage and position. */
  public ReadException(String message) {
    super(message);
  }

  /** Creates an exception with a message naming file, stage and position, and its cause. */
  public ReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
