package org.clinicalingest.internal.redact;

import java.util.List;
import org.clinicalingest.spi.PhiSpan;

/**
 * Finds one family of PHI in free text by patterns.
 *
 * <p>Design: each family is a small class with precompiled patterns and its own list of what it
 * must and must not match; {@link PatternRedactor} scans a text once ({@link ScannedText}) and runs
 * them all on the scan, each trying its patterns only where its numbers or cue words are, and
 * merges their spans. Implementations are immutable and thread-safe.
 */
interface Recognizer {

  /** Adds the spans found in the scanned text to {@code spans}, in any order. */
  void find(ScannedText text, List<PhiSpan> spans);

  /** Scans {@code text} and adds the spans found in it to {@code spans}, in any order. */
  default void find(String text, List<PhiSpan> spans) {
    ScannedText scanned = new ScannedText(text);
    try {
      find(scanned, spans);
    } finally {
      scanned.release();
    }
  }
}
