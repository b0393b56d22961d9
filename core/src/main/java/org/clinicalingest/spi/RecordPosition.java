package org.clinicalingest.spi;

import java.util.Objects;

/**
 * Where a top-level record starts in its source file.
 *
 * @param source the file's name as given to the pipeline
 * @param recordIndex zero-based index of the record in the file
 * @param line one-based line of the record's first byte
 * @param column one-based column of the record's first byte on that line
 * @param byteOffset zero-based offset of the record's first byte in the uncompressed content
 */
public record RecordPosition(
    String source, long recordIndex, long line, long column, long byteOffset) {

  public RecordPosition {
    Objects.requireNonNull(source, "source");
  }

  /** Short form for messages: {@code record 1532, line 1533}. */
  public String describe() {
    return "record " + recordIndex + ", line " + line;
  }
}
