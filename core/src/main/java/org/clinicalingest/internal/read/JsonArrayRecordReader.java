package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.clinicalingest.ReadException;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordPosition;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.clinicalingest.spi.UnreadableRecord;

/**
 * Reads the elements of a JSON array, top-level or under a first key {@code patients}, with one
 * streaming parser over the whole file.
 *
 * <p>One parser means no record boundary can be found again after a syntax error, so such an error
 * ends the file with a {@link ReadException} naming its position; the records before it have been
 * returned. A record that grows past the size limit is different: the parser is still in step, so
 * the rest of the record is skipped token by token (no value is materialised) and the record is
 * returned as unreadable. Its size is checked between tokens against the bytes the parser has
 * pulled from the stream, and only near the limit against the parser's exact offset, which costs an
 * allocation. Raw text is cut byte for byte from a copy the {@link CapturingInputStream} keeps of
 * what the parser pulled, between the offsets the parser reports for the record's first and last
 * bytes. A plain file is read through a large buffer; a gzip stream is read directly, since it
 * buffers its compressed input itself, and a {@code BufferedInputStream}, which may fill the
 * parser's request with several reads, drops the bytes of the earlier ones when a later one fails:
 * the records just before a damaged spot of a gzip file would not be returned. Not thread-safe.
 */
final class JsonArrayRecordReader implements RecordReader {
  private static final int BUFFER_BYTES = 1024 * 1024;

  private final String source;
  private final SourceFile file;
  private final boolean wrapped;
  private final ReadLimits limits;
  private final CapturingInputStream delivered;
  private final JsonParser parser;
  private final PatientMapper mapper;
  private JsonStreamContext arrayContext;
  private long recordStart;
  private long recordsReturned;
  private boolean started;
  private boolean finished;
  private boolean closed;
  private ReadException failure;

  private JsonArrayRecordReader(
      String source,
      SourceFile file,
      boolean wrapped,
      JsonFactory factory,
      ReadLimits limits,
      boolean captureRaw)
      throws IOException {
    this.source = source;
    this.file = file;
    this.wrapped = wrapped;
    this.limits = limits;
    InputStream content =
        file.compressed() ? file.content() : new BufferedInputStream(file.content(), BUFFER_BYTES);
    this.delivered = new CapturingInputStream(content, captureRaw, limits.maxRecordBytes());
    this.parser = factory.createParser(delivered);
    this.mapper = new PatientMapper(this::checkSize);
  }

  /** Opens the file for reading; {@code wrapped} says whether the array is under "patients". */
  static JsonArrayRecordReader open(
      Path path,
      String source,
      boolean wrapped,
      JsonFactory factory,
      ReadLimits limits,
      boolean captureRaw)
      throws IOException {
    SourceFile file = SourceFile.open(path);
    try {
      return new JsonArrayRecordReader(source, file, wrapped, factory, limits, captureRaw);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  @Override
  public Optional<SourceRecord> next() {
    if (closed) {
      throw new IllegalStateException(source + ": the reader is closed");
    }
    if (failure != null) {
      throw failure;
    }
    if (finished) {
      return Optional.empty();
    }
    try {
      if (!started) {
        enterArray();
        started = true;
      }
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        finish();
        return Optional.empty();
      }
      if (token == null) {
        throw fail("unexpected end of input", parser.currentLocation(), null);
      }
      SourceRecord record = readElement(token);
      recordsReturned++;
      return Optional.of(record);
    } catch (JsonProcessingException e) {
      JsonLocation location =
          e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
      throw fail(ReadMessages.problem(e, limits), location, e);
    } catch (IOException e) {
      failure =
          new ReadException(
              source
                  + ": read failed at byte "
                  + delivered.delivered()
                  + " "
                  + ReadMessages.afterRecord(recordsReturned),
              e);
      throw failure;
    }
  }

  private void enterArray() throws IOException {
    JsonToken token = parser.nextToken();
    if (wrapped) {
      if (token != JsonToken.START_OBJECT || !"patients".equals(parser.nextFieldName())) {
        throw fail("the first key is no longer \"patients\"", parser.currentLocation(), null);
      }
      token = parser.nextToken();
      if (token != JsonToken.START_ARRAY) {
        throw fail("the value of \"patients\" is not an array", parser.currentLocation(), null);
      }
    } else if (token != JsonToken.START_ARRAY) {
      throw fail("the content no longer starts with an array", parser.currentLocation(), null);
    }
    arrayContext = parser.getParsingContext();
  }

  private SourceRecord readElement(JsonToken token) throws IOException {
    JsonLocation location = parser.currentTokenLocation();
    recordStart = location.getByteOffset();
    RecordPosition position =
        new RecordPosition(
            source, recordsReturned, location.getLineNr(), location.getColumnNr(), recordStart);
    delivered.startCapture(recordStart);
    try {
      if (token == JsonToken.START_OBJECT) {
        Patient patient = mapper.read(parser);
        return new ParsedRecord(
            position, patient, mapper.problems(), mapper.unknownFields(), endCapture());
      }
      skipValue(token);
      return new UnreadableRecord(position, "record is not a JSON object", endCapture());
    } catch (RecordTooLargeException e) {
      delivered.dropCapture();
      while (parser.getParsingContext() != arrayContext) {
        if (parser.nextToken() == null) {
          throw fail("unexpected end of input", parser.currentLocation(), null);
        }
      }
      return new UnreadableRecord(position, e.getMessage(), "");
    }
  }

  /**
   * Skips a value that is not an object, checking its size as it goes. A string is read to its end,
   * which raw text needs to know where it ends, whether or not raw text is kept: Jackson's lazy
   * skip would pass over invalid UTF-8 and the string limit that decoding reports, so keeping raw
   * text would otherwise change which records are read and where the file fails.
   */
  private void skipValue(JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      parser.finishToken();
    }
    int depth = token.isStructStart() ? 1 : 0;
    while (depth > 0) {
      JsonToken next = parser.nextToken();
      if (next == null) {
        return;
      }
      if (next.isStructStart()) {
        depth++;
      } else if (next.isStructEnd()) {
        depth--;
      }
      checkSize(parser);
    }
  }

  private String endCapture() {
    return delivered.endCapture(parser.currentLocation().getByteOffset());
  }

  /** Reads past the array: the rest of a wrapped object is ignored, then only blanks may follow. */
  private void finish() throws IOException {
    if (wrapped) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        parser.nextToken();
        parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw fail(
          "unexpected content after the end of the top-level value",
          parser.currentTokenLocation(),
          null);
    }
    finished = true;
  }

  private void checkSize(JsonParser reading) throws IOException {
    long max = limits.maxRecordBytes();
    if (delivered.delivered() - recordStart > max
        && reading.currentLocation().getByteOffset() - recordStart > max) {
      throw new RecordTooLargeException(limits.recordTooLargeReason());
    }
  }

  private ReadException fail(String problem, JsonLocation location, Throwable cause) {
    failure =
        new ReadException(
            source
                + ": "
                + problem
                + " at "
                + ReadMessages.location(location)
                + " "
                + ReadMessages.afterRecord(recordsReturned),
            cause);
    return failure;
  }

  @Override
  public long bytesRead() {
    return file.bytesRead();
  }

  @Override
  public long totalBytes() {
    return file.totalBytes();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      try {
        parser.close();
      } finally {
        file.close();
      }
    } catch (IOException e) {
      throw new ReadException(source + ": cannot close the file", e);
    }
  }
}
