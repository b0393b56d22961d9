package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Merges the spans of several recognisers into sorted, non-overlapping spans.
 *
 * <p>Design: overlapping spans become their union, so that no character any recogniser flagged is
 * left out. The union takes the type of its longest member, the one that saw most of the text; on a
 * tie, the more specific type wins, in the order SSN, MRN, FAX, PHONE, EMAIL, URL, IP, ID, DATE,
 * AGE, ZIP, ADDRESS, NAME, LOCATION, ORGANIZATION (a fax number is also a phone number, an SSN also
 * an ID). Spans that touch (one ends where the next starts) are joined when they have the same
 * type. Spans separated by whitespace are not joined, even of the same type: {@code Bob Keeling}
 * found as two names stays two spans, so that each part keeps the pseudonym of its own structured
 * column ({@code given_names}, {@code family_name}).
 */
public final class SpanMerger {

  private static final List<PhiType> PRIORITY =
      List.of(
          PhiType.SSN,
          PhiType.MRN,
          PhiType.FAX,
          PhiType.PHONE,
          PhiType.EMAIL,
          PhiType.URL,
          PhiType.IP,
          PhiType.ID,
          PhiType.DATE,
          PhiType.AGE,
          PhiType.ZIP,
          PhiType.ADDRESS,
          PhiType.NAME,
          PhiType.LOCATION,
          PhiType.ORGANIZATION);

  /** By start, then longest first; on ints, without boxing the ends. */
  private static final Comparator<PhiSpan> BY_POSITION =
      (first, second) ->
          first.start() != second.start()
              ? Integer.compare(first.start(), second.start())
              : Integer.compare(second.end(), first.end());

  /** Each type's place in {@link #PRIORITY}, by ordinal. */
  private static final int[] RANKS = new int[PhiType.values().length];

  static {
    for (PhiType type : PhiType.values()) {
      int rank = PRIORITY.indexOf(type);
      RANKS[type.ordinal()] = rank < 0 ? PRIORITY.size() : rank;
    }
  }

  private SpanMerger() {}

  /**
   * Merges spans as described above. Thread-safe.
   *
   * @param spans spans in any order, possibly overlapping; none null
   * @return a new list, sorted by start, with no two spans overlapping
   */
  public static List<PhiSpan> merge(List<PhiSpan> spans) {
    if (spans.size() < 2) {
      return List.copyOf(spans);
    }
    List<PhiSpan> sorted = new ArrayList<>(spans);
    sorted.sort(BY_POSITION);
    List<PhiSpan> merged = new ArrayList<>(sorted.size());
    PhiSpan group = sorted.get(0);
    PhiSpan dominant = group;
    for (int i = 1; i < sorted.size(); i++) {
      PhiSpan span = sorted.get(i);
      boolean overlaps = span.start() < group.end();
      boolean touchesSameType = span.start() == group.end() && span.type() == dominant.type();
      if (overlaps || touchesSameType) {
        if (outranks(span, dominant)) {
          dominant = span;
        }
        group = new PhiSpan(group.start(), Math.max(group.end(), span.end()), dominant.type());
      } else {
        merged.add(typed(group, dominant));
        group = span;
        dominant = span;
      }
    }
    merged.add(typed(group, dominant));
    return merged;
  }

  /** The merged {@code group} with the type of its {@code dominant} member. */
  private static PhiSpan typed(PhiSpan group, PhiSpan dominant) {
    return group.type() == dominant.type()
        ? group
        : new PhiSpan(group.start(), group.end(), dominant.type());
  }

  private static boolean outranks(PhiSpan candidate, PhiSpan current) {
    if (candidate.length() != current.length()) {
      return candidate.length() > current.length();
    }
    return rank(candidate.type()) < rank(current.type());
  }

  private static int rank(PhiType type) {
    return RANKS[type.ordinal()];
  }
}
