package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.util.PaddedList;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  @Test
  void copyWithoutTheFeaturesKeptPerWordOrHashedElsewhereGivesNone()
      throws IOException, ReflectiveOperationException {
    SharedModel model = SharedModel.get();
    FeatureHashing all =
        FeatureHashing.of(model.classifier().featureFactories.get(0)).orElseThrow();
    FeatureHashing none =
        all.withoutNeighbourFeatures()
            .flatMap(FeatureHashing::withoutShapeFeatures)
            .flatMap(FeatureHashing::withoutWordFeatures)
            .orElseThrow();
    assertThat(all.givesFeatures()).isTrue();
    assertThat(all.withoutNeighbourFeatures().orElseThrow().givesFeatures()).isTrue();
    assertThat(none.givesFeatures()).isFalse();
    FeatureHashing.Collector collector = none.collector();
    CrfWindows windows = model.windows().orElseThrow();
    int tokens = 0;
    for (List<CoreLabel> sentence :
        CrfWindowsIT.evaluationSentences("hard-cases.jsonl", "generated.jsonl")) {
      PaddedList<CoreLabel> padded =
          windows.padded(windows.prepare(sentence, model.wordEntries(sentence)));
      for (int token = 0; token < sentence.size(); token++) {
        none.cliqueC(padded, token, collector);
        assertThat(collector.count()).as("C features of token %d of %s", token, sentence).isZero();
        tokens++;
      }
    }
    assertThat(tokens).isGreaterThan(20_000);
  }

  /**
   * The features that {@link FeatureHashing#withoutWordFeatures} leaves out are a function of the
   * word: for every token, the copy's features are among the token's, and the rest are the same set
   * wherever the word occurs, as {@link CrfWindows} assumes when it keeps their potentials per
   * word. And they are what the copy {@link FeatureHashing#withoutNeighbourFeatures} gives more
   * than its own copy {@link FeatureHashing#withoutWordFeatures}, the difference {@link CrfWindows}
   * takes.
   */
  @Test
  void featuresLeftOutAreTheSameWhereverTheWordOccurs() throws IOException {
    SharedModel model = SharedModel.get();
    FeatureHashing all =
        FeatureHashing.of(model.classifier().featureFactories.get(0)).orElseThrow();
    FeatureHashing withoutWords = all.withoutWordFeatures().orElseThrow();
    FeatureHashing withoutNeighbours = all.withoutNeighbourFeatures().orElseThrow();
    FeatureHashing withoutEither = withoutNeighbours.withoutWordFeatures().orElseThrow();
    FeatureHashing.Collector allCollector = all.collector();
    FeatureHashing.Collector contextCollector = all.collector();
    CrfWindows windows = model.windows().orElseThrow();
    Map<String, Set<Long>> leftOutByWord = new HashMap<>();
    int repeated = 0;
    for (List<CoreLabel> sentence :
        CrfWindowsIT.evaluationSentences("hard-cases.jsonl", "generated.jsonl")) {
      List<CoreLabel> prepared = windows.prepare(sentence, model.wordEntries(sentence));
      PaddedList<CoreLabel> padded = windows.padded(prepared);
      for (int token = 0; token < prepared.size(); token++) {
        all.cliqueC(padded, token, allCollector);
        withoutWords.cliqueC(padded, token, contextCollector);
        Set<Long> features = set(allCollector);
        Set<Long> context = set(contextCollector);
        assertThat(features).containsAll(context);
        features.removeAll(context);
        assertThat(features).as("word features of %s", prepared.get(token).word()).isNotEmpty();
        withoutNeighbours.cliqueC(padded, token, allCollector);
        withoutEither.cliqueC(padded, token, contextCollector);
        Set<Long> withoutNeighbourFeatures = set(allCollector);
        withoutNeighbourFeatures.removeAll(set(contextCollector));
        assertThat(withoutNeighbourFeatures)
            .as("word features of %s without neighbours", prepared.get(token).word())
            .isEqualTo(features);
        Set<Long> seen = leftOutByWord.putIfAbsent(prepared.get(token).word(), features);
        if (seen != null) {
          assertThat(features)
              .as("word features of %s", prepared.get(token).word())
              .isEqualTo(seen);
          repeated++;
        }
      }
    }
    assertThat(repeated).isGreaterThan(10_000);
  }

  private static Set<Long> set(FeatureHashing.Collector collector) {
    Set<Long> hashes = new HashSet<>();
    for (int i = 0; i < collector.count(); i++) {
      hashes.add(collector.hashes()[i]);
    }
    return hashes;
  }

  static CoreLabel pad(SharedModel model) throws ReflectiveOperationException {
    return (CoreLabel)
        CrfWindows.field(AbstractSequenceClassifier.class, "pad").get(model.classifier());
  }

  private static long[] hashes(Collection<String> features) {
    return features.stream().mapToLong(FeatureIndex::hash).toArray();
  }
}
