package org.clinicalingest.internal.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import org.clinicalingest.ReadException;

/**
 * Decides a file's {@link Shape} from its content alone, in a pass of its own over the head of the
 * file that is then closed, so that the reader proper starts from byte 0 without having to replay
 * what detection consumed.
 *
 * <p>After a UTF-8 byte order mark and blanks: nothing means an empty file (read as NDJSON without
 * lines); {@code [} means an array; an object whose first key is {@code patients} means a wrapped
 * file. Any other object must be NDJSON, which is confirmed by its first object ending on its first
 * line (or failing there, which the NDJSON reader then quarantines as a bad line). An object that
 * goes on over several lines is no shape of FORMAT.md (the message says so when its first key is
 * FHIR's {@code resourceType}: a FHIR Bundle is the likeliest such file), nor is an object with a
 * later {@code patients} key (a wrapped file must start with it), nor is content whose first
 * non-blank byte is neither {@code [} nor {@code {} (garbage, another encoding): they fail with a
 * {@link ReadException} rather than turning every line of the file into a bad record, unless the
 * file is named as NDJSON ({@code .ndjson} or {@code .jsonl}, optionally {@code .gz}) and the
 * object spans several lines or the content starts with neither bracket: then its first line is
 * taken to be broken and the NDJSON reader quarantines it, as it would any later line. The pass
 * reads at most about one record. Otherwise file names are not consulted. Content whose first byte
 * is followed by a zero byte is refused whatever its name: Jackson would take it for UTF-16 or
 * UTF-32 and decode it without byte offsets. Stateless.
 */
final class ShapeDetector {
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final byte[] OPEN_BRACE = {'{'};
  private static final String MULTI_LINE_OBJECT =
      "the top-level object's first key is not \"patients\" (as a wrapped file's must be)"
          + " and the object spans several lines (NDJSON has one object per line)";
  private static final String FHIR_HINT =
      "; its first key, \"resourceType\", is a FHIR resource's, and FHIR is not an input of"
          + " clinical-ingest (FORMAT.md: one patient object, encounters and observations nested)";
  private static final String NOT_UTF8 =
      "the content is not UTF-8 (its second byte is zero, as in UTF-16 or UTF-32)";

  private ShapeDetector() {}

  /**
   * Detects the shape of a file.
   *
   * @param factory parser factory whose constraints suit a root-level record (NDJSON)
   * @throws ReadException if the file cannot be read or its shape is none of FORMAT.md
   */
  static Shape detect(Path path, String source, JsonFactory factory, ReadLimits limits) {
    try (SourceFile file = SourceFile.open(path)) {
      CountingInputStream counted = new CountingInputStream(file.content());
      try {
        return detectContent(
            path, source, factory, limits, new BufferedInputStream(counted, BUFFER_BYTES));
      } catch (IOException e) {
        throw new ReadException(
            source
                + ": cannot read the file to detect its shape: read failed at byte "
                + counted.count(),
            e);
      }
    } catch (IOException e) {
      throw new ReadException(source + ": cannot read the file to detect its shape", e);
    }
  }

  private static Shape detectContent(
      Path path, String source, JsonFactory factory, ReadLimits limits, BufferedInputStream content)
      throws IOException {
    long offset = 0;
    int first = content.read();
    if (first == 0xEF) {
      if (content.read() != 0xBB || content.read() != 0xBF) {
        if (isNamedAsNdjson(path)) {
          return Shape.NDJSON;
        }
        throw notDetected(source, "it starts with neither '[' nor '{' (in UTF-8)");
      }
      offset = 3;
      first = content.read();
    }
    while (isBlank(first)) {
      first = content.read();
      offset++;
    }
    if (first < 0) {
      return Shape.NDJSON;
    }
    if (offset == 0 && secondByteIsZero(content)) {
      throw notDetected(source, NOT_UTF8);
    }
    if (first == '[') {
      return Shape.ARRAY;
    }
    if (first != '{') {
      if (isNamedAsNdjson(path)) {
        return Shape.NDJSON;
      }
      throw notDetected(
          source,
          "the first non-blank byte, at offset " + offset + ", is neither '[' nor '{' (in UTF-8)");
    }
    InputStream object = new SequenceInputStream(new ByteArrayInputStream(OPEN_BRACE), content);
    return detectObject(source, factory, object, limits, isNamedAsNdjson(path));
  }

  private static Shape detectObject(
      String source,
      JsonFactory factory,
      InputStream object,
      ReadLimits limits,
      boolean namedAsNdjson)
      throws IOException {
    JsonParser parser = factory.createParser(object);
    String firstName = null;
    try {
      parser.nextToken();
      firstName = parser.nextFieldName();
      if ("patients".equals(firstName)) {
        return Shape.WRAPPED;
      }
      JsonToken token = parser.currentToken();
      while (token != null) {
        JsonLocation location = parser.currentTokenLocation();
        if (location.getLineNr() > 1) {
          return multiLineObject(source, namedAsNdjson, firstName);
        }
        if (token == JsonToken.END_OBJECT && parser.getParsingContext().inRoot()) {
          return Shape.NDJSON;
        }
        if (token == JsonToken.FIELD_NAME
            && parser.getParsingContext().getNestingDepth() == 1
            && "patients".equals(parser.currentName())) {
          throw notDetected(
              source,
              "the top-level object has a \"patients\" key that is not its first key"
                  + " (a wrapped file must start with \"patients\")");
        }
        if (location.getByteOffset() > limits.maxRecordBytes()) {
          return Shape.NDJSON;
        }
        token = parser.nextToken();
      }
      return Shape.NDJSON;
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      if (location.getLineNr() > 1) {
        return multiLineObject(source, namedAsNdjson, firstName);
      }
      return Shape.NDJSON;
    } finally {
      parser.close();
    }
  }

  /**
   * Whether the byte after the one just read is zero. Jackson takes a stream whose first two bytes
   * hold a zero for UTF-16 or UTF-32 and decodes it so, reporting no byte offsets; FORMAT.md files
   * are UTF-8, so such content is refused here.
   */
  private static boolean secondByteIsZero(BufferedInputStream content) throws IOException {
    content.mark(1);
    int second = content.read();
    content.reset();
    return second == 0;
  }

  private static Shape multiLineObject(String source, boolean namedAsNdjson, String firstName) {
    if (namedAsNdjson) {
      return Shape.NDJSON;
    }
    throw notDetected(
        source, MULTI_LINE_OBJECT + ("resourceType".equals(firstName) ? FHIR_HINT : ""));
  }

  private static boolean isNamedAsNdjson(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().matches("(?i).*\\.(ndjson|jsonl)(\\.gz)?");
  }

  private static boolean isBlank(int value) {
    return value == ' ' || value == '\n' || value == '\r' || value == '\t';
  }

  private static ReadException notDetected(String source, String why) {
    return new ReadException(source + ": cannot detect the input shape: " + why);
  }
}
