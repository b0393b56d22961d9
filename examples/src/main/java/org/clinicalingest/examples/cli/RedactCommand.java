package org.clinicalingest.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clinicalingest.FreeTextRedactor;
import org.clinicalingest.RedactedText;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redact}: redacts free texts from a JSON Lines file with the recognisers and policy of
 * {@code ingest}, and writes each text redacted, with the spans replaced.
 *
 * <p>Each input line is {@code {"id": ..., "text": "..."}} (other members are ignored, blank lines
 * skipped); each output line is {@code {"id": ..., "text": "...", "spans": [{"start": s, "end": e,
 * "type": "NAME"}]}} with offsets (UTF-16 code units) into the input text. The id is copied as it
 * is, whatever its JSON type. Texts go to the recogniser in batches; memory holds one batch and the
 * longest line.
 *
 * <p>A malformed line (not UTF-8, not a JSON object, malformed JSON, {@code "text"} not a string,
 * {@code "id"} or {@code "text"} missing, more than one JSON value, beyond the JSON reader's
 * limits) is skipped and reported on stderr with the file, its line number and the problem (the
 * column or byte where there is one), never its content; the first {@value #LISTED_SKIPS} are
 * listed, the rest counted. Every other line is redacted and written, in input order. The command
 * then returns {@value #EXIT_LINES_SKIPPED} instead of 0, so that scripts notice.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Redact free texts from a JSON Lines file, as ingest redacts notes.",
      "A malformed line (not UTF-8, not one JSON object with an \"id\" and a string \"text\") is"
          + " skipped and reported on stderr by line number, never by content (the first "
          + RedactCommand.LISTED_SKIPS
          + " are listed, the rest counted); every other line is redacted and written, in input"
          + " order."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:no line skipped",
      "1:fatal error, reported in one line; the output may be incomplete",
      "2:bad arguments (nothing written)",
      "3:malformed lines skipped (every other line written)"
    })
final class RedactCommand implements Callable<Integer> {

  /** The exit status of a run that skipped malformed lines (2 is picocli's for bad arguments). */
  static final int EXIT_LINES_SKIPPED = 3;

  /** Skipped lines reported one by one; the rest are only counted. */
  static final int LISTED_SKIPS = 20;

  /**
   * The longest line kept: more than the JSON reader takes in one string (20,000,000 chars, most of
   * them one byte), less than would strain a small heap. A longer line is skipped unread.
   */
  static final int MAX_LINE_BYTES = 64 << 20;

  private static final JsonFactory JSON = new JsonFactory();

  @Option(
      names = "--input",
      required = true,
      paramLabel = "TEXTS.jsonl",
      description = "One {\"id\": ..., \"text\": \"...\"} object per line.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "OUT.jsonl",
      description = "Where to write the redacted texts and their spans.")
  Path output;

