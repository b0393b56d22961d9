package org.clinicalingest.examples.generate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.spi.PhiType;

/**
 * What {@link SyntheticDataGenerator#write} produced.
 *
 * <p>Counts let a test of the pipeline predict its summary: of the {@code records} read, {@code
 * expectedQuarantined} are rejected by a validator that follows FORMAT.md (records with a defect,
 * and everything nested in a rejected record) and the rest are written; {@code duplicates} of them
 * repeat an earlier record with the same id and content. Immutable and thread-safe.
 *
 * @param records records in the data file, duplicates and invalid ones included
 * @param duplicates records that repeat an earlier patient verbatim (whole patients are repeated,
 *     so their encounters and observations too); never invalid
 * @param invalid records that carry a {@link Defect} of their own
 * @param expectedQuarantined records a FORMAT.md validator rejects: the invalid ones plus the
 *     children of invalid parents
 * @param defects number of records with each defect
 * @param phiItems PHI strings inserted into notes, interpretations and textual values, by type;
 *     equal to the PHI lines of the gold file
 * @param keepPhrases clinical phrases inserted that must survive redaction (KEEP lines)
 * @param notes observations with a {@code notes} text, duplicates not counted
 * @param bytes bytes written to the data file (compressed size for {@code .gz})
 * @param jsonBytes bytes of JSON before compression
 * @param elapsed time the run took
 */
public record GenerationSummary(
    RecordCounts records,
    RecordCounts duplicates,
    RecordCounts invalid,
    RecordCounts expectedQuarantined,
    Map<Defect, Long> defects,
    Map<PhiType, Long> phiItems,
    long keepPhrases,
    long notes,
    long bytes,
    long jsonBytes,
    Duration elapsed) {

  /** Copies the maps. */
  public GenerationSummary {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(invalid, "invalid");
    Objects.requireNonNull(expectedQuarantined, "expectedQuarantined");
    Objects.requireNonNull(elapsed, "elapsed");
    defects = Map.copyOf(defects);
    phiItems = Map.copyOf(phiItems);
  }

  /** All PHI strings inserted. */
  public long phiTotal() {
    long total = 0;
    for (long count : phiItems.values()) {
      total += count;
    }
    return total;
  }

  /** Megabytes (10^6 bytes) of JSON generated per second. */
  public double megabytesPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return jsonBytes / 1e6 / seconds;
  }

  /** A plain-text table of the summary, for a console. */
  public String table() {
    StringBuilder out = new StringBuilder(1024);
    out.append(
        String.format(
            Locale.ROOT, "%-22s %12s %12s %12s%n", "", "patients", "encounters", "observations"));
    row(out, "records", records);
    row(out, "duplicates", duplicates);
    row(out, "invalid", invalid);
    row(out, "expected quarantined", expectedQuarantined);
    out.append(
        String.format(
            Locale.ROOT,
            "%nnotes %d, PHI items %d, KEEP phrases %d%n",
            notes,
            phiTotal(),
            keepPhrases));
    Map<PhiType, Long> ordered = new EnumMap<>(PhiType.class);
    ordered.putAll(phiItems);
    ordered.forEach(
        (type, count) ->
            out.append(String.format(Locale.ROOT, "  %-13s %12d%n", type.name(), count)));
    if (!defects.isEmpty()) {
      out.append("defects\n");
      Map<Defect, Long> orderedDefects = new EnumMap<>(Defect.class);
      orderedDefects.putAll(defects);
      orderedDefects.forEach(
          (defect, count) ->
              out.append(String.format(Locale.ROOT, "  %-24s %10d%n", defect.name(), count)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d bytes written (%d of JSON) in %.1f s, %.1f MB/s of JSON%n",
            bytes,
            jsonBytes,
            elapsed.toNanos() / 1e9,
            megabytesPerSecond()));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, RecordCounts counts) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %12d %12d %12d%n",
            label,
            counts.patients(),
            counts.encounters(),
            counts.observations()));
  }
}
