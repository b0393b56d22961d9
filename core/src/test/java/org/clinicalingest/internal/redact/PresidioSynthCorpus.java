package org.clinicalingest.internal.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled PII sentences of presidio-research ({@code synth_dataset_v2.json}, MIT, Copyright
 * (c) Microsoft Corporation), read from {@link SharedData}.
 */
final class PresidioSynthCorpus {

  static final String FILE = "presidio-synth/synth_dataset_v2.json";

  /** One gold span. */
  record Gold(String label, int start, int end, String value) {}

  /** One sentence with its gold spans. */
  record Sentence(String text, List<Gold> spans) {}

  private PresidioSynthCorpus() {}

  static List<Sentence> load() {
    try (JsonParser parser = new JsonFactory().createParser(SharedData.resolve(FILE).toFile())) {
      List<Sentence> sentences = new ArrayList<>();
      expect(parser.nextToken(), JsonToken.START_ARRAY);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        sentences.add(sentence(parser));
      }
      return sentences;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sentence sentence(JsonParser parser) throws IOException {
    String text = null;
    List<Gold> spans = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("full_text")) {
        text = parser.getText();
      } else if (field.equals("spans") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          spans.add(gold(parser));
        }
      } else {
        parser.skipChildren();
      }
    }
    return new Sentence(text, spans);
  }

  private static Gold gold(JsonParser parser) throws IOException {
    String label = null;
    String value = null;
    int start = -1;
    int end = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "entity_type" -> label = parser.getText();
        case "entity_value" -> value = parser.getText();
        case "start_position" -> start = parser.getIntValue();
        case "end_position" -> end = parser.getIntValue();
        default -> parser.skipChildren();
      }
    }
    return new Gold(label, start, end, value);
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalStateException("expected " + expected + " but found " + actual);
    }
  }
}
