package org.clinicalingest.examples.generate;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clinicalingest.spi.PhiType;

/**
 * Checks written (redacted) text against a gold file of {@link SyntheticDataGenerator}: how many
 * PHI strings are still there, by category, and how many clinical phrases survived.
 *
 * <p>A PHI string counts as leaked when it still occurs in the written text of its field as a whole
 * word, in any case, more often than it occurs there as an ordinary word (the gold line's {@code
 * background}: "may" the verb beside "May" the name, "Parkinson" inside "Parkinson disease"). When
 * one field holds the same string several times, as many of its gold lines count as leaked as there
 * are surplus occurrences. A KEEP phrase survives when it still occurs as a whole word. Fields not
 * found (quarantined records) are counted as absent.
 *
 * <pre>{@code
 * try (TextLookup written = TextLookup.jdbc(connection, "observations")) {
 *   LeakReport report = LeakCheck.run(Path.of("patients.gold.jsonl"), written);
 *   System.out.print(report.table());
 * }
 * }</pre>
 *
 * <p>Stateless; thread-safe if the lookup is.
 */
public final class LeakCheck {

  private LeakCheck() {}

  /**
   * Streams the gold file and checks each observation field once.
   *
   * @param gold the gold file ({@code .gz} allowed)
   * @param written the written text of an observation's field
   * @return counts per category
   * @throws UncheckedIOException if the gold file cannot be read
   */
  public static LeakReport run(Path gold, TextLookup written) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(written, "written");
    Tallies tallies = new Tallies();
    List<GoldLine> group = new ArrayList<>();
    GoldLine.forEach(
        gold,
        line -> {
          if (!group.isEmpty()
              && !(group.get(0).observationId().equals(line.observationId())
                  && group.get(0).field().equals(line.field()))) {
            check(group, written, tallies);
            group.clear();
          }
          group.add(line);
        });
    if (!group.isEmpty()) {
      check(group, written, tallies);
    }
    return tallies.report();
  }

  /** Checks the gold lines of one field of one observation. */
  private static void check(List<GoldLine> lines, TextLookup written, Tallies tallies) {
    GoldLine first = lines.get(0);
    Optional<String> text = written.text(first.observationId(), first.field());
    if (text.isEmpty()) {
      for (GoldLine line : lines) {
        tallies.add(line, true, false);
      }
      return;
    }
    boolean[] done = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (done[i]) {
        continue;
      }
      GoldLine line = lines.get(i);
      String key = line.text().toLowerCase(Locale.ROOT);
      List<GoldLine> same = new ArrayList<>();
      for (int j = i; j < lines.size(); j++) {
        GoldLine other = lines.get(j);
        if (!done[j]
            && other.keep() == line.keep()
            && other.text().toLowerCase(Locale.ROOT).equals(key)) {
          same.add(other);
          done[j] = true;
        }
      }
      int occurrences = WordMatch.count(text.get(), line.text());
      long found =
          line.keep()
              ? Math.min(same.size(), occurrences)
              : Math.max(0, Math.min(same.size(), occurrences - line.background()));
      for (int k = 0; k < same.size(); k++) {
        tallies.add(same.get(k), false, k < found);
      }
    }
  }

  /** Running counts, by category. */
  private static final class Tallies {
    private final long[][] phi = new long[PhiType.values().length][3];
    private final long[] keep = new long[3];

    void add(GoldLine line, boolean absent, boolean found) {
      long[] counts = line.keep() ? keep : phi[line.phiType().ordinal()];
      counts[0]++;
      if (absent) {
        counts[1]++;
      }
      if (found) {
        counts[2]++;
      }
    }

    LeakReport report() {
      Map<PhiType, LeakReport.Count> byType = new EnumMap<>(PhiType.class);
      for (PhiType type : PhiType.values()) {
        long[] counts = phi[type.ordinal()];
        if (counts[0] > 0) {
          byType.put(type, new LeakReport.Count(counts[0], counts[1], counts[2]));
        }
      }
      return new LeakReport(byType, new LeakReport.Count(keep[0], keep[1], keep[2]));
    }
  }
}
