package org.clinicalingest.examples.cli;

import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.spi.NerRedactor;
import picocli.CommandLine.Option;

/** The {@code --ner} option of the commands that redact free text, and the recogniser it names. */
final class NerOptions {

  /** The named-entity recognisers the command line offers. */
  enum Ner {
    none,
    corenlp
  }

  @Option(
      names = "--ner",
      paramLabel = "none|corenlp",
      defaultValue = "corenlp",
      description = "Named-entity recogniser for names in free text (default: ${DEFAULT-VALUE}).")
  Ner ner;

  /**
   * Returns the recogniser chosen, or null for {@code none}.
   *
   * @param threads threads for the recogniser, or null for its default (the available processors)
   */
  NerRedactor recogniser(Integer threads) {
    if (ner == Ner.none) {
      return null;
    }
    CoreNlpRedactor.Builder redactor = CoreNlpRedactor.builder();
    if (threads != null) {
      redactor.threads(threads);
    }
    return redactor.build();
  }

  @Override
  public String toString() {
    return ner.name();
  }
}
