package org.clinicalingest;

import java.nio.file.Path;
import java.util.Objects;
import org.clinicalingest.internal.read.JsonSourceOpener;
import org.clinicalingest.internal.read.ReadLimits;
import org.clinicalingest.spi.InputFormat;
import org.clinicalingest.spi.RecordReader;

/**
 * Reads the clinical JSON of FORMAT.md: a JSON array of patients, an object whose first key {@code
 * patients} holds that array, or NDJSON with one patient per line, each optionally gzip-compressed.
 *
 * <p>The shape is detected from the content, not from the file name: after a UTF-8 byte order mark
 * and blanks, {@code [} starts an array, {@code {"patients": [...]}} is a wrapped file, and any
 * other object must close on its first line (NDJSON); anything else fails {@link #open} with a
 * {@link ReadException}, unless the file is named {@code .ndjson} or {@code .jsonl} (optionally
 * {@code .gz}): then its broken first line is quarantined like any other bad line. Gzip is
 * recognised by its magic bytes; its members are read one after another, and bytes after the last
 * one (garbage, a damaged or cut-off member) are a read error, never a silent end of the file. An
 * empty or blank file has no record. Files are streamed with bounded buffers, whatever their size.
 * Each record carries its position: zero-based index, one-based line, one-based column and
 * zero-based byte offset in the uncompressed content, where columns, like offsets, count bytes (a
 * byte order mark included).
 *
 * <p>A record that is bad on its own is returned, and the run goes on: an NDJSON line that is not
 * JSON, not an object, over {@link #maxRecordBytes()} or over another limit, or an array element
 * that is not an object or is over {@link #maxRecordBytes()}, is an {@link
 * org.clinicalingest.spi.UnreadableRecord}; a field of the wrong JSON type is left unset and
 * reported as a {@link org.clinicalingest.spi.FieldProblem} of a {@link
 * org.clinicalingest.spi.ParsedRecord}. Inside an array, a syntax error, too deep nesting or a too
 * long string or number leaves no way to find the next record, so {@link RecordReader#next()}
 * throws a {@link ReadException} naming the file and the error's byte offset, line and column,
 * after the records before it were returned. An I/O error (a truncated or corrupt gzip stream) ends
 * any shape the same way, naming the byte of the uncompressed content where reading stopped.
 *
 * <p>Invalid UTF-8 that Jackson detects (a stray continuation byte, a bad lead byte, a sequence cut
 * short, an encoded surrogate) is a syntax error like any other: the NDJSON line is unreadable, an
 * array ends with a {@link ReadException}. Content that Jackson would take for UTF-16 or UTF-32 (a
 * zero byte right after the first) fails {@link #open}; such an NDJSON line is unreadable. Jackson
 * decodes overlong forms and sequences beyond U+10FFFF without complaint; such a string is read as
 * decoded (unpaired surrogates for the latter).
 *
 * <pre>{@code
 * JsonInputFormat format = JsonInputFormat.builder().maxRecordBytes(1024 * 1024).build();
 * try (RecordReader reader = format.open(Path.of("patients.ndjson.gz"), false)) {
 *   for (var record = reader.next(); record.isPresent(); record = reader.next()) {
 *     handle(record.get());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link RecordReader} it opens is for one thread.
 */
public final class JsonInputFormat implements InputFormat {
  /** Default {@link #maxRecordBytes()}: 10 MiB. */
  public static final long DEFAULT_MAX_RECORD_BYTES = 10L * 1024 * 1024;

  /** Default {@link #maxNestingDepth()}. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** Default {@link #maxNumberLength()}, Jackson's. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

  /**
   * Smallest {@link #maxNestingDepth()}: a patient's observation objects sit at depth 5 (patient,
   * encounters, encounter, observations, observation).
   */
  public static final int MIN_NESTING_DEPTH = 5;

  /** Largest {@link #maxRecordBytes()}: a record line must fit in one byte array. */
  public static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 8;

  private static final JsonInputFormat DEFAULTS = builder().build();

  private final long maxRecordBytes;
  private final int maxNestingDepth;
  private final Integer maxStringLength;
  private final int maxNumberLength;
  private final JsonSourceOpener opener;

  private JsonInputFormat(Builder builder) {
    this.maxRecordBytes = builder.maxRecordBytes;
    this.maxNestingDepth = builder.maxNestingDepth;
    this.maxStringLength = builder.maxStringLength;
    this.maxNumberLength = builder.maxNumberLength;
    this.opener =
        new JsonSourceOpener(
            new ReadLimits(maxRecordBytes, maxNestingDepth, maxStringLength(), maxNumberLength));
  }

