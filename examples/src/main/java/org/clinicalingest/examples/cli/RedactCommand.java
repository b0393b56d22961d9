package org.clinicalingest.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    FileArguments.requireReadable(spec.commandLine(), "--input", input);
    FileArguments.requireWritable(spec.commandLine(), "--output", output);
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
}
