package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.util.PaddedList;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@link FeatureHashing} gives, for every token of the evaluation set's notes as {@link
 * CrfWindows#prepare} prepares them, the hashes of exactly the feature strings CoreNLP's own {@code
 * getCliqueFeatures} builds from the same sentence as CoreNLP prepares it, for both cliques of the
 * model.
 */
class FeatureHashingIT {

  @Test
  void hashesExactlyTheFeatureStringsOfEveryToken()
      throws IOException, ReflectiveOperationException {
    SharedModel model = SharedModel.get();
    FeatureFactory<CoreLabel> factory = model.classifier().featureFactories.get(0);
    FeatureHashing hashing = FeatureHashing.of(factory).orElseThrow();
    FeatureHashing.Collector collector = hashing.collector();
    CrfWindows windows = model.windows().orElseThrow();
    CoreLabel pad = pad(model);
    int tokens = 0;
    for (List<CoreLabel> sentence :
        CrfWindowsIT.evaluationSentences("hard-cases.jsonl", "generated.jsonl")) {
      List<CoreLabel> prepared = windows.prepare(sentence, model.wordEntries(sentence));
      PaddedList<CoreLabel> padded = windows.padded(prepared);
      PaddedList<CoreLabel> coreNlp =
          new PaddedList<>(CrfWindowsIT.preparedByCoreNlp(model, sentence), pad);
      for (int token = 0; token <= prepared.size(); token++) {
        hashing.cliqueCpC(padded, token, collector);
        assertThat(Arrays.copyOf(collector.hashes(), collector.count()))
            .as("CpC features of token %d of %s", token, prepared)
            .containsExactlyInAnyOrder(
                hashes(factory.getCliqueFeatures(coreNlp, token, FeatureFactory.cliqueCpC)));
        if (token < prepared.size()) {
          hashing.cliqueC(padded, token, collector);
          assertThat(Arrays.copyOf(collector.hashes(), collector.count()))
              .as("C features of token %d of %s", token, prepared)
              .containsExactlyInAnyOrder(
                  hashes(factory.getCliqueFeatures(coreNlp, token, FeatureFactory.cliqueC)));
          tokens++;
        }
      }
    }
    assertThat(tokens).isGreaterThan(20_000);
  }

  static CoreLabel pad(SharedModel model) throws ReflectiveOperationException {
    return (CoreLabel)
        CrfWindows.field(AbstractSequenceClassifier.class, "pad").get(model.classifier());
  }

  private static long[] hashes(Collection<String> features) {
    return features.stream().mapToLong(FeatureIndex::hash).toArray();
  }
}