  /** Returns the format with every option at its default. */
  public static JsonInputFormat defaults() {
    return DEFAULTS;
  }

  /** Returns a builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this format's options, to make a variant. A string length that was
   * left to follow {@link #maxRecordBytes()} still follows it.
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.maxRecordBytes = maxRecordBytes;
    builder.maxNestingDepth = maxNestingDepth;
    builder.maxStringLength = maxStringLength;
    builder.maxNumberLength = maxNumberLength;
    return builder;
  }

  /** Largest top-level record, in bytes: an NDJSON line, or an array element. */
  public long maxRecordBytes() {
    return maxRecordBytes;
  }

  /** Deepest nesting of objects and arrays in a record, the record object being depth 1. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** Longest string value, in characters; by default {@link #maxRecordBytes()}. */
  public int maxStringLength() {
    return maxStringLength != null ? maxStringLength : (int) maxRecordBytes;
  }

  /** Longest number, in characters. */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /**
   * Opens a file for streaming; the shape is detected here, by reading at most about one record.
   *
   * @param path the file; its {@code toString()} is the {@code source} of every position
   * @param captureRaw whether each record's raw text is kept, exactly as in the file (an NDJSON
   *     line without its indentation and line break, an array element from its first to its last
   *     byte); a record over the size limit is never kept
   * @return a reader for one thread, to be closed
   * @throws ReadException if the file cannot be opened or read, or its shape is not detected
   */
  @Override
  public RecordReader open(Path path, boolean captureRaw) {
    Objects.requireNonNull(path, "path");
    return opener.open(path, captureRaw);
  }

  @Override
  public String toString() {
    return "JsonInputFormat[maxRecordBytes="
        + maxRecordBytes
        + ", maxNestingDepth="
        + maxNestingDepth
        + ", maxStringLength="
        + maxStringLength()
        + ", maxNumberLength="
        + maxNumberLength
        + "]";
  }

  /**
   * Mutable builder of {@link JsonInputFormat}; each option is checked when set. Not thread-safe.
   */
  public static final class Builder {
    private long maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private Integer maxStringLength;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;

    private Builder() {}

    /**
     * Sets the largest top-level record, in bytes; a larger one is returned as unreadable and
     * skipped without being held in memory. Default 10 MiB.
     *
     * @throws IllegalArgumentException unless between 1 and {@link
     *     JsonInputFormat#MAX_RECORD_BYTES}
     */
    public Builder maxRecordBytes(long maxRecordBytes) {
      if (maxRecordBytes <= 0) {
        throw new IllegalArgumentException("maxRecordBytes must be > 0, was " + maxRecordBytes);
      }
      if (maxRecordBytes > MAX_RECORD_BYTES) {
        throw new IllegalArgumentException(
            "maxRecordBytes must be <= " + MAX_RECORD_BYTES + ", was " + maxRecordBytes);
      }
      this.maxRecordBytes = maxRecordBytes;
      return this;
    }

    /**
     * Sets the deepest nesting of objects and arrays in a record, the record object being depth 1.
     * Default 64.
     *
     * @throws IllegalArgumentException if below {@link JsonInputFormat#MIN_NESTING_DEPTH}
     */
    public Builder maxNestingDepth(int maxNestingDepth) {
      if (maxNestingDepth < MIN_NESTING_DEPTH) {
        throw new IllegalArgumentException(
            "maxNestingDepth must be >= " + MIN_NESTING_DEPTH + ", was " + maxNestingDepth);
      }
      this.maxNestingDepth = maxNestingDepth;
      return this;
    }

    /**
     * Sets the longest string value, in characters. Default: {@link #maxRecordBytes(long)}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxStringLength(int maxStringLength) {
      if (maxStringLength <= 0) {
        throw new IllegalArgumentException("maxStringLength must be > 0, was " + maxStringLength);
      }
      this.maxStringLength = maxStringLength;
      return this;
    }

    /**
     * Sets the longest number, in characters (digits, sign, point and exponent). Default 1000.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxNumberLength(int maxNumberLength) {
      if (maxNumberLength <= 0) {
        throw new IllegalArgumentException("maxNumberLength must be > 0, was " + maxNumberLength);
      }
      this.maxNumberLength = maxNumberLength;
      return this;
    }

    /** Builds the immutable, thread-safe format. */
    public JsonInputFormat build() {
      return new JsonInputFormat(this);
    }
  }
}
