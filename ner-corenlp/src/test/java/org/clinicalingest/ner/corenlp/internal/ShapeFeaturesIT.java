package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.PaddedList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link ShapeFeatures} against the real model: for every token of the evaluation set's
 * notes, the potentials of the one-label features that {@link FeatureHashing#withoutWordFeatures}
 * gives equal those of the features that {@link FeatureHashing#withoutShapeFeatures} then {@link
 * FeatureHashing#withoutWordFeatures} gives plus the shape features' potentials, up to the order in
 * which weights are added, on those notes and on sentences that repeat a name.
 */
class ShapeFeaturesIT {

  /**
   * Sentences in which a capitalised word before a lower-case one occurs again three or more tokens
   * before or after it, 149 tokens away or more, or opens the sentence, which the evaluation set's
   * notes seldom hold.
   */
  private static final List<String> REPEATED_NAMES =
      List.of(
          "Yesterday Hope called and said that Hope was tired, so Hope rested at home.",
          "Hope called and said that Hope was tired.",
          "Then Okafor went " + "and ".repeat(147) + "Okafor slept.",
          "Then Okafor went " + "and ".repeat(148) + "Okafor slept.",
          "The nurse said Baker was there; later on the ward Dr. Baker was seen and Baker left.",
          "Per daughter Maria the patient fell, and Maria called EMS when Maria found her.",
          "Then Okafor went home and "
              + "the patient rested well and ".repeat(40)
              + "later Okafor slept and Okafor woke.");

  @Test
  void addsThePotentialsOfEveryTokensShapeFeaturesAndOccurrencePatterns()
      throws IOException, ReflectiveOperationException {
    SharedModel model = SharedModel.get();
    FeatureIndex index = CrfWindowsIT.flatIndex(model.classifier());
    ShapeFeatures shapes = ShapeFeatures.of(model.classifier().flags, index).orElseThrow();
    FeatureHashing all =
        FeatureHashing.of(model.classifier().featureFactories.get(0)).orElseThrow();
    FeatureHashing withShapes = all.withoutWordFeatures().orElseThrow();
    FeatureHashing withoutShapes =
        all.withoutShapeFeatures().flatMap(FeatureHashing::withoutWordFeatures).orElseThrow();
    FeatureHashing.Collector collector = all.collector();
    CrfWindows windows = model.windows().orElseThrow();
    int tokens = 0;
    int[] occurrences = new int[3];
    List<List<CoreLabel>> sentences =
        new ArrayList<>(CrfWindowsIT.evaluationSentences("hard-cases.jsonl", "generated.jsonl"));
    for (String text : REPEATED_NAMES) {
      sentences.addAll(model.sentences(text));
    }
    for (List<CoreLabel> sentence : sentences) {
      WordEntry[] entries = model.wordEntries(sentence);
      List<CoreLabel> prepared = windows.prepare(sentence, entries);
      PaddedList<CoreLabel> padded = windows.padded(prepared);
      String padText = padded.getPad().getString(CoreAnnotations.TextAnnotation.class);
      CrfWindows.PreparedWord pad =
          new CrfWindows.PreparedWord(padText, null, null, null, shapes.of(null), null, null);
      for (int token = 0; token < prepared.size(); token++) {
        withShapes.cliqueC(padded, token, collector);
        double[] expected = index.unaryPotentials(collector.hashes(), collector.count());
        countOccurrencePatterns(collector, occurrences);
        withoutShapes.cliqueC(padded, token, collector);
        double[] potentials = index.unaryPotentials(collector.hashes(), collector.count());
        shapes.addTo(potentials, entries, token, pad);
        CrfWindowsIT.assertSamePotentials(potentials, expected, sentence, token);
        tokens++;
      }
    }
    assertThat(tokens).isGreaterThan(20_000);
    assertThat(occurrences[0]).isGreaterThan(5);
    assertThat(occurrences[1]).isGreaterThan(5);
    assertThat(occurrences[2]).isGreaterThan(20_000);
  }

  /** Counts the tokens with a next, a previous and no occurrence pattern, in that order. */
  private static void countOccurrencePatterns(FeatureHashing.Collector collector, int[] counts) {
    String[] patterns = {"X-NEXT-OCCURRENCE-X", "X-PREV-OCCURRENCE-X", "NO-OCCURRENCE-PATTERN"};
    for (int i = 0; i < patterns.length; i++) {
      if (collector.holds(FeatureIndex.hash(patterns[i] + "|C"))) {
        counts[i]++;
      }
    }
  }
}
