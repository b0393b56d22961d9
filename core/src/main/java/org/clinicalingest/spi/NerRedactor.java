package org.clinicalingest.spi;

import java.util.List;

/**
 * Finds PHI in free text with a named-entity recogniser.
 *
 * <p>The batch is the unit of work: the pipeline hands over many texts at once, so that an
 * implementation can spread them over threads and pay per-call costs once. Implementations must be
 * thread-safe; the pipeline may call {@link #redactAll} from several threads.
 */
public interface NerRedactor extends AutoCloseable {

  /**
   * Finds the spans to redact in each text.
   *
   * @param texts the texts, none null
   * @return one redaction per text, in input order
   * @throws org.clinicalingest.RedactionException if the recogniser fails
   */
  List<Redaction> redactAll(List<String> texts);

  /** Finds the spans to redact in one text; prefer {@link #redactAll} for many texts. */
  default Redaction redact(String text) {
    return redactAll(List.of(text)).get(0);
  }

  @Override
  default void close() {}
}
