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
 * Synthetic, already redacted rows for the write benchmarks, shaped like the pipeline's chunks: per
 * patient three encounters and twelve observations (with a note of about 600 characters, some with
 * quotes, commas and line breaks), and one quarantine row per 100 observations.
 *
 * <p>Values come from a {@link Random} with a fixed seed; keys come from the chunk's sequence
 * number, so chunk {@code n} always has the same keys and a later chunk never repeats them.
 */
final class SyntheticChunks {

  private static final String[] WORDS = {
    "patient",
    "reports",
    "mild",
    "pain",
    "since",
    "[DATE]",
    "denies",
    "fever",
    "follow-up",
    "in",
    "two",
    "weeks",
    "blood",
    "pressure",
    "stable",
    "[NAME]",
    "café",
    "漢字",
    "BP",
    "mm[Hg]",
    "\"no\",",
    "said:\n"
  };

  private final Random random;
  private final int chunkRows;

  /**
   * @param seed seed of the values
   * @param chunkRows rows per chunk over all tables, about (one patient per 16 rows)
   */
  SyntheticChunks(long seed, int chunkRows) {
    this.random = new Random(seed);
    this.chunkRows = chunkRows;
  }

  /** The chunk with the given sequence number; values differ between calls, keys do not. */
  Chunk chunk(long sequence) {
    Map<Table, List<Row>> rows = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      rows.put(table, new ArrayList<>());
    }
    int patients = Math.max(1, chunkRows / 16);
    long observationIndex = 0;
    for (int patient = 0; patient < patients; patient++) {
      String patientId = "pat-" + sequence + "-" + patient;
      rows.get(Table.PATIENTS).add(row(Table.PATIENTS, patientId));
      for (int encounter = 0; encounter < 3; encounter++) {
        String encounterId = patientId + "-enc-" + encounter;
        rows.get(Table.ENCOUNTERS).add(row(Table.ENCOUNTERS, encounterId, patientId));
        for (int observation = 0; observation < 4; observation++) {
          String observationId = encounterId + "-obs-" + observation;
          rows.get(Table.OBSERVATIONS)
              .add(row(Table.OBSERVATIONS, observationId, encounterId, patientId));
          if (observationIndex++ % 100 == 99) {
            rows.get(Table.QUARANTINE).add(quarantineRow(sequence, observationIndex));
          }
        }
      }
    }
    long first = sequence * patients;
    return new Chunk("bench-run", sequence, "synthetic.ndjson", first, first + patients - 1, rows);
  }

  /** A row whose leading text columns are {@code ids}, the rest random values of their types. */
  private Row row(Table table, String... ids) {
    List<Object> values = new ArrayList<>(table.columns().size());
    for (Column column : table.columns()) {
      int index = values.size();
      if (index < ids.length) {
        values.add(ids[index]);
      } else {
        values.add(value(column));
      }
    }
    return new Row(values);
  }

  private Row quarantineRow(long sequence, long index) {
    return Row.of(
        "bench-run",
        "synthetic.ndjson",
        sequence * 1_000_000 + index,
        "encounters[0].observations[" + index + "]",
        index + 1,
        index * 1_000,
        "observation",
        "obs-" + index,
        List.of("code is required"),
        null,
        Instant.ofEpochSecond(1_700_000_000L + index));
  }

  private Object value(Column column) {
    if (column.nullable() && random.nextInt(10) == 0) {
      return null;
    }
    return switch (column.type()) {
      case TEXT -> text(column.name().equals("notes") ? 90 : 1 + random.nextInt(3));
      case TEXT_ARRAY -> List.of(text(1), text(2));
      case BOOLEAN -> random.nextBoolean();
      case DOUBLE -> random.nextDouble() * 200;
      case BIGINT -> random.nextLong();
      case TIMESTAMP -> Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000));
    };
  }

  private String text(int words) {
    StringBuilder text = new StringBuilder();
    for (int word = 0; word < words; word++) {
      if (word > 0) {
        text.append(' ');
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }
}
