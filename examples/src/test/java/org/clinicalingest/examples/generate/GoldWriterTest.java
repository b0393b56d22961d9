package org.clinicalingest.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldWriterTest {

  @TempDir Path directory;

  @Test
  void writesLinesThatReadBackUnchanged() throws IOException {
    ByteSink sink = new ByteSink();
    GoldWriter writer = new GoldWriter(sink);
    String tricky = "O\"Brien \\ Jos\u00e9 \ud83d\ude00\ttab";
    writer.field("obs-\"1\"", "notes");
    writer.line(0, tricky.length(), PhiType.NAME, tricky, 0);
    writer.line(120, 129, null, "BP 120/80", 0);
    writer.field("obs-2", "value_string");
    writer.line(7, 10, PhiType.NAME, "May", 2);
    Path file = directory.resolve("gold.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      sink.writeTo(out);
    }

    List<GoldLine> lines = new ArrayList<>();
    GoldLine.forEach(file, lines::add);
    assertThat(lines)
        .containsExactly(
            new GoldLine("obs-\"1\"", "notes", 0, tricky.length(), "NAME", tricky, 0),
            new GoldLine("obs-\"1\"", "notes", 120, 129, "KEEP", "BP 120/80", 0),
            new GoldLine("obs-2", "value_string", 7, 10, "NAME", "May", 2));
    assertThat(Files.readAllLines(file)).hasSize(3);
  }
}
