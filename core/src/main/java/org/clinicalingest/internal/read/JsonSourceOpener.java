package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.clinicalingest.ReadException;
import org.clinicalingest.spi.RecordReader;

/**
 * Opens clinical JSON files for {@link org.clinicalingest.JsonInputFormat}: detects the shape, then
 * returns the streaming reader for it.
 *
 * <p>Holds one Jackson factory per shape, because Jackson counts nesting from the document's root
 * while {@link ReadLimits#maxNestingDepth()} counts from the record, and a record sits one level
 * deeper in an array and two in a wrapped file. Every factory sets its {@link
 * StreamReadConstraints} from the limits (nesting, string, number and name lengths; none on the
 * document's length or token count, since the document is the whole file), never quotes content in
 * its error messages (they could leak PHI into logs) and parses doubles with Jackson's fast, exact
 * parser. Immutable and thread-safe.
 */
public final class JsonSourceOpener {
  /** Longest field name, in characters; Jackson's default, stated here on purpose. */
  static final int MAX_NAME_LENGTH = 50_000;

  /** Jackson's "no limit": a file, unlike a record, may be of any size. */
  private static final long UNLIMITED = -1;

  private final ReadLimits limits;
  private final JsonFactory ndjsonFactory;
  private final JsonFactory arrayFactory;
  private final JsonFactory wrappedFactory;

  /** Creates an opener enforcing {@code limits}. */
  public JsonSourceOpener(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.ndjsonFactory = factory(limits, Shape.NDJSON);
    this.arrayFactory = factory(limits, Shape.ARRAY);
    this.wrappedFactory = factory(limits, Shape.WRAPPED);
  }

  /**
   * Opens a file for streaming.
   *
   * @param path the file; its {@code toString()} names it in positions and messages
   * @param captureRaw whether each record's raw text is kept
   * @return a reader of the file's records, for one thread
   * @throws ReadException if the file cannot be opened or its shape is not detected
   */
  public RecordReader open(Path path, boolean captureRaw) {
    String source = path.toString();
    Shape shape = ShapeDetector.detect(path, source, ndjsonFactory, limits);
    try {
      return switch (shape) {
        case NDJSON -> NdjsonRecordReader.open(path, source, ndjsonFactory, limits, captureRaw);
        case ARRAY ->
            JsonArrayRecordReader.open(path, source, false, arrayFactory, limits, captureRaw);
        case WRAPPED ->
            JsonArrayRecordReader.open(path, source, true, wrappedFactory, limits, captureRaw);
      };
    } catch (IOException e) {
      throw new ReadException(source + ": cannot open the file", e);
    }
  }

  private static JsonFactory factory(ReadLimits limits, Shape shape) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(
                (int)
                    Math.min(
                        Integer.MAX_VALUE,
                        (long) limits.maxNestingDepth() + shape.enclosingDepth()))
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(limits.maxNumberLength())
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(UNLIMITED)
            .maxTokenCount(UNLIMITED)
            .build();
    ErrorReportConfiguration errorReport =
        ErrorReportConfiguration.builder().maxErrorTokenLength(0).maxRawContentLength(0).build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .errorReportConfiguration(errorReport)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .build();
  }
}
