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

  /**
   * Finds the spans to redact in each text, told which spans earlier stages already redact there.
   *
   * <p>Text inside a known span is redacted whatever this returns, so an implementation may skip
   * recognising entities that lie wholly inside known spans, and leave such entities out of its
   * result. The pipeline calls this with the spans its pattern and record-aware redaction found.
   * The default ignores {@code known} and calls {@link #redactAll(List)}.
   *
   * @param texts the texts, none null
   * @param known per text, the spans already found in it, in any order; as many lists as texts
   * @return one redaction per text, in input order
   * @throws IllegalArgumentException if {@code known} does not have one list per text
   * @throws org.clinicalingest.RedactionException if the recogniser fails
   */
  default List<Redaction> redactAll(List<String> texts, List<List<PhiSpan>> known) {
    if (known.size() != texts.size()) {
      throw new IllegalArgumentException(
          "known has " + known.size() + " lists for " + texts.size() + " texts");
    }
    return redactAll(texts);
  }

  /** Finds the spans to redact in one text; prefer {@link #redactAll} for many texts. */
  default Redaction redact(String text) {
    return redactAll(List.of(text)).get(0);
  }

  @Override
  default void close() {}
}
