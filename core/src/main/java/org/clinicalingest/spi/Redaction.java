package org.clinicalingest.spi;

import java.util.List;
import java.util.Objects;

/**
 * The spans found in one text.
 *
 * @param text the text the spans index into
 * @param spans spans to redact, in any order, possibly overlapping; the pipeline merges them
 */
public record Redaction(String text, List<PhiSpan> spans) {

  public Redaction {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    for (PhiSpan span : spans) {
      if (span.end() > text.length()) {
        throw new IllegalArgumentException(
            "span " + span.start() + ".." + span.end() + " exceeds text length " + text.length());
      }
    }
  }
}
