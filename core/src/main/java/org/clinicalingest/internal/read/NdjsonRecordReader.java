package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Reads NDJSON: each non-blank line is one record, parsed by a fresh Jackson parser straight from
 * the {@link LineReader}'s buffer. A fresh parser per line is what makes a bad line harmless: its
 * error (malformed JSON, a broken read limit, a value that is not an object) is confined to that
 * line, which becomes an {@link UnreadableRecord}, and the next line starts clean. Only I/O errors
 * stop the file. Not thread-safe.
 */
final class NdjsonRecordReader implements RecordReader {
  private static final int BUFFER_BYTES = 1024 * 1024;

  /**
   * Reason for a line that Jackson would decode as UTF-16 or UTF-32 rather than report: FORMAT.md
   * files are UTF-8.
   */
  private static final String NOT_UTF8 =
      "malformed JSON: not UTF-8 (it starts like UTF-16 or UTF-32)";

  private final String source;
  private final SourceFile file;
  private final JsonFactory factory;
  private final ReadLimits limits;
  private final boolean captureRaw;
  private final LineReader lines;
  private final PatientMapper mapper = new PatientMapper(RecordLimit.NONE);
  private long recordIndex;
  private boolean closed;

  private NdjsonRecordReader(
      String source, SourceFile file, JsonFactory factory, ReadLimits limits, boolean captureRaw) {
    this.source = source;
    this.file = file;
    this.factory = factory;
    this.limits = limits;
    this.captureRaw = captureRaw;
    this.lines = new LineReader(file.content(), BUFFER_BYTES, limits.maxRecordBytes());
  }

  /** Opens the file for reading. */
  static NdjsonRecordReader open(
      Path path, String source, JsonFactory factory, ReadLimits limits, boolean captureRaw)
      throws IOException {
    return new NdjsonRecordReader(source, SourceFile.open(path), factory, limits, captureRaw);
  }

  @Override
  public Optional<SourceRecord> next() {
    if (closed) {
      throw new IllegalStateException(source + ": the reader is closed");
    }
    try {
      if (!lines.next()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new ReadException(
          source
              + ": read failed at byte "
              + lines.contentBytesRead()
              + " "
              + ReadMessages.afterRecord(recordIndex),
          e);
    }
    RecordPosition position =
        new RecordPosition(
            source, recordIndex++, lines.lineNumber(), lines.column(), lines.byteOffset());
    if (lines.tooLong()) {
      return Optional.of(new UnreadableRecord(position, limits.recordTooLargeReason(), ""));
    }
    byte[] buffer = lines.buffer();
    int start = lines.contentStart();
    int length = lines.contentEnd() - start;
    String raw = captureRaw ? new String(buffer, start, length, StandardCharsets.UTF_8) : "";
    if (takenForUtf16Or32(buffer, start, length)) {
      return Optional.of(new UnreadableRecord(position, NOT_UTF8, raw));
    }
    try (JsonParser parser = factory.createParser(buffer, start, length)) {
      return Optional.of(readLine(parser, position, raw));
    } catch (IOException e) {
      throw new ReadException(source + ": cannot parse " + position.describe(), e);
    }
  }

  /**
   * Whether Jackson, which guesses the encoding of the bytes it is given, would read the line as
   * UTF-16 or UTF-32: when one of its first two bytes is zero or it starts with a UTF-16 byte order
   * mark (0xFE and 0xFF never occur in UTF-8).
   */
  private static boolean takenForUtf16Or32(byte[] buffer, int start, int length) {
    int first = buffer[start] & 0xFF;
    return first == 0 || first == 0xFE || first == 0xFF || (length > 1 && buffer[start + 1] == 0);
  }

  private SourceRecord readLine(JsonParser parser, RecordPosition position, String raw)
      throws IOException {
    try {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new UnreadableRecord(position, "record is not a JSON object", raw);
      }
      Patient patient = mapper.read(parser);
      if (parser.nextToken() != null) {
        return new UnreadableRecord(position, "the line holds more than one JSON value", raw);
      }
      return new ParsedRecord(position, patient, mapper.problems(), mapper.unknownFields(), raw);
    } catch (JsonProcessingException e) {
      return new UnreadableRecord(position, lineProblem(e, parser), raw);
    }
  }

  /** {@code malformed JSON at column 17}: the column counts bytes from the line's start. */
  private String lineProblem(JsonProcessingException exception, JsonParser parser) {
    JsonLocation location =
        exception.getLocation() != null ? exception.getLocation() : parser.currentTokenLocation();
    return ReadMessages.problem(exception, limits)
        + " at column "
        + (lines.column() + location.getColumnNr() - 1);
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
      file.close();
    } catch (IOException e) {
      throw new ReadException(source + ": cannot close the file", e);
    }
  }
}
