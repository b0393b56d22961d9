package org.clinicalingest.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinicalingest.RedactionException;
import org.clinicalingest.Stage;
import org.clinicalingest.internal.redact.PatternRedactor;
import org.clinicalingest.internal.redact.SpanMerger;
import org.clinicalingest.internal.redact.TextRedactor;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;

/**
 * Redacts the free-text cells of a whole batch at once: pattern and record-aware spans per text,
 * then one call of the named-entity recogniser for all texts of the batch, then the merged spans
 * are replaced as the policy says.
 *
 * <p>The recogniser gets the batch rather than one note at a time because its per-call costs (model
 * dispatch, thread hand-off) dominate on short notes; this is what made per-note NER inside
 * validation take minutes per chunk. Thread-safe if the recogniser is.
 */
final class FreeTextRedaction {
  private final PatternRedactor patterns;
  private final NerRedactor ner;
  private final TextRedactor replacer;
  private final StageTimes times;

  FreeTextRedaction(
      PatternRedactor patterns, NerRedactor ner, TextRedactor replacer, StageTimes times) {
    this.patterns = patterns;
    this.ner = ner;
    this.replacer = replacer;
    this.times = times;
  }

  /** Redacts every slot in place and adds the spans replaced to {@code spanCounts}. */
  void redact(List<TextSlot> slots, String batchDescription, Map<PhiType, Long> spanCounts) {
    if (slots.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    List<List<PhiSpan>> spans = new ArrayList<>(slots.size());
    List<String> texts = new ArrayList<>(slots.size());
    for (TextSlot slot : slots) {
      String text = slot.text();
      List<PhiSpan> found = new ArrayList<>(patterns.find(text));
      found.addAll(slot.terms().find(text));
      spans.add(found);
      texts.add(text);
    }
    times.add(Stage.REDACT, System.nanoTime() - start);

    if (ner != null) {
      start = System.nanoTime();
      List<Redaction> recognised = recognise(texts, batchDescription);
      for (int i = 0; i < slots.size(); i++) {
        spans.get(i).addAll(recognised.get(i).spans());
      }
      times.add(Stage.NER, System.nanoTime() - start);
    }

    start = System.nanoTime();
    for (int i = 0; i < slots.size(); i++) {
      List<PhiSpan> merged = SpanMerger.merge(spans.get(i));
      for (PhiSpan span : merged) {
        spanCounts.merge(span.type(), 1L, Long::sum);
      }
      slots.get(i).replace(replacer.apply(texts.get(i), merged));
    }
    times.add(Stage.REDACT, System.nanoTime() - start);
  }

  private List<Redaction> recognise(List<String> texts, String batchDescription) {
    List<Redaction> recognised;
    try {
      recognised = ner.redactAll(texts);
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
