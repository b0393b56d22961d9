package org.clinicalingest.internal.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import org.clinicalingest.Operator;
import org.clinicalingest.RedactedText;
import org.clinicalingest.RedactionException;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.Stage;
import org.clinicalingest.internal.redact.PatternRedactor;
import org.clinicalingest.internal.redact.RecordTerms;
import org.clinicalingest.internal.redact.SpanMerger;
import org.clinicalingest.internal.redact.TextRedactor;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;

/**
 * Redacts the free texts of a whole batch at once: pattern and record-aware spans per text, then
 * one call of the named-entity recogniser for all texts of the batch, told of the spans already
 * found that the policy replaces whole, then the merged spans are replaced as the policy says.
 *
 * <p>The recogniser gets the batch rather than one note at a time because its per-call costs (model
 * dispatch, thread hand-off) dominate on short notes; this is what made per-note NER inside
 * validation take minutes per chunk. The pipeline and {@link org.clinicalingest.FreeTextRedactor}
 * share this class, so a note is redacted the same way in and outside a run; in a run, idle workers
 * share the per-text work of a batch ({@link SharedLoop}). Thread-safe if the recogniser is.
 */
public final class FreeTextRedaction {
  private final PatternRedactor patterns = new PatternRedactor();
  private final NerRedactor ner;
  private final TextRedactor replacer;
  private final Set<PhiType> hiddenTypes;
  private final ObjLongConsumer<Stage> timer;
  private final SharedLoop loop;

  /**
   * Creates a batch redaction that runs on the calling thread.
   *
   * @param ner the named-entity recogniser, or null for patterns and record terms only
   * @param policy the text operators to apply
   * @param timer receives the nanoseconds spent in {@link Stage#REDACT} and {@link Stage#NER}
   */
  public FreeTextRedaction(NerRedactor ner, RedactionPolicy policy, ObjLongConsumer<Stage> timer) {
    this(ner, policy, timer, SharedLoop.SEQUENTIAL);
  }

  /** Creates a batch redaction whose per-text work is shared through {@code loop}. */
  FreeTextRedaction(
      NerRedactor ner, RedactionPolicy policy, ObjLongConsumer<Stage> timer, SharedLoop loop) {
    this.ner = ner;
    this.replacer = new TextRedactor(policy);
    this.hiddenTypes = EnumSet.noneOf(PhiType.class);
    for (PhiType type : PhiType.values()) {
      Operator operator = policy.text(type);
      if (operator != Operator.KEEP && operator != Operator.GENERALIZE) {
        hiddenTypes.add(type);
      }
    }
    this.timer = timer;
    this.loop = loop;
  }

  /**
   * Redacts a batch of texts.
   *
   * @param texts the texts, none null
   * @param terms per text, the PHI terms of the patient it belongs to, or null for none
   * @param batchDescription names the batch in errors (positions, never content)
   * @return one result per text, in input order
   * @throws RedactionException if the recogniser fails
   */
  public List<RedactedText> redact(
      List<String> texts, List<RecordTerms> terms, String batchDescription) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<List<PhiSpan>> spans = new ArrayList<>(Collections.nCopies(texts.size(), null));
    long patternNanos =
        loop.forEach(
            texts.size(),
            i -> {
              RecordTerms textTerms = terms == null ? null : terms.get(i);
              spans.set(i, patterns.find(texts.get(i), textTerms));
            });
    timer.accept(Stage.REDACT, patternNanos);

    if (ner != null) {
      long start = System.nanoTime();
      List<Redaction> recognised = recognise(texts, hiddenSpans(spans), batchDescription);
      for (int i = 0; i < texts.size(); i++) {
        spans.get(i).addAll(recognised.get(i).spans());
      }
      timer.accept(Stage.NER, System.nanoTime() - start);
    }

    RedactedText[] redacted = new RedactedText[texts.size()];
    long replaceNanos =
        loop.forEach(
            texts.size(),
            i -> {
              List<PhiSpan> merged = SpanMerger.merge(spans.get(i));
              redacted[i] = new RedactedText(replacer.apply(texts.get(i), merged), merged);
            });
    timer.accept(Stage.REDACT, replaceNanos);
    return List.of(redacted);
  }

  /** Redacts every slot in place and adds the spans replaced to {@code spanCounts}. */
  void redact(List<TextSlot> slots, String batchDescription, Map<PhiType, Long> spanCounts) {
    List<String> texts = new ArrayList<>(slots.size());
    List<RecordTerms> terms = new ArrayList<>(slots.size());
    for (TextSlot slot : slots) {
      texts.add(slot.text());
      terms.add(slot.terms());
    }
    List<RedactedText> redacted = redact(texts, terms, batchDescription);
    long[] counts = new long[PhiType.values().length];
    for (int i = 0; i < slots.size(); i++) {
      RedactedText result = redacted.get(i);
      for (PhiSpan span : result.spans()) {
        counts[span.type().ordinal()]++;
      }
      slots.get(i).replace(result.text());
    }
    for (PhiType type : PhiType.values()) {
      if (counts[type.ordinal()] > 0) {
        spanCounts.merge(type, counts[type.ordinal()], Long::sum);
      }
    }
  }

  /**
   * Per text, the spans whose text the policy replaces whole. The recogniser is told of them and
   * may skip the entities inside; spans the policy keeps whole or in part ({@link Operator#KEEP},
   * {@link Operator#GENERALIZE}) are not passed, as an entity inside them would stay in the text.
   */
  private List<List<PhiSpan>> hiddenSpans(List<List<PhiSpan>> spans) {
    return spans.stream()
        .map(found -> found.stream().filter(span -> hiddenTypes.contains(span.type())).toList())
        .toList();
  }

  private List<Redaction> recognise(
      List<String> texts, List<List<PhiSpan>> known, String batchDescription) {
    List<Redaction> recognised;
    try {
      recognised = ner.redactAll(texts, known);
    } catch (RuntimeException e) {
      throw new RedactionException(
          "named-entity redaction failed for " + batchDescription + ": " + e.getClass().getName(),
          e);
    }
    if (recognised.size() != texts.size()) {
      throw new RedactionException(
          "named-entity redactor returned "
              + recognised.size()
              + " results for "
              + texts.size()
              + " texts in "
              + batchDescription);
    }
    return recognised;
  }
}
