package org.clinicalingest;

/** A redactor failed, e.g. the named-entity model could not be loaded or threw. */
public class RedactionException extends IngestException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming file, stage and position. */
  public RedactionException(String message) {
    super(message);
  }

  /** Creates an exception with a message naming file, stage and position, and its cause. */
  public RedactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
