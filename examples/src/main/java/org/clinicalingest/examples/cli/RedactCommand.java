package org.clinicalingest.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
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
 * is, whatever its JSON type. Texts go to the recogniser in batches; memory holds one batch.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = "Redact free texts from a JSON Lines file, as ingest redacts notes.")
final class RedactCommand implements Callable<Integer> {

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
    NerRedactor recogniser = ner.recogniser(threads);
    FreeTextRedactor.Builder builder = FreeTextRedactor.builder();
    if (recogniser != null) {
      builder.redactor(recogniser);
    }
    try (FreeTextRedactor redactor = builder.build();
        BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      List<TextLine> batch = new ArrayList<>(batchSize);
      long lineNumber = 0;
      String line;
      while ((line = readLine(lines, lineNumber + 1)) != null) {
        lineNumber++;
        if (!line.isBlank()) {
          batch.add(parse(line, lineNumber));
        }
        if (batch.size() == batchSize) {
          texts += write(redactor, batch, out, spanCounts);
        }
      }
      texts += write(redactor, batch, out, spanCounts);
    }
    spec.commandLine()
        .getOut()
        .println("redacted " + texts + " texts into " + output + "; spans replaced: " + spanCounts);
    return 0;
  }

  /** Reads the next line; bytes are decoded in blocks, so bad UTF-8 may lie a few lines on. */
  private String readLine(BufferedReader lines, long lineNumber) throws IOException {
    try {
      return lines.readLine();
    } catch (CharacterCodingException e) {
      throw badLine(lineNumber, "not UTF-8 (at this line or a few after it)");
    }
  }

  private TextLine parse(String line, long lineNumber) throws IOException {
    String idJson = null;
    String text = null;
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw badLine(lineNumber, "not a JSON object");
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
            throw badLine(lineNumber, "\"text\" is not a string");
          }
          text = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw badLine(lineNumber, "more than one JSON value");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw badLine(lineNumber, "malformed JSON at column " + e.getLocation().getColumnNr());
    }
    if (idJson == null || text == null) {
      throw badLine(lineNumber, "needs both \"id\" and \"text\"");
    }
    return new TextLine(idJson, text);
  }

  private IllegalArgumentException badLine(long lineNumber, String problem) {
    return new IllegalArgumentException(input + " line " + lineNumber + ": " + problem);
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
}
