package org.clinicalingest.internal.redact;

import java.util.List;
import org.clinicalingest.spi.PhiSpan;

/**
 * Finds one family of PHI in free text by patterns.
 *
 * <p>Design: each family is a small class with precompiled patterns and its own list of what it
 * must and must not match; {@link PatternRedactor} runs them all and merges their spans.
 * Implementations are immutable and thread-safe.
 */
interface Recognizer {

  /** Adds the spans found in {@code text} to {@code spans}, in any order. */
  void find(String text, List<PhiSpan> spans);
}
