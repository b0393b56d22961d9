package org.clinicalingest;

import java.util.List;
import java.util.Objects;
import org.clinicalingest.internal.pipeline.FreeTextRedaction;
import org.clinicalingest.spi.NerRedactor;

/**
 * Redacts free text outside an ingestion run, exactly as {@link IngestionPipeline} redacts the
 * notes it writes: the pattern recognisers, then the named-entity recogniser on the whole batch,
 * told of the pattern spans, then the spans merged and the policy's text operators applied. Only
 * the record-aware step is missing, as a lone text has no patient record.
 *
 * <pre>{@code
 * try (FreeTextRedactor redactor =
 *     FreeTextRedactor.builder().redactor(CoreNlpRedactor.builder().build()).build()) {
 *   RedactedText result = redactor.redact("Seen by Dr. Alva Smith on 03/14/2021.");
 *   // result.text(): "Seen by Dr. [NAME] on [DATE]."
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe if the named-entity recogniser is; prefer {@link #redactAll} with
 * many texts, which hands them to the recogniser as one batch.
 */
public final class FreeTextRedactor implements AutoCloseable {

  private final FreeTextRedaction redaction;
  private final NerRedactor ner;

  private FreeTextRedactor(Builder builder) {
    this.ner = builder.redactor;
    this.redaction = new FreeTextRedaction(builder.redactor, builder.policy, (stage, nanos) -> {});
  }

  /** Returns a builder with the Safe Harbor policy and no named-entity recogniser. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Redacts a batch of texts.
   *
   * @param texts the texts, none null
   * @return one result per text, in input order
   * @throws RedactionException if the named-entity recogniser fails
   */
  public List<RedactedText> redactAll(List<String> texts) {
    texts.forEach(text -> Objects.requireNonNull(text, "texts must not hold null"));
    return redaction.redact(texts, null, "a batch of " + texts.size() + " texts");
  }

  /** Redacts one text; prefer {@link #redactAll} for many texts. */
  public RedactedText redact(String text) {
    return redactAll(List.of(text)).get(0);
  }

  /** Closes the named-entity recogniser, if any. */
  @Override
  public void close() {
    if (ner != null) {
      ner.close();
    }
  }

  /** Builds a {@link FreeTextRedactor}; not thread-safe. */
  public static final class Builder {
    private RedactionPolicy policy = RedactionPolicy.safeHarbor();
    private NerRedactor redactor;

    private Builder() {}

    /** The policy whose text operators replace the spans found; default Safe Harbor. */
    public Builder policy(RedactionPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The named-entity recogniser for names in the texts; default none (patterns only). */
    public Builder redactor(NerRedactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** Builds the redactor. */
    public FreeTextRedactor build() {
      return new FreeTextRedactor(this);
    }
  }
}
