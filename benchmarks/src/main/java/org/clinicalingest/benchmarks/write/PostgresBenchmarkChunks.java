package org.clinicalingest.benchmarks.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/**
 * Synthetic chunks from a fixed seed for the PostgreSQL benchmarks: per patient three encounters of
 * four observations each (1 : 3 : 12), notes of about 300 characters of text, and one quarantine
 * row per 50 patients.
 */
final class PostgresBenchmarkChunks {

  private static final String[] WORDS = {
    "patient",
    "reports",
    "mild",
    "chest",
    "pain",
    "since",
    "yesterday;",
    "denies",
    "fever,",
    "chills",
    "or",
    "dyspnea.",
    "BP",
    "stable",
    "on",
    "lisinopril",
    "10",
    "mg",
    "daily.",
    "Follow-up",
    "in",
    "2",
    "weeks",
    "with",
    "[NAME]",
    "at",
    "[PHONE].",
    "No",
    "acute",
    "distress"
  };

  private PostgresBenchmarkChunks() {}

  /** A chunk of about {@code rows} data rows (a sixteenth of them patients), from {@code seed}. */
  static Chunk chunk(long seed, int rows) {
    Random random = new Random(seed);
    int patients = Math.max(1, rows / 16);
    Map<Table, List<Row>> byTable = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      byTable.put(table, new ArrayList<>());
    }
    for (int p = 0; p < patients; p++) {
      String patientId = "mrn-" + seed + "-" + p;
      byTable.get(Table.PATIENTS).add(patient(random, patientId));
      for (int e = 0; e < 3; e++) {
        String encounterId = patientId + "-e" + e;
        byTable.get(Table.ENCOUNTERS).add(encounter(random, encounterId, patientId));
        for (int o = 0; o < 4; o++) {
          byTable
              .get(Table.OBSERVATIONS)
              .add(observation(random, encounterId + "-o" + o, encounterId, patientId));
        }
      }
      if (p % 50 == 0) {
        byTable.get(Table.QUARANTINE).add(quarantine(seed, p));
      }
    }
    return new Chunk("bench-" + seed, 0, "bench.ndjson", 0, patients - 1L, byTable);
  }

  private static Row patient(Random random, String id) {
    return row(
        Table.PATIENTS,
        Map.ofEntries(
            Map.entry("patient_id", id),
            Map.entry("identifiers", List.of("SSN:[REDACTED]", "DL:[REDACTED]")),
            Map.entry("family_name", "[NAME]"),
            Map.entry("given_names", List.of("[NAME]", "[NAME]")),
            Map.entry("name_prefix", List.of()),
            Map.entry("date_of_birth", String.valueOf(1930 + random.nextInt(90))),
            Map.entry("gender", random.nextBoolean() ? "female" : "male"),
            Map.entry("deceased", random.nextInt(20) == 0),
            Map.entry("marital_status", "M"),
            Map.entry("address_line1", "[ADDRESS]"),
            Map.entry("city", "[CITY]"),
            Map.entry("state", "MA"),
            Map.entry("postal_code", "021"),
            Map.entry("country", "US"),
            Map.entry("phone", "[PHONE]"),
            Map.entry("email", "[EMAIL]"),
            Map.entry("language", "en-US"),
            Map.entry("managing_organization", "Org " + random.nextInt(20))));
  }

  private static Row encounter(Random random, String id, String patientId) {
    return row(
        Table.ENCOUNTERS,
        Map.of(
            "encounter_id", id,
            "patient_id", patientId,
            "status", "finished",
            "class_code", "AMB",
            "period_start", "2019",
            "period_end", "2019",
            "reason_code", "I10",
            "reason_display", "Essential hypertension",
            "provider_name", "[NAME]",
            "facility_name", "Clinic " + random.nextInt(5)));
  }

  private static Row observation(Random random, String id, String encounterId, String patientId) {
    return row(
        Table.OBSERVATIONS,
        Map.ofEntries(
            Map.entry("observation_id", id),
            Map.entry("encounter_id", encounterId),
            Map.entry("patient_id", patientId),
            Map.entry("status", "final"),
            Map.entry("category", "vital-signs"),
            Map.entry("code", "8480-6"),
            Map.entry("code_system", "http://loinc.org"),
            Map.entry("display", "Systolic blood pressure"),
            Map.entry("value_quantity", 90 + random.nextDouble() * 80),
            Map.entry("value_unit", "mm[Hg]"),
            Map.entry("effective_at", "2019"),
            Map.entry("interpretation", "normal"),
            Map.entry("notes", notes(random))));
  }

  private static Row quarantine(long seed, int index) {
    return row(
        Table.QUARANTINE,
        Map.of(
            "run_id",
            "bench-" + seed,
            "source",
            "bench.ndjson",
            "record_index",
            (long) index,
            "path",
            "$",
            "line",
            (long) index + 1,
            "byte_offset",
            index * 1_400L,
            "record_kind",
            "PATIENT",
            "record_id",
            "bad-" + index,
            "reasons",
            List.of("date_of_birth must not be in the future"),
            "rejected_at",
            Instant.ofEpochSecond(1_700_000_000L + index)));
  }

  private static String notes(Random random) {
    StringBuilder notes = new StringBuilder(320);
    while (notes.length() < 300) {
      notes.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return notes.toString();
  }

  private static Row row(Table table, Map<String, ?> values) {
    List<Object> ordered = new ArrayList<>();
    for (Column column : table.columns()) {
      ordered.add(values.get(column.name()));
    }
    return new Row(ordered);
  }
}
