package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Words the readers' reasons and error messages from Jackson's exceptions. Jackson's own messages
 * may quote the offending token, which may be PHI, so they are never copied: a message names only
 * the kind of problem, the limit and the position. Stateless.
 */
final class ReadMessages {
  private ReadMessages() {}

  /**
   * What went wrong, without position: {@code malformed JSON}, {@code unexpected end of input} or
   * the read limit that was exceeded.
   */
  static String problem(JsonProcessingException exception, ReadLimits limits) {
    if (exception instanceof StreamConstraintsException) {
      return limitProblem(exception.getOriginalMessage(), limits);
    }
    if (exception instanceof JsonEOFException) {
      return "unexpected end of input";
    }
    return "malformed JSON";
  }

  /** The location of a parse error: {@code byte 120 (line 4, column 7)}. */
  static String location(JsonLocation location) {
    return "byte "
        + location.getByteOffset()
        + " (line "
        + location.getLineNr()
        + ", column "
        + location.getColumnNr()
        + ")";
  }

  /**
   * {@code after record 811}, naming the last record returned, or {@code before the first record}.
   */
  static String afterRecord(long recordsReturned) {
    return recordsReturned == 0
        ? "before the first record"
        : "after record " + (recordsReturned - 1);
  }

  private static String limitProblem(String jacksonMessage, ReadLimits limits) {
    String message = jacksonMessage == null ? "" : jacksonMessage;
    if (message.startsWith("Document nesting depth")) {
      return "nesting exceeds the maximum depth of " + limits.maxNestingDepth();
    }
    if (message.startsWith("String value length")) {
      return "a string exceeds the maximum length of " + limits.maxStringLength() + " characters";
    }
    if (message.startsWith("Number value length")) {
      return "a number exceeds the maximum length of " + limits.maxNumberLength() + " characters";
    }
    if (message.startsWith("Name length")) {
      return "a field name exceeds the maximum length of "
          + JsonSourceOpener.MAX_NAME_LENGTH
          + " characters";
    }
    return "a read limit of the JSON parser is exceeded";
  }
}
