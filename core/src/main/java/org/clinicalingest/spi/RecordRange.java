package org.clinicalingest.spi;

/**
 * An inclusive range of top-level record indexes of one source file.
 *
 * @param first index of the first record
 * @param last index of the last record, not below {@code first}
 */
public record RecordRange(long first, long last) {

  public RecordRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException(
          "range must have 0 <= first <= last, was " + first + ".." + last);
    }
  }

  /** Whether {@code index} lies in this range. */
  public boolean contains(long index) {
    return index >= first && index <= last;
  }
}
