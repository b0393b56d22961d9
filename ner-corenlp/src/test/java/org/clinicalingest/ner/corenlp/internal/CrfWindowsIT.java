package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.ObjectBankWrapper;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.PaddedList;
import edu.stanford.nlp.util.TypesafeMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Checks the exactness claim of {@link CrfWindows} against the real model: on every sentence of the
 * evaluation set, every window whose neighbours the whole-sentence CRF labels O gets the labels the
 * whole-sentence CRF gives it; and every sentence of the evaluation notes is prepared as CoreNLP's
 * {@code ObjectBankWrapper} and feature factory prepare it, with each word normalised as the
 * features read it.
 */
class CrfWindowsIT {

  private static final int LONGEST_WINDOW = 4;

  /**
   * The tokens of each sentence of the evaluation notes in {@code files}, as the finder gets them.
   */
  static List<List<CoreLabel>> evaluationSentences(String... files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    SharedModel model = SharedModel.get();
    List<List<CoreLabel>> sentences = new ArrayList<>();
    for (String file : files) {
      for (String line : Files.readAllLines(Path.of("src/test/resources/eval", file))) {
        if (line.isBlank()) {
          continue;
        }
        Annotation document = new Annotation(json.readTree(line).get("text").asText());
        model.tokenizer().annotate(document);
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
          sentences.add(sentence.get(CoreAnnotations.TokensAnnotation.class));
        }
      }
    }
    return sentences;
  }

  private static String[] wholeLabels(SharedModel model, List<CoreLabel> tokens) {
    List<CoreLabel> labelled = model.classifier().classifySentence(tokens);
    String[] labels = new String[labelled.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class);
    }
    return labels;
  }

  @Test
  void windowLabelsEqualWholeSentenceLabelsWhenNeighboursAreBackground() throws IOException {
    SharedModel model = SharedModel.get();
    CrfWindows windows = model.windows().orElseThrow();
    String background = model.classifier().backgroundSymbol();
    int checked = 0;
    int named = 0;
    for (List<CoreLabel> tokens : evaluationSentences("hard-cases.jsonl")) {
      String[] whole = wholeLabels(model, tokens);
      WordEntry[] entries = model.wordEntries(tokens);
      CrfWindows.Sentence sentence = windows.sentence(tokens, entries);
      for (int from = 0; from < tokens.size(); from++) {
        for (int to = from + 1; to <= Math.min(tokens.size(), from + LONGEST_WINDOW); to++) {
          boolean leftO = from == 0 || background.equals(whole[from - 1]);
          boolean rightO = to == tokens.size() || background.equals(whole[to]);
          if (!leftO || !rightO) {
            continue;
          }
          String[] labels = new String[tokens.size()];
          windows.label(sentence, from, to, labels);
          for (int token = from; token < to; token++) {
            assertThat(labels[token])
                .as("token %d of window %d..%d", token, from, to)
                .isEqualTo(whole[token]);
            named += background.equals(whole[token]) ? 0 : 1;
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(5_000);
    assertThat(named).isGreaterThan(100);
  }

  /**
   * The sentence as {@code classifySentence} prepares it: {@code ObjectBankWrapper}, then the
   * classes the feature factory adds on the first feature.
   */
  static List<CoreLabel> preparedByCoreNlp(SharedModel model, List<CoreLabel> words)
      throws ReflectiveOperationException {
    String background = model.classifier().backgroundSymbol();
    List<CoreLabel> expected = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      CoreLabel token = new CoreLabel();
      token.set(CoreAnnotations.TextAnnotation.class, words.get(i).word());
      token.set(CoreAnnotations.PositionAnnotation.class, Integer.toString(i));
      token.set(CoreAnnotations.AnswerAnnotation.class, background);
      expected.add(token);
    }
    new ObjectBankWrapper<CoreLabel>(
            model.classifier().flags, null, model.classifier().getKnownLCWords())
        .processDocument(expected);
    model
        .classifier()
        .featureFactories
        .get(0)
        .getCliqueFeatures(
            new PaddedList<>(expected, FeatureHashingIT.pad(model)), 0, FeatureFactory.cliqueC);
    return expected;
  }

  @Test
  void preparesSentencesAsObjectBankWrapperDoesWithWordsNormalised()
      throws IOException, ReflectiveOperationException {
    SharedModel model = SharedModel.get();
    CrfWindows windows = model.windows().orElseThrow();
    Function<String, String> normalised = model.classifier().flags.wordFunction;
    assertThat(normalised).isNotNull();
    int tokens = 0;
    int changed = 0;
    for (List<CoreLabel> words : evaluationSentences("hard-cases.jsonl", "generated.jsonl")) {
      List<CoreLabel> expected = preparedByCoreNlp(model, words);
      List<CoreLabel> prepared = windows.prepare(words, model.wordEntries(words));
      assertThat(prepared).hasSameSizeAs(expected);
      for (int i = 0; i < prepared.size(); i++) {
        assertThat(prepared.get(i).keySet()).isEqualTo(expected.get(i).keySet());
        for (Class<?> key : expected.get(i).keySet()) {
          @SuppressWarnings("unchecked")
          Class<? extends TypesafeMap.Key<Object>> typed =
              (Class<? extends TypesafeMap.Key<Object>>) key;
          Object value = expected.get(i).get(typed);
          if (key == CoreAnnotations.TextAnnotation.class) {
            value = normalised.apply((String) value);
            changed += value.equals(words.get(i).word()) ? 0 : 1;
          }
          assertThat(prepared.get(i).get(typed))
              .as("%s of %s", key.getSimpleName(), words.get(i).word())
              .isEqualTo(value);
        }
        tokens++;
      }
    }
    assertThat(tokens).isGreaterThan(20_000);
    assertThat(changed).isPositive();
  }

  /**
   * Asserts that {@code potentials} of the token at {@code token} of {@code sentence} equal {@code
   * expected} up to the order in which weights are added.
   */
  static void assertSamePotentials(
      double[] potentials, double[] expected, List<CoreLabel> sentence, int token) {
    assertThat(potentials).hasSameSizeAs(expected);
    for (int column = 0; column < expected.length; column++) {
      assertThat(potentials[column])
          .as(
              "column %d of token %d of %s",
              column, token, sentence.stream().map(CoreLabel::word).toList())
          .isCloseTo(expected[column], within(1e-9));
    }
  }

  /** The flat copy of the features and weights of {@code classifier}. */
  static FeatureIndex flatIndex(CRFClassifier<CoreLabel> classifier)
      throws ReflectiveOperationException {
    return FeatureIndex.of(
            (Index<?>) CrfWindows.field(CRFClassifier.class, "featureIndex").get(classifier),
            (float[][]) CrfWindows.field(CRFClassifier.class, "weights").get(classifier),
            classifier.classIndex.size())
        .orElseThrow();
  }

  @Test
  void flatFeatureIndexGivesTheModelsWeightsForEveryFeature() throws ReflectiveOperationException {
    CRFClassifier<CoreLabel> classifier = SharedModel.get().classifier();
    Index<?> index =
        (Index<?>) CrfWindows.field(CRFClassifier.class, "featureIndex").get(classifier);
    float[][] weights =
        (float[][]) CrfWindows.field(CRFClassifier.class, "weights").get(classifier);
    int labels = classifier.classIndex.size();
    FeatureIndex flat = flatIndex(classifier);

    assertThat(index.size()).isGreaterThan(100_000);
    int pairFeatures = 0;
    for (int row = 0; row < index.size(); row++) {
      String feature = (String) index.get(row);
      boolean unary = weights[row].length == labels;
      pairFeatures += unary ? 0 : 1;
      long[] featureAndOther = {FeatureIndex.hash(feature), FeatureIndex.hash(feature + "\u0000")};
      double[] potentials =
          unary
              ? flat.unaryPotentials(featureAndOther, 2)
              : flat.pairPotentials(featureAndOther, 2);
      assertThat(potentials).as(feature).hasSize(weights[row].length);
      for (int column = 0; column < potentials.length; column++) {
        assertThat(potentials[column]).as(feature).isEqualTo((double) weights[row][column]);
      }
    }
    assertThat(pairFeatures).isPositive().isLessThan(index.size());
  }
}
