package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.PaddedList;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link NeighbourFeatures} against the real model: for every token of the evaluation set's
 * notes, the potentials of the one-label features that {@link FeatureHashing#withoutWordFeatures}
 * gives equal those of the features that {@link FeatureHashing#withoutNeighbourFeatures} then
 * {@link FeatureHashing#withoutWordFeatures} gives plus the neighbour features' potentials, up to
 * the order in which weights are added.
 */
class NeighbourFeaturesIT {

  @Test
  void addsThePotentialsOfEveryTokensNeighbourFeatures()
      throws IOException, ReflectiveOperationException {
    SharedModel model = SharedModel.get();
    FeatureIndex index = CrfWindowsIT.flatIndex(model.classifier());
    NeighbourFeatures neighbours =
        NeighbourFeatures.of(model.classifier().flags, index).orElseThrow();
    FeatureHashing all =
        FeatureHashing.of(model.classifier().featureFactories.get(0)).orElseThrow();
    FeatureHashing withNeighbours = all.withoutWordFeatures().orElseThrow();
    FeatureHashing withoutNeighbours =
        all.withoutNeighbourFeatures().flatMap(FeatureHashing::withoutWordFeatures).orElseThrow();
    FeatureHashing.Collector collector = all.collector();
    CrfWindows windows = model.windows().orElseThrow();
    int tokens = 0;
    int withRepeatedNeighbour = 0;
    for (List<CoreLabel> sentence :
        CrfWindowsIT.evaluationSentences("hard-cases.jsonl", "generated.jsonl")) {
      WordEntry[] entries = model.wordEntries(sentence);
      List<CoreLabel> prepared = windows.prepare(sentence, entries);
      PaddedList<CoreLabel> padded = windows.padded(prepared);
      String padText = padded.getPad().getString(CoreAnnotations.TextAnnotation.class);
      CrfWindows.PreparedWord pad =
          new CrfWindows.PreparedWord(
              padText, null, null, neighbours.of(padText, null), null, null, null);
      for (int token = 0; token < prepared.size(); token++) {
        withNeighbours.cliqueC(padded, token, collector);
        double[] expected = index.unaryPotentials(collector.hashes(), collector.count());
        withoutNeighbours.cliqueC(padded, token, collector);
        double[] potentials = index.unaryPotentials(collector.hashes(), collector.count());
        neighbours.addTo(potentials, entries, token, pad);
        CrfWindowsIT.assertSamePotentials(potentials, expected, sentence, token);
        tokens++;
        withRepeatedNeighbour += hasRepeatedNeighbour(padded, token) ? 1 : 0;
      }
    }
    assertThat(tokens).isGreaterThan(20_000);
    assertThat(withRepeatedNeighbour).isGreaterThan(1_000);
  }

  /** Whether a word occurs twice among the five words on one side of {@code token}. */
  private static boolean hasRepeatedNeighbour(PaddedList<CoreLabel> padded, int token) {
    for (int direction : new int[] {1, -1}) {
      Set<String> words = new HashSet<>();
      for (int distance = 1; distance <= 5; distance++) {
        if (!words.add(padded.get(token + direction * distance).word())) {
          return true;
        }
      }
    }
    return false;
  }
}
