package org.clinicalingest.examples.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.clinicalingest.spi.PhiType;

/**
 * One line of a gold file: a PHI string the generator put into a text field of an observation, or a
 * clinical phrase ({@code "type": "KEEP"}) that redaction must leave alone.
 *
 * <p>Gold files are JSON Lines, e.g. {@code {"observation_id":"obs-1f…","field":"notes",
 * "start":12,"end":17,"type":"NAME","text":"Smith"}}. Lines of one observation's field are
 * consecutive, in text order, and observations come in ascending id order. Immutable and
 * thread-safe.
 *
 * @param observationId the observation whose field holds the text
 * @param field {@code notes}, {@code interpretation} or {@code value_string}
 * @param start inclusive UTF-16 offset into the field's text as written in the data file
 * @param end exclusive UTF-16 offset; {@code text.substring(start, end)} equals {@link #text()}
 * @param type a {@link PhiType} name, or {@link #KEEP}
 * @param text the string itself, cased as in the text
 * @param background how many more times {@code text} occurs in the field's text as an ordinary
 *     word, outside every PHI span (whole words, any case; e.g. the verb "may" beside the name
 *     "May"); 0 when the line has no {@code background} key
 */
public record GoldLine(
    String observationId,
    String field,
    int start,
    int end,
    String type,
    String text,
    int background) {

  /** The type of a clinical phrase that must survive redaction. */
  public static final String KEEP = "KEEP";

  /** Checks that every part is present and the offsets describe the text. */
  public GoldLine {
    Objects.requireNonNull(observationId, "observationId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException(
          "gold line of observation "
              + observationId
              + " has offsets "
              + start
              + ".."
              + end
              + " for a text of length "
              + text.length());
    }
  }

  /** Whether this line is a phrase to keep rather than PHI. */
  public boolean keep() {
    return KEEP.equals(type);
  }

  /**
   * The PHI category of this line.
   *
   * @throws IllegalStateException if this is a {@link #KEEP} line
   */
  public PhiType phiType() {
    if (keep()) {
      throw new IllegalStateException("a KEEP line has no PHI type");
    }
    return PhiType.valueOf(type);
  }

  /**
   * Reads a gold file, gzip-compressed if its name ends in {@code .gz}, and passes each line to
   * {@code action} in file order. Streams: memory use does not grow with the file.
   *
   * @throws UncheckedIOException if the file cannot be read or is not a gold file
   */
  public static void forEach(Path gold, Consumer<GoldLine> action) {
    JsonFactory factory = new JsonFactory();
    try (InputStream file = Files.newInputStream(gold);
        InputStream in =
            gold.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(file, 64 * 1024)
                : new BufferedInputStream(file, 64 * 1024);
        JsonParser parser = factory.createParser(in)) {
      long line = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        line++;
        if (token != JsonToken.START_OBJECT) {
          throw new IOException("gold line " + line + " is not a JSON object");
        }
        action.accept(read(parser, line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold file " + gold, e);
    }
  }

  private static GoldLine read(JsonParser parser, long line) throws IOException {
    String observationId = null;
    String field = null;
    String type = null;
    String text = null;
    int start = -1;
    int end = -1;
    int background = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "observation_id" -> observationId = parser.getText();
        case "field" -> field = parser.getText();
        case "type" -> type = parser.getText();
        case "text" -> text = parser.getText();
        case "start" -> start = parser.getIntValue();
        case "end" -> end = parser.getIntValue();
        case "background" -> background = parser.getIntValue();
        default -> parser.skipChildren();
      }
    }
    if (observationId == null || field == null || type == null || text == null || start < 0) {
      throw new IOException("gold line " + line + " lacks a required key");
    }
    return new GoldLine(observationId, field, start, end, type, text, background);
  }
}
