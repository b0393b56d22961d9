package org.clinicalingest.internal.redact;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinicalingest.internal.redact.PresidioSynthCorpus.Gold;
import org.clinicalingest.internal.redact.PresidioSynthCorpus.Sentence;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Scores predicted spans against gold spans, per gold label (recall) and per predicted type
 * (precision), counting both whole spans and characters.
 *
 * <ul>
 *   <li>Span recall of a gold label: the share of its gold spans that at least one predicted span
 *       of a matching type overlaps (shares a character with).
 *   <li>Character recall: the share of the gold spans' characters covered by such predicted spans.
 *   <li>Span precision of a predicted type: the share of its spans that overlap a gold span of an
 *       accepted label; character precision: the share of its characters inside such gold spans.
 * </ul>
 *
 * Which types find which labels is in {@link #FINDS}; a ZIP or a city found inside a gold street
 * address counts as right, since the gold address spans include them. Gold {@code DATE_TIME} spans
 * that are a bare year or a weekday are relabelled {@code DATE_TIME_NOT_PHI}: Safe Harbor keeps
 * them, so the recogniser must not find them; a predicted date on them still counts as right.
 */
final class SpanScorer {

  static final String NOT_PHI_DATE = "DATE_TIME_NOT_PHI";

  static final Map<String, Set<PhiType>> FINDS =
      Map.ofEntries(
          Map.entry("PHONE_NUMBER", Set.of(PhiType.PHONE, PhiType.FAX)),
          Map.entry("EMAIL_ADDRESS", Set.of(PhiType.EMAIL)),
          Map.entry("US_SSN", Set.of(PhiType.SSN)),
          Map.entry("DATE_TIME", Set.of(PhiType.DATE)),
          Map.entry(NOT_PHI_DATE, Set.of(PhiType.DATE)),
          Map.entry("IP_ADDRESS", Set.of(PhiType.IP)),
          Map.entry("DOMAIN_NAME", Set.of(PhiType.URL)),
          Map.entry("STREET_ADDRESS", Set.of(PhiType.ADDRESS, PhiType.ZIP, PhiType.LOCATION)),
          Map.entry("ZIP_CODE", Set.of(PhiType.ZIP)),
          Map.entry("AGE", Set.of(PhiType.AGE)),
          Map.entry("CREDIT_CARD", Set.of(PhiType.ID, PhiType.MRN)),
          Map.entry("IBAN_CODE", Set.of(PhiType.ID, PhiType.MRN)),
          Map.entry("US_DRIVER_LICENSE", Set.of(PhiType.ID, PhiType.MRN)),
          Map.entry("GPE", Set.of(PhiType.LOCATION)));

  private static final Pattern NOT_PHI_DATE_VALUE =
      Pattern.compile("(?i)\\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day");

  /** Spans counted and hit, characters counted and covered. */
  record Score(int spans, int spanHits, long chars, long charHits) {

    double spanRate() {
      return spans == 0 ? Double.NaN : (double) spanHits / spans;
    }

    double charRate() {
      return chars == 0 ? Double.NaN : (double) charHits / chars;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%4d spans: %5.1f%% by span, %5.1f%% by char",
          spans,
          100 * spanRate(),
          100 * charRate());
    }
  }

  private final Map<String, Score> recall = new HashMap<>();
  private final Map<PhiType, Score> precision = new HashMap<>();

  /** Adds one sentence's predictions. */
  void add(Sentence sentence, List<PhiSpan> predicted) {
    for (Gold gold : sentence.spans()) {
      String label = labelOf(gold);
      Set<PhiType> finders = FINDS.getOrDefault(label, Set.of());
      boolean[] covered = new boolean[gold.end() - gold.start()];
      boolean hit = false;
      for (PhiSpan span : predicted) {
        if (finders.contains(span.type())
            && span.start() < gold.end()
            && gold.start() < span.end()) {
          hit = true;
          for (int i = Math.max(span.start(), gold.start());
              i < Math.min(span.end(), gold.end());
              i++) {
            covered[i - gold.start()] = true;
          }
        }
      }
      recall.merge(
          label, new Score(1, hit ? 1 : 0, covered.length, count(covered)), SpanScorer::sum);
    }
    for (PhiSpan span : predicted) {
      boolean[] inside = new boolean[span.length()];
      boolean hit = false;
      for (Gold gold : sentence.spans()) {
        if (FINDS.getOrDefault(labelOf(gold), Set.of()).contains(span.type())
            && span.start() < gold.end()
            && gold.start() < span.end()) {
          hit = true;
          for (int i = Math.max(span.start(), gold.start());
              i < Math.min(span.end(), gold.end());
              i++) {
            inside[i - span.start()] = true;
          }
        }
      }
      precision.merge(
          span.type(), new Score(1, hit ? 1 : 0, inside.length, count(inside)), SpanScorer::sum);
    }
  }

  Score recall(String label) {
    return recall.getOrDefault(label, new Score(0, 0, 0, 0));
  }

  Score precision(PhiType type) {
    return precision.getOrDefault(type, new Score(0, 0, 0, 0));
  }

  /** A report of every label and type seen, one per line. */
  String report() {
    StringBuilder report = new StringBuilder("recall by gold label\n");
    recall.keySet().stream()
        .sorted()
        .forEach(
            label ->
                report.append(String.format(Locale.ROOT, "  %-20s %s%n", label, recall(label))));
    report.append("precision by predicted type\n");
    precision.keySet().stream()
        .sorted()
        .forEach(
            type ->
                report.append(String.format(Locale.ROOT, "  %-20s %s%n", type, precision(type))));
    return report.toString();
  }

  private static String labelOf(Gold gold) {
    return gold.label().equals("DATE_TIME")
            && NOT_PHI_DATE_VALUE.matcher(gold.value().strip()).matches()
        ? NOT_PHI_DATE
        : gold.label();
  }

  private static Score sum(Score a, Score b) {
    return new Score(
        a.spans() + b.spans(),
        a.spanHits() + b.spanHits(),
        a.chars() + b.chars(),
        a.charHits() + b.charHits());
  }

  private static long count(boolean[] flags) {
    long count = 0;
    for (boolean flag : flags) {
      if (flag) {
        count++;
      }
    }
    return count;
  }
}
