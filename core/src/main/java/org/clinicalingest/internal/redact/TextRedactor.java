package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.Operator;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Replaces the spans found in a free text as the policy's text operator for each span's type says.
 *
 * <p>Design: the spans must already be merged ({@link SpanMerger}), so one left-to-right pass
 * rebuilds the text. Pseudonyms come from the same {@link Pseudonymizer} as the structured fields,
 * so {@code Alva958} in a note and in {@code given_names} give the same token. Under {@link
 * Operator#DROP} a span is deleted, under {@link Operator#MASK} it becomes {@code ****}. Under
 * {@link Operator#GENERALIZE} a date keeps a four-digit year (19xx or 20xx) that it shows, a ZIP
 * code its first three digits ({@code 000} for a restricted area), an age becomes {@code 90+}; what
 * cannot be generalised becomes the placeholder. Immutable and thread-safe.
 */
public final class TextRedactor {

  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");

  private final RedactionPolicy policy;
  private final Pseudonymizer pseudonymizer;

  /** Creates a redactor applying the text operators of {@code policy}. */
  public TextRedactor(RedactionPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.pseudonymizer = policy.hasPseudonymKey() ? new Pseudonymizer(policy.pseudonymKey()) : null;
  }

  /**
   * Returns the text with every span replaced.
   *
   * @param text the text the spans index into
   * @param mergedSpans sorted, non-overlapping spans within the text, as {@link SpanMerger#merge}
   *     returns them
   * @return the redacted text; the text itself when there is no span
   * @throws IllegalArgumentException if the spans overlap, are out of order or exceed the text
   */
  public String apply(String text, List<PhiSpan> mergedSpans) {
    Objects.requireNonNull(text, "text");
    if (mergedSpans.isEmpty()) {
      return text;
    }
    StringBuilder redacted = new StringBuilder(text.length() + 16 * mergedSpans.size());
    int position = 0;
    for (PhiSpan span : mergedSpans) {
      if (span.start() < position || span.end() > text.length()) {
        throw new IllegalArgumentException(
            "spans must be merged and within the text of length "
                + text.length()
                + ", got "
                + span.start()
                + ".."
                + span.end()
                + " after position "
                + position);
      }
      redacted.append(text, position, span.start());
      redacted.append(replacement(span, text));
      position = span.end();
    }
    redacted.append(text, position, text.length());
    return redacted.toString();
  }

  /** The replacement of {@code span}; its value is cut out of {@code text} only when needed. */
  private String replacement(PhiSpan span, String text) {
    PhiType type = span.type();
    return switch (policy.text(type)) {
      case KEEP -> valueOf(span, text);
      case DROP -> "";
      case MASK -> FieldRedactor.MASK;
      case PLACEHOLDER -> type.placeholder();
      case PSEUDONYM -> pseudonymizer.token(type, valueOf(span, text));
      case GENERALIZE -> generalize(type, valueOf(span, text));
    };
  }

  private static String valueOf(PhiSpan span, String text) {
    return text.substring(span.start(), span.end());
  }

  private static String generalize(PhiType type, String value) {
    String generalized =
        switch (type) {
          case AGE -> FieldRedactor.OVER_89;
          case ZIP -> FieldRedactor.zip3(value);
          case DATE -> {
            Matcher year = YEAR.matcher(value);
            yield year.find() ? year.group() : null;
          }
          default -> null;
        };
    return generalized == null ? type.placeholder() : generalized;
  }
}
