package org.clinicalingest.ner.corenlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads evaluation sets: our JSONL format ({@code {"id","text","spans":[{"start","end","type"}],
 * "keep":[{"start","end"}]}}, keep optional), and the Presidio synthetic PII set, of which only
 * PERSON spans are kept (as NAME).
 */
final class EvalSets {

  /** Folder of the JSONL evaluation sets; every {@code *.jsonl} in it is evaluated. */
  static final Path EVAL_FOLDER = Path.of("src/test/resources/eval");

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalSets() {}

  static List<Path> jsonlFiles() {
    try (Stream<Path> files = Files.list(EVAL_FOLDER)) {
      return files.filter(file -> file.toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<EvalNote> readJsonl(Path file) {
    List<EvalNote> notes = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode note = JSON.readTree(line);
        notes.add(
            new EvalNote(
                note.get("id").asText(),
                note.get("text").asText(),
                golds(note.get("spans"), true),
                golds(note.get("keep"), false)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return notes;
  }

  private static List<EvalNote.Gold> golds(JsonNode array, boolean typed) {
    List<EvalNote.Gold> golds = new ArrayList<>();
    if (array == null) {
      return golds;
    }
    for (JsonNode span : array) {
      golds.add(
          new EvalNote.Gold(
              span.get("start").asInt(),
              span.get("end").asInt(),
              typed ? span.get("type").asText() : null));
    }
    return golds;
  }

  /** The Presidio set, from the repository's {@code testdata} folder (MIT, see its README). */
  static Path presidioFile() {
    String relative = "testdata/presidio-synth/synth_dataset_v2.json";
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(relative + " not found above the working directory");
  }

  /** Reads the Presidio set; its offsets count code points and are turned into UTF-16 ones. */
  static List<EvalNote> readPresidio(Path file) {
    List<EvalNote> notes = new ArrayList<>();
    try {
      JsonNode all = JSON.readTree(file.toFile());
      int index = 0;
      for (JsonNode sample : all) {
        String text = sample.get("full_text").asText();
        List<EvalNote.Gold> spans = new ArrayList<>();
        for (JsonNode span : sample.get("spans")) {
          String type = span.get("entity_type").asText();
          spans.add(
              new EvalNote.Gold(
                  text.offsetByCodePoints(0, span.get("start_position").asInt()),
                  text.offsetByCodePoints(0, span.get("end_position").asInt()),
                  "PERSON".equals(type) ? "NAME" : type));
        }
        notes.add(new EvalNote("presidio-" + index++, text, spans, List.of()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return notes;
  }
}
