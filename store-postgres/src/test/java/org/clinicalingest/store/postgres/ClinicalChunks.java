package org.clinicalingest.store.postgres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;

/**
 * Generates realistic synthetic chunks from a seed: per patient three encounters of four
 * observations each (1 : 3 : 12), notes of about 300 characters, and one quarantine row per 50
 * patients. Every column of every table gets a value of its type, some of them null.
 */
final class ClinicalChunks {

  private static final String[] WORDS = {
    "patient",
    "reports",
    "mild",
    "chest",
    "pain",
    "since",
    "yesterday",
    "denies",
    "fever",
    "BP",
    "stable",
    "follow-up",
    "in",
    "2",
    "weeks;",
    "\"no\"",
    "acute",
    "distress",
    "noted,",
    "tab\tseparated",
    "C:\\path",
    "résumé",
    "µg/dL",
    "—",
    "😀"
  };

  private final Random random;
  private final String idPrefix;

  ClinicalChunks(long seed, String idPrefix) {
    this.random = new Random(seed);
    this.idPrefix = idPrefix;
  }

  /** A chunk of {@code patients} patients and everything nested in them. */
  Chunk chunk(long sequence, int patients) {
    Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      rows.put(table, new ArrayList<>());
    }
    for (int p = 0; p < patients; p++) {
      String patientId = idPrefix + "p" + sequence + "-" + p;
      rows.get(Table.PATIENTS).add(patient(patientId));
      for (int e = 0; e < 3; e++) {
        String encounterId = patientId + "-e" + e;
        rows.get(Table.ENCOUNTERS).add(encounter(encounterId, patientId));
        for (int o = 0; o < 4; o++) {
          rows.get(Table.OBSERVATIONS)
              .add(observation(encounterId + "-o" + o, encounterId, patientId));
        }
      }
      if (p % 50 == 0) {
        rows.get(Table.QUARANTINE).add(quarantine(sequence, p));
      }
    }
    return new Chunk(
        "run-" + idPrefix,
        sequence,
        "synthetic.ndjson",
        sequence * patients,
        sequence * patients + patients - 1,
        rows);
  }

  private Row patient(String id) {
    return TestRows.row(
        Table.PATIENTS,
        "patient_id",
        id,
        "identifiers",
        List.of("SSN:[REDACTED]", "DL:[REDACTED]"),
        "family_name",
        "[NAME]",
        "given_names",
        List.of("[NAME]"),
        "name_prefix",
        random.nextBoolean() ? List.of("Dr.") : List.of(),
        "name_suffix",
        null,
        "date_of_birth",
        String.valueOf(1930 + random.nextInt(90)),
        "gender",
        random.nextBoolean() ? "female" : "male",
        "deceased",
        random.nextInt(10) == 0,
        "deceased_date",
        null,
        "marital_status",
        "M",
        "address_line1",
        "[ADDRESS]",
        "city",
        "[CITY]",
        "state",
        "MA",
        "postal_code",
        "021",
        "country",
        "US",
        "phone",
        "[PHONE]",
        "email",
        "[EMAIL]",
        "language",
        "en-US",
        "managing_organization",
        "Org " + random.nextInt(20));
  }

  private Row encounter(String id, String patientId) {
    return TestRows.row(
        Table.ENCOUNTERS,
        "encounter_id",
        id,
        "patient_id",
        patientId,
        "status",
        "finished",
        "class_code",
        "AMB",
        "period_start",
        "2019",
        "period_end",
        "2019",
        "reason_code",
        "I10",
        "reason_display",
        "Essential hypertension",
        "provider_name",
        "[NAME]",
        "facility_name",
        "Clinic " + random.nextInt(5));
  }

  private Row observation(String id, String encounterId, String patientId) {
    return TestRows.row(
        Table.OBSERVATIONS,
        "observation_id",
        id,
        "encounter_id",
        encounterId,
        "patient_id",
        patientId,
        "status",
        "final",
        "category",
        "vital-signs",
        "code",
        "8480-6",
        "code_system",
        "http://loinc.org",
        "display",
        "Systolic blood pressure",
        "value_quantity",
        90 + random.nextDouble() * 80,
        "value_unit",
        "mm[Hg]",
        "value_string",
        random.nextInt(4) == 0 ? "" : null,
        "effective_at",
        "2019",
        "interpretation",
        "normal",
        "notes",
        notes());
  }

  private Row quarantine(long sequence, int index) {
    return TestRows.row(
        Table.QUARANTINE,
        "run_id",
        "run-" + idPrefix,
        "source",
        "synthetic.ndjson",
        "record_index",
        sequence * 1_000_000L + index,
        "path",
        "$",
        "line",
        (long) index + 1,
        "byte_offset",
        (long) index * 1_400,
        "record_kind",
        "PATIENT",
        "record_id",
        "bad-" + index,
        "reasons",
        List.of("date_of_birth must not be in the future"),
        "rejected_at",
        Instant.ofEpochSecond(1_700_000_000L + index, 123_456_000));
  }

  private String notes() {
    StringBuilder notes = new StringBuilder(320);
    while (notes.length() < 300) {
      notes
          .append(WORDS[random.nextInt(WORDS.length)])
          .append(random.nextInt(12) == 0 ? "\n" : " ");
    }
    return notes.toString();
  }
}
