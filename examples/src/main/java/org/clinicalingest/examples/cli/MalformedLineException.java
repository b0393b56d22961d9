package org.clinicalingest.examples.cli;

/** Why a line is skipped: a problem and its position in the line, never the line's content. */
final class MalformedLineException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedLineException(String problem) {
    super(problem, null, false, false);
  }
}
