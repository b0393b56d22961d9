package org.clinicalingest;

import java.util.List;
import java.util.Objects;
import org.clinicalingest.spi.PhiSpan;

/**
 * A free text after redaction.
 *
 * @param text the redacted text, as it would be written to a table
 * @param spans the spans that were replaced, sorted and non-overlapping, as UTF-16 offsets into the
 *     <em>original</em> text (not into {@code text})
 */
public record RedactedText(String text, List<PhiSpan> spans) {

  public RedactedText {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
  }
}
