package org.clinicalingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinicalingest.examples.cli.ClinicalIngestCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redact} with its default recogniser, the real CoreNLP model. */
class RedactCommandIT {

  @TempDir Path dir;

  @Test
  void redactsNamesWithCoreNlpByDefaultAndKeepsEponyms() throws IOException {
    String note =
        "Mr. Jonathan Whitfield was seen by Dr. Priya Raman for Parkinson disease on 03/14/2021.";
    Path input =
        Files.writeString(dir.resolve("texts.jsonl"), "{\"id\":\"a\",\"text\":\"" + note + "\"}\n");
    Path output = dir.resolve("out.jsonl");
    StringWriter err = new StringWriter();

    int status =
        ClinicalIngestCommand.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "redact",
            "--input",
            input.toString(),
            "--output",
            output.toString());

    assertThat(status).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .doesNotContain("Whitfield", "Jonathan", "Priya", "Raman", "03/14/2021")
        .contains("Parkinson disease", "\"type\":\"NAME\"", "\"type\":\"DATE\"")
        .contains("\"start\":" + note.indexOf("Jonathan"));
  }
}
