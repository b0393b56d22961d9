package org.clinicalingest.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
    assertThat(err.toString()).isEmpty();
    assertThat(Files.readAllLines(output))
        .containsExactly(
            "{\"id\":7,\"text\":\"Call [PHONE] on [DATE].\",\"spans\":["
                + "{\"start\":5,\"end\":17,\"type\":\"PHONE\"},"
                + "{\"start\":21,\"end\":30,\"type\":\"DATE\"}]}",
            "{\"id\":{\"note\":\"n-2\"},\"text\":\"Nothing to hide é\uD83D\uDE00 here.\",\"spans\":[]}");
    assertThat(out.toString())
        .startsWith("redacted 2 texts into " + output + "; skipped 0 malformed lines; spans");
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
  void skipsEachKindOfMalformedLineReportingItsLineAndWritesTheOthersInOrder() throws IOException {
    Path input =
        write(
            "texts.jsonl",
            utf8("{\"id\":1,\"text\":\"Call 617-555-0143.\"}\n"),
            // the bytes C3 28: the lead byte of a two-byte sequence, then "(" instead of its tail
            utf8("{\"id\":2,\"text\":\"Zebulon Quixtar "),
            new byte[] {(byte) 0xC3, '('},
            utf8("\"}\n"),
            utf8("{\"id\":3,\"text\":\"Seen on 3/14/2021.\"}\n"),
            utf8("[\"Zebulon Quixtar\"]\n"),
            utf8("{\"id\":5 \"text\":\"Zebulon Quixtar\"}\n"),
            utf8("{\"id\":6,\"text\":[\"Zebulon Quixtar\"]}\n"),
            utf8("{\"text\":\"Zebulon Quixtar\"}\n"),
            utf8("{\"id\":8,\"text\":\"Zebulon Quixtar\"} {\"id\":9,\"text\":\"x\"}\n"),
            utf8("\n"),
            utf8("{\"id\":10,\"text\":\"Nothing here \u00e9.\"}"));
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output, "--batch-size", "2");

    assertThat(status).isEqualTo(3);
    assertThat(Files.readAllLines(output))
        .containsExactly(
            "{\"id\":1,\"text\":\"Call [PHONE].\",\"spans\":[{\"start\":5,\"end\":17,\"type\":\"PHONE\"}]}",
            "{\"id\":3,\"text\":\"Seen on [DATE].\",\"spans\":[{\"start\":8,\"end\":17,\"type\":\"DATE\"}]}",
            "{\"id\":10,\"text\":\"Nothing here \u00e9.\",\"spans\":[]}");
    assertThat(err.toString().lines())
        .containsExactly(
            input + " line 2: not UTF-8 at byte 33; skipped",
            input + " line 4: not a JSON object; skipped",
            input + " line 5: malformed JSON at column 9; skipped",
            input + " line 6: \"text\" is not a string; skipped",
            input + " line 7: needs both \"id\" and \"text\"; skipped",
            input + " line 8: more than one JSON value; skipped");
    assertThat(out.toString())
        .startsWith("redacted 3 texts into " + output + "; skipped 6 malformed lines;");
    assertThat(out.toString() + err).doesNotContain("Zebulon", "Quixtar");
  }

  @Test
  void skipsAByteOrderMarkAtTheStartOfTheFile() throws IOException {
    Path input =
        write(
            "texts.jsonl",
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            utf8("{\"id\":1,\"text\":\"Call 617-555-0143.\"}\n{\"id\":2,\"text\":\"fine\"}\n"));
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output);

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.readAllLines(output))
        .containsExactly(
            "{\"id\":1,\"text\":\"Call [PHONE].\",\"spans\":[{\"start\":5,\"end\":17,\"type\":\"PHONE\"}]}",
            "{\"id\":2,\"text\":\"fine\",\"spans\":[]}");
  }

  @Test
  void listsTheFirstTwentySkippedLinesAndCountsTheRest() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      lines.append("{\"id\":").append(i).append("}\n");
    }
    lines.append("{\"id\":26,\"text\":\"fine\"}\n");
    Path input = Files.writeString(dir.resolve("texts.jsonl"), lines);
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output);

    assertThat(status).isEqualTo(3);
    assertThat(Files.readAllLines(output))
        .containsExactly("{\"id\":26,\"text\":\"fine\",\"spans\":[]}");
    List<String> reported = err.toString().lines().toList();
    assertThat(reported).hasSize(21);
    assertThat(reported.get(19))
        .isEqualTo(input + " line 20: needs both \"id\" and \"text\"; skipped");
    assertThat(reported.get(20))
        .isEqualTo(input + ": 5 more malformed lines skipped (only the first 20 are listed)");
    assertThat(out.toString()).contains("redacted 1 texts", "skipped 25 malformed lines");
  }

  @Test
  void readsABadLineRightAfterALineOfSeveralMegabytes() throws IOException {
    // 3 MB of two- and four-byte characters, so that blocks of the file end inside a character
    String longText = "ab \u00e9\ud83d\ude00 ".repeat(300_000) + "call 617-555-0143";
    Path input =
        write(
            "texts.jsonl",
            utf8("{\"id\":1,\"text\":\"" + longText + "\"}\n"),
            utf8("{\"id\":2,\"text\":\"Zebulon Quixtar "),
            new byte[] {(byte) 0xE2, (byte) 0x82},
            utf8("\"}\n"),
            utf8("{\"id\":3,\"text\":\"fine\"}\n"));
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output);

    assertThat(status).isEqualTo(3);
    List<String> written = Files.readAllLines(output);
    assertThat(written).hasSize(2);
    assertThat(written.get(0))
        .startsWith("{\"id\":1,\"text\":\"ab \u00e9\ud83d\ude00 ab ")
        .contains(longText.replace("617-555-0143", "[PHONE]"));
    assertThat(written.get(1)).isEqualTo("{\"id\":3,\"text\":\"fine\",\"spans\":[]}");
    assertThat(err.toString().lines())
        .containsExactly(input + " line 2: not UTF-8 at byte 33; skipped");
  }

  @Test
  void skipsALineLongerThanItKeepsWithoutHoldingIt() throws IOException {
    Path input = dir.resolve("texts.jsonl");
    try (var out = Files.newOutputStream(input)) {
      out.write(utf8("{\"id\":1,\"text\":\"Call 617-555-0143.\"}\n{\"id\":2,\"text\":\""));
      byte[] block = utf8("Zebulon Quixtar ".repeat(1 << 12));
      for (long written = 0; written <= Utf8Lines.MAX_LINE_BYTES; ) {
        out.write(block);
        written += block.length;
      }
      out.write(utf8("\"}\n{\"id\":3,\"text\":\"fine\"}\n"));
    }
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output);

    assertThat(status).isEqualTo(3);
    assertThat(Files.readAllLines(output))
        .containsExactly(
            "{\"id\":1,\"text\":\"Call [PHONE].\",\"spans\":[{\"start\":5,\"end\":17,\"type\":\"PHONE\"}]}",
            "{\"id\":3,\"text\":\"fine\",\"spans\":[]}");
    assertThat(err.toString().lines())
        .containsExactly(input + " line 2: longer than 64 MiB; skipped");
    Files.delete(input);
  }

  @Test
  void readsLinesEndingInCarriageReturnAndLineFeed() throws IOException {
    Path input =
        write(
            "texts.jsonl",
            utf8("{\"id\":1,\"text\":\"Call 617-555-0143\"}\r\n"),
            utf8("\r\n"),
            utf8("{\"id\":3,\"text\":\"Zebulon Quixtar \u00e9\r\n"),
            utf8("{\"id\":4,\"text\":\"line\\r\\nbreak\"}\r\n"));
    Path output = dir.resolve("out.jsonl");

    int status = redactWithPatternsOnly(input, output);

    assertThat(status).isEqualTo(3);
    assertThat(Files.readString(output))
        .isEqualTo(
            "{\"id\":1,\"text\":\"Call [PHONE]\",\"spans\":[{\"start\":5,\"end\":17,\"type\":\"PHONE\"}]}\n"
                + "{\"id\":4,\"text\":\"line\\r\\nbreak\",\"spans\":[]}\n");
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith(input + " line 3: malformed JSON at column ")
        .endsWith("; skipped");
    assertThat(out.toString() + err).doesNotContain("Zebulon");
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

  private Path write(String name, byte[]... parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.write(part);
    }
    return Files.write(dir.resolve(name), bytes.toByteArray());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
