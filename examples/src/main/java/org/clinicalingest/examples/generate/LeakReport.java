package org.clinicalingest.examples.generate;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clinicalingest.spi.PhiType;

/**
 * The result of a {@link LeakCheck}: per PHI category, how many gold strings are still in the
 * written text (leaks), and how many clinical phrases to keep survived (over-redaction shows as
 * phrases lost). Immutable and thread-safe.
 *
 * @param phi counts per PHI type, for every type that has gold lines
 * @param keep counts of the KEEP phrases; {@code found} are the ones that survived
 */
public record LeakReport(Map<PhiType, Count> phi, Count keep) {

  /** Copies the map. */
  public LeakReport {
    phi = Map.copyOf(phi);
    Objects.requireNonNull(keep, "keep");
  }

  /**
   * Counts for one category.
   *
   * @param gold gold lines of the category
   * @param absent lines whose field was not found in the store (record quarantined, field null)
   * @param found lines whose string was found in the written text: a leak for PHI, a survivor for
   *     KEEP
   */
  public record Count(long gold, long absent, long found) {

    /** Lines whose written text was looked at. */
    public long checked() {
      return gold - absent;
    }

    /** {@code found} as a share of {@code checked}, 0 when nothing was checked. */
    public double foundShare() {
      return checked() == 0 ? 0 : (double) found / checked();
    }
  }

  /** PHI strings left in the written text, all categories together. */
  public long leaked() {
    long total = 0;
    for (Count count : phi.values()) {
      total += count.found();
    }
    return total;
  }

  /** PHI gold lines whose text was looked at, all categories together. */
  public long checked() {
    long total = 0;
    for (Count count : phi.values()) {
      total += count.checked();
    }
    return total;
  }

  /** A plain-text table: one row per PHI category, a total, and the KEEP row. */
  public String table() {
    StringBuilder out = new StringBuilder(1024);
    out.append(
        String.format(
            Locale.ROOT,
            "%-13s %10s %10s %10s %10s %8s%n",
            "category",
            "gold",
            "absent",
            "checked",
            "leaked",
            "leak %"));
    Map<PhiType, Count> ordered = new EnumMap<>(PhiType.class);
    ordered.putAll(phi);
    long gold = 0;
    long absent = 0;
    for (Map.Entry<PhiType, Count> entry : ordered.entrySet()) {
      row(out, entry.getKey().name(), entry.getValue());
      gold += entry.getValue().gold();
      absent += entry.getValue().absent();
    }
    row(out, "all PHI", new Count(gold, absent, leaked()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-13s %10d %10d %10d %10s %8s   (%d kept, %.2f%% lost)%n",
            "KEEP",
            keep.gold(),
            keep.absent(),
            keep.checked(),
            "",
            "",
            keep.found(),
            keep.checked() == 0 ? 0.0 : 100.0 * (keep.checked() - keep.found()) / keep.checked()));
    return out.toString();
  }

  private static void row(StringBuilder out, String label, Count count) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-13s %10d %10d %10d %10d %7.2f%%%n",
            label,
            count.gold(),
            count.absent(),
            count.checked(),
            count.found(),
            100 * count.foundShare()));
  }
}
