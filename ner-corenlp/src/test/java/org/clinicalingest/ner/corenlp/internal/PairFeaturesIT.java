package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.PaddedList;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link PairFeatures} against the real model: for every token of the evaluation set's
 * notes, the potentials of its two-label clique equal those of the features CoreNLP's factory gives
 * it ({@link FeatureHashing#cliqueCpC}), up to the order in which weights are added.
 */
class PairFeaturesIT {

  @Test
  void givesThePotentialsOfEveryTokensTwoLabelClique()
      throws IOException, ReflectiveOperationException {
    SharedModel model = SharedModel.get();
    FeatureIndex index = CrfWindowsIT.flatIndex(model.classifier());
    PairFeatures pairs = PairFeatures.of(model.classifier().flags, index).orElseThrow();
    FeatureHashing features =
        FeatureHashing.of(model.classifier().featureFactories.get(0)).orElseThrow();
    FeatureHashing.Collector collector = features.collector();
    CrfWindows windows = model.windows().orElseThrow();
    int tokens = 0;
    for (List<CoreLabel> sentence :
        CrfWindowsIT.evaluationSentences("hard-cases.jsonl", "generated.jsonl")) {
      WordEntry[] entries = model.wordEntries(sentence);
      PaddedList<CoreLabel> padded = windows.padded(windows.prepare(sentence, entries));
      String padText = padded.getPad().getString(CoreAnnotations.TextAnnotation.class);
      CrfWindows.PreparedWord pad =
          new CrfWindows.PreparedWord(
              padText, null, null, null, null, pairs.of(padText, null, null), null);
      for (int token = 0; token < sentence.size(); token++) {
        features.cliqueCpC(padded, token, collector);
        double[] expected = index.pairPotentials(collector.hashes(), collector.count());
        double[] potentials = pairs.potentials(entries, token, pad);
        CrfWindowsIT.assertSamePotentials(potentials, expected, sentence, token);
        tokens++;
      }
    }
    assertThat(tokens).isGreaterThan(20_000);
  }
}