  @Mixin NerOptions ner;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads of the recogniser (default: the available processors).")
  Integer threads;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Texts handed to the recogniser at once (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Spec CommandLine.Model.CommandSpec spec;

  /** One input line: the id as raw JSON, and the text. */
  private record TextLine(String idJson, String text) {}

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--input " + input + ": no such file");
    }
    if (batchSize < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--batch-size must be at least 1, was " + batchSize);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--threads must be at least 1, was " + threads);
    }
    Map<PhiType, Long> spanCounts = new EnumMap<>(PhiType.class);
    long texts = 0;
    SkippedLines skipped = new SkippedLines(input, spec.commandLine().getErr());
    NerRedactor recogniser = ner.recogniser(threads);
    FreeTextRedactor.Builder builder = FreeTextRedactor.builder();
    if (recogniser != null) {
      builder.redactor(recogniser);
    }
    try (FreeTextRedactor redactor = builder.build();
        Utf8Lines lines = new Utf8Lines(input);
        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      List<TextLine> batch = new ArrayList<>(batchSize);
      while (lines.next()) {
        try {
          String line = lines.decode();
          if (!line.isBlank()) {
            batch.add(parse(line));
          }
        } catch (MalformedLineException e) {
          skipped.add(lines.number(), e.getMessage());
        }
        if (batch.size() == batchSize) {
          texts += write(redactor, batch, out, spanCounts);
        }
      }
      texts += write(redactor, batch, out, spanCounts);
    }
    skipped.reportUnlisted();
    spec.commandLine()
        .getOut()
        .println(
            "redacted "
                + texts
                + " texts into "
                + output
                + "; skipped "
                + skipped.count()
                + " malformed lines; spans replaced: "
                + spanCounts);
    return skipped.count() == 0 ? 0 : EXIT_LINES_SKIPPED;
  }

  private static TextLine parse(String line) throws IOException, MalformedLineException {
    String idJson = null;
    String text = null;
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedLineException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("id")) {
          StringWriter id = new StringWriter();
          try (JsonGenerator copy = JSON.createGenerator(id)) {
            copy.copyCurrentStructure(parser);
          }
          idJson = id.toString();
        } else if (name.equals("text")) {
          if (value != JsonToken.VALUE_STRING) {
            throw new MalformedLineException("\"text\" is not a string");
          }
          text = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new MalformedLineException("more than one JSON value");
      }
    } catch (StreamConstraintsException e) {
      throw new MalformedLineException(
          "beyond the JSON reader's limits (string or number length, nesting depth)"
              + at(e.getLocation()));
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the line, so only the position is kept.
      throw new MalformedLineException("malformed JSON" + at(e.getLocation()));
    }
    if (idJson == null || text == null) {
      throw new MalformedLineException("needs both \"id\" and \"text\"");
    }
    return new TextLine(idJson, text);
  }

  private static String at(JsonLocation location) {
    return location == null || location.getColumnNr() < 1
        ? ""
        : " at column " + location.getColumnNr();
  }

  private static int write(
      FreeTextRedactor redactor, List<TextLine> batch, Writer out, Map<PhiType, Long> spanCounts)
      throws IOException {
    List<RedactedText> results = redactor.redactAll(batch.stream().map(TextLine::text).toList());
    for (int i = 0; i < batch.size(); i++) {
      RedactedText result = results.get(i);
      try (JsonGenerator line = JSON.createGenerator(out)) {
        line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        line.writeStartObject();
        line.writeFieldName("id");
        line.writeRawValue(batch.get(i).idJson());
        line.writeStringField("text", result.text());
        line.writeArrayFieldStart("spans");
        for (PhiSpan span : result.spans()) {
          line.writeStartObject();
          line.writeNumberField("start", span.start());
          line.writeNumberField("end", span.end());
          line.writeStringField("type", span.type().name());
          line.writeEndObject();
          spanCounts.merge(span.type(), 1L, Long::sum);
        }
        line.writeEndArray();
        line.writeEndObject();
      }
      out.write('\n');
    }
    int written = batch.size();
    batch.clear();
    return written;
  }

  /** Why a line is skipped: a problem and its position in the line, never the line's content. */
  private static final class MalformedLineException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedLineException(String problem) {
      super(problem, null, false, false);
    }
  }

  /** Reports skipped lines on stderr: the first {@link #LISTED_SKIPS} one by one, then a count. */
  private static final class SkippedLines {
    private final Path file;
    private final PrintWriter err;
    private long count;

    SkippedLines(Path file, PrintWriter err) {
      this.file = file;
      this.err = err;
    }

    void add(long lineNumber, String problem) {
      count++;
      if (count <= LISTED_SKIPS) {
        err.println(file + " line " + lineNumber + ": " + problem + "; skipped");
      }
    }

    void reportUnlisted() {
      if (count > LISTED_SKIPS) {
        err.println(
            file
                + ": "
                + (count - LISTED_SKIPS)
                + " more malformed lines skipped (only the first "
                + LISTED_SKIPS
                + " are listed)");
      }
      err.flush();
    }

    long count() {
      return count;
    }
  }

  /**
   * The lines of a UTF-8 file, read as bytes split on {@code '\n'} (a {@code '\r'} before it
   * dropped) and each decoded on its own, strictly. A reader decoding the file in blocks can only
   * say that bad UTF-8 lies somewhere in a block, and replacing it instead would alter texts
   * silently; decoded line by line, a bad byte is pinned to its line and spoils no other. A byte
   * order mark at the start of the file is skipped. Memory holds one block and the longest line so
   * far, at most {@link #MAX_LINE_BYTES}: a longer line is read to its end but not kept.
   */
  private static final class Utf8Lines implements Closeable {

    /** The UTF-8 byte order mark, skipped at the start of the file as {@code ingest} skips it. */
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private long number;
    private final byte[] block = new byte[1 << 16];
    private int blockStart;
    private int blockEnd;
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private boolean lineTooLong;
    private CharBuffer chars = CharBuffer.allocate(1 << 12);
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    Utf8Lines(Path file) throws IOException {
      this.in = Files.newInputStream(file);
    }

    /** Reads the next line's bytes; false at the end of the file. */
    boolean next() throws IOException {
      lineLength = 0;
      lineTooLong = false;
      boolean read = false;
      while (true) {
        if (blockStart == blockEnd) {
          int length = in.read(block);
          if (length < 0) {
            if (read) {
              number++;
            }
            return read;
          }
          blockStart = 0;
          blockEnd = length;
        }
        read = true;
        int end = blockStart;
        while (end < blockEnd && block[end] != '\n') {
          end++;
        }
        append(blockStart, end);
        if (end < blockEnd) {
          blockStart = end + 1;
          if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
          }
          number++;
          return true;
        }
        blockStart = blockEnd;
      }
    }

    private void append(int start, int end) {
      long needed = (long) lineLength + (end - start);
      if (lineTooLong || needed > MAX_LINE_BYTES) {
        lineTooLong = true;
        return;
      }
      if (needed > line.length) {
        line =
            Arrays.copyOf(line, (int) Math.min(MAX_LINE_BYTES, Math.max(needed, 2L * line.length)));
      }
      System.arraycopy(block, start, line, lineLength, end - start);
      lineLength = (int) needed;
    }

    private boolean startsWithByteOrderMark() {
      return lineLength >= BYTE_ORDER_MARK.length
          && Arrays.equals(
              line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
    }

    /** The number of the line last read, from 1. */
    long number() {
      return number;
    }

    /** Decodes the line last read; a UTF-8 line never has more chars than bytes. */
    String decode() throws MalformedLineException {
      if (lineTooLong) {
        throw new MalformedLineException("longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
      }
      if (chars.capacity() < lineLength) {
        chars = CharBuffer.allocate(lineLength);
      }
      chars.clear();
      int start = number == 1 && startsWithByteOrderMark() ? BYTE_ORDER_MARK.length : 0;
      ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
      decoder.reset();
      CoderResult result = decoder.decode(bytes, chars, true);
      if (!result.isError()) {
        result = decoder.flush(chars);
      }
      if (result.isError()) {
        throw new MalformedLineException("not UTF-8 at byte " + (bytes.position() + 1));
      }
      return new String(chars.array(), 0, chars.position());
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
