package org.clinicalingest.spi;

import java.util.Objects;

/**
 * A stretch of text to redact, as UTF-16 offsets into the text it was found in.
 *
 * @param start inclusive start offset
 * @param end exclusive end offset, greater than {@code start}
 * @param type what the span holds
 */
public record PhiSpan(int start, int end, PhiType type) {

  public PhiSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span must have 0 <= start < end, was " + start + ".." + end);
    }
    Objects.requireNonNull(type, "type");
  }

  /** Length of the span in UTF-16 units. */
  public int length() {
    return end - start;
  }

  /** Whether this span shares at least one character with {@code other}. */
  public boolean overlaps(PhiSpan other) {
    return start < other.end && other.start < end;
  }
}
