package org.clinicalingest.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void writesEachTextRedactedWithSpansIntoTheInputTextAndTheIdAsGiven() throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("texts.jsonl"),
            """
            {"id": 7, "text": "Call 617-555-0143 on 3/14/2021.", "source": "x"}

            {"text": "Nothing to hide \\u00e9\\ud83d\\ude00 here.", "id": {"note": "n-2"}}
            """);
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output);

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.readAllLines(output))
        .containsExactly(
            "{\"id\":7,\"text\":\"Call [PHONE] on [DATE].\",\"spans\":["
                + "{\"start\":5,\"end\":17,\"type\":\"PHONE\"},"
                + "{\"start\":21,\"end\":30,\"type\":\"DATE\"}]}",
            "{\"id\":{\"note\":\"n-2\"},\"text\":\"Nothing to hide é\uD83D\uDE00 here.\",\"spans\":[]}");
    assertThat(out.toString()).contains("redacted 2 texts");
  }

  @Test
  void batchesDoNotChangeTheOutput() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      lines
          .append("{\"id\":")
          .append(i)
          .append(",\"text\":\"SSN 123-45-67")
          .append(10 + i)
          .append("\"}\n");
    }
    Path input = Files.writeString(dir.resolve("texts.jsonl"), lines);
    Path whole = dir.resolve("whole.jsonl");
    Path batched = dir.resolve("batched.jsonl");

    redactWithPatternsOnly(input, whole);
    redactWithPatternsOnly(input, batched, "--batch-size", "4");

    assertThat(Files.readAllLines(batched)).hasSize(25).isEqualTo(Files.readAllLines(whole));
    assertThat(Files.readString(whole)).doesNotContain("123-45-67");
  }

  @Test
  void stopsWithOneLineNamingTheFileAndLineOfABadInputLine() throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("texts.jsonl"),
            "{\"id\":1,\"text\":\"fine\"}\n{\"id\":2,\"text\":\"Jane Roe\n{\"id\":3}\n");

    int status = redactWithPatternsOnly(input, dir.resolve("o.jsonl"));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("clinical-ingest: error: ")
        .contains("texts.jsonl line 2: malformed JSON")
        .doesNotContain("Jane");
  }

  @Test
  void refusesALineWithoutIdOrText() throws IOException {
    Path input = Files.writeString(dir.resolve("texts.jsonl"), "{\"id\":3,\"text\":42}\n");

    int status = redactWithPatternsOnly(input, dir.resolve("o.jsonl"));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("texts.jsonl line 1: \"text\" is not a string");
  }

  @Test
  void refusesInputThatIsNotUtf8() throws IOException {
    Path input =
        Files.write(
            dir.resolve("texts.jsonl"),
            // the bytes C3 28: the lead byte of a two-byte sequence, then "(" instead of its tail
            "{\"id\":1,\"text\":\"\u00c3(\"}\n".getBytes(StandardCharsets.ISO_8859_1));

    int status = redactWithPatternsOnly(input, dir.resolve("o.jsonl"));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("texts.jsonl line 1: not UTF-8");
  }

  @Test
  void exitsWithTwoOnAMissingInput() {
    assertThat(run("redact", "--input", "nowhere.jsonl", "--output", "o.jsonl")).isEqualTo(2);
    assertThat(err.toString()).contains("--input nowhere.jsonl: no such file");
  }

  @Test
  void exitsWithTwoOnFewerThanOneThreadOrText() throws IOException {
    Path input = dir.resolve("texts.jsonl");
    Files.writeString(input, "{\"id\": 1, \"text\": \"Seen on 2019-03-12.\"}\n");
    Path output = dir.resolve("out.jsonl");

    assertThat(redactWithPatternsOnly(input, output, "--threads", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--threads must be at least 1, was 0");
    assertThat(redactWithPatternsOnly(input, output, "--batch-size", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--batch-size must be at least 1, was 0");
    assertThat(output).doesNotExist();
  }

  /** Runs {@code redact} with pattern and record redaction only (no model to load). */
  private int redactWithPatternsOnly(Path input, Path output, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "redact",
                "--ner",
                "none",
                "--input",
                input.toString(),
                "--output",
                output.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private int run(String... args) {
    return ClinicalIngestCommand.execute(
        new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
