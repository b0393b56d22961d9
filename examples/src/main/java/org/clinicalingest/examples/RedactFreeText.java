package org.clinicalingest.examples;

import java.util.List;
import org.clinicalingest.FreeTextRedactor;
import org.clinicalingest.RedactedText;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;

/**
 * Redacts free text outside a pipeline with {@link FreeTextRedactor}: the pattern recognisers and
 * CoreNLP, Safe Harbor defaults, and prints each text redacted with the spans replaced.
 *
 * <p>{@code java -cp examples/target/clinical-ingest.jar org.clinicalingest.examples.RedactFreeText
 * "Seen by Dr. Alva Smith on 03/14/2021, call 617-555-0143."}
 */
public final class RedactFreeText {

  private RedactFreeText() {}

  /** Redacts each argument. */
  public static void main(String[] args) {
    try (FreeTextRedactor redactor =
        FreeTextRedactor.builder().redactor(CoreNlpRedactor.builder().build()).build()) {
      List<RedactedText> results = redactor.redactAll(List.of(args));
      for (RedactedText result : results) {
        System.out.println(result.text() + "  " + result.spans());
      }
    }
  }
}
