package org.clinicalingest.internal.read;

import java.io.IOException;

/**
 * Thrown by a {@link RecordLimit} from inside the mapper; the array reader catches it, skips the
 * rest of the record and returns it as unreadable. An {@code IOException} so that it travels
 * through the mapper's signatures with the parser's own exceptions.
 */
final class RecordTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  RecordTooLargeException(String reason) {
    super(reason);
  }
}
