package org.clinicalingest.examples.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads generated files into plain maps and lists with jackson-core, for assertions. */
final class JsonTree {

  private JsonTree() {}

  /** The patient objects of an array or NDJSON file, gzip-compressed if named {@code .gz}. */
  static List<Map<String, Object>> patients(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        JsonParser parser = new JsonFactory().createParser(in)) {
      List<Map<String, Object>> patients = new ArrayList<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          for (JsonToken item = parser.nextToken();
              item != JsonToken.END_ARRAY;
              item = parser.nextToken()) {
            patients.add(asObject(value(parser)));
          }
        } else {
          patients.add(asObject(value(parser)));
        }
      }
      return patients;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    return value instanceof List<?> ? (List<Object>) value : List.of();
  }

  /** The value at the parser's current token. */
  static Object value(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, value(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken();
            token != JsonToken.END_ARRAY;
            token = parser.nextToken()) {
          list.add(value(parser));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected token " + parser.currentToken());
    };
  }

  /** Every observation of the patients, by id (the last copy of a duplicate wins). */
  static Map<String, Map<String, Object>> observationsById(List<Map<String, Object>> patients) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Map<String, Object> patient : patients) {
      for (Object encounter : asList(patient.get("encounters"))) {
        for (Object observation : asList(asObject(encounter).get("observations"))) {
          Map<String, Object> fields = asObject(observation);
          if (fields.get("observation_id") instanceof String id) {
            byId.put(id, fields);
          }
        }
      }
    }
    return byId;
  }
}
