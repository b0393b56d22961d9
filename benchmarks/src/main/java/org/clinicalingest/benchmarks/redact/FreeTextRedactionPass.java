package org.clinicalingest.benchmarks.redact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.RedactedText;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.benchmarks.GeneratedData;
import org.clinicalingest.examples.bench.Bench;
import org.clinicalingest.internal.pipeline.FreeTextRedaction;
import org.clinicalingest.internal.redact.RecordTerms;
import org.clinicalingest.model.Patient;

/**
 * The free texts of generated patients redacted as a run without a recogniser redacts them:
 * patterns and the terms of each text's patient, then the Safe Harbor replacements ({@link
 * FreeTextRedaction}), on the calling thread. {@link PatternRedactorBuildComparison} loads one per
 * build, linked to that build's core classes. Not thread-safe.
 */
public final class FreeTextRedactionPass {

  private final List<String> texts = new ArrayList<>();
  private final List<RecordTerms> terms = new ArrayList<>();
  private final FreeTextRedaction redaction =
      new FreeTextRedaction(null, RedactionPolicy.safeHarbor(), (stage, nanos) -> {});

  /**
   * A pass over the free texts of {@code patients} generated patients.
   *
   * @throws IOException if the generated patients cannot be written or read back
   */
  public FreeTextRedactionPass(int patients) throws IOException {
    for (Patient patient : GeneratedData.patients("builds", patients)) {
      RecordTerms patientTerms = RecordTerms.of(patient);
      for (String text : Bench.freeTexts(patient)) {
        texts.add(text);
        terms.add(patientTerms);
      }
    }
  }

  /** Redacts every text once; the spans found in each text, as text. */
  public List<String> redact() {
    return redaction.redact(texts, terms, "generated free texts").stream()
        .map(RedactedText::spans)
        .map(Object::toString)
        .toList();
  }
}
