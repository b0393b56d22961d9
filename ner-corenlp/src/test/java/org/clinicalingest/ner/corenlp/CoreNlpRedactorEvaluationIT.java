package org.clinicalingest.ner.corenlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.clinicalingest.spi.Redaction;
import org.junit.jupiter.api.Test;

/**
 * Scores the redactor, with the real model, on every JSONL set in {@code src/test/resources/eval}
 * and on the Presidio synthetic set, and fails if a score drops below its floor in {@code
 * eval/thresholds.properties} ({@code <set>.<metric>=<floor>}; a set without floors is only
 * reported). With {@code -Deval.compare=true} it also scores variants with each option turned off.
 */
class CoreNlpRedactorEvaluationIT {

  private static final Path THRESHOLDS = EvalSets.EVAL_FOLDER.resolve("thresholds.properties");

  @Test
  void keepsScoresOnLabelledEvaluationSets() {
    Properties floors = floors();
    for (Path file : EvalSets.jsonlFiles()) {
      String set = file.getFileName().toString().replace(".jsonl", "");
      List<EvalNote> notes = EvalSets.readJsonl(file);
      for (Map.Entry<String, CoreNlpRedactor.Builder> variant : variants().entrySet()) {
        Scorer scorer = score(variant.getValue(), notes);
        System.out.println("[eval] " + set + " " + variant.getKey() + ": " + scorer.summary());
        if (variant.getKey().equals("default")) {
          scorer.missedNames().forEach(miss -> System.out.println("[eval]   missed " + miss));
          scorer.falsePositives().forEach(fp -> System.out.println("[eval]   extra " + fp));
          scorer.lostPhrases().forEach(lost -> System.out.println("[eval]   lost " + lost));
          assertFloors(set, scorer, floors);
        }
      }
    }
  }

  @Test
  void keepsNameRecallOnPresidioSyntheticSet() {
    List<EvalNote> notes = EvalSets.readPresidio(EvalSets.presidioFile());
    for (Map.Entry<String, CoreNlpRedactor.Builder> variant : variants().entrySet()) {
      Scorer scorer = score(variant.getValue(), notes);
      System.out.println("[eval] presidio " + variant.getKey() + ": " + scorer.summary());
      if (variant.getKey().equals("default")) {
        assertFloors("presidio", scorer, floors());
      }
    }
  }

  private static Map<String, CoreNlpRedactor.Builder> variants() {
    Map<String, CoreNlpRedactor.Builder> variants = new LinkedHashMap<>();
    variants.put("default", CoreNlpRedactor.builder());
    if (Boolean.getBoolean("eval.compare")) {
      variants.put("no-case-restoration", CoreNlpRedactor.builder().restoreCase(false));
      variants.put("whole-sentences", CoreNlpRedactor.builder().windowed(false));
      variants.put("no-allow-list", CoreNlpRedactor.builder().allowList(List.of()));
    }
    return variants;
  }

  private static Scorer score(CoreNlpRedactor.Builder builder, List<EvalNote> notes) {
    Scorer scorer = new Scorer();
    try (CoreNlpRedactor redactor = builder.cacheSize(0).build()) {
      List<Redaction> redactions = redactor.redactAll(notes.stream().map(EvalNote::text).toList());
      for (int i = 0; i < notes.size(); i++) {
        scorer.add(notes.get(i), redactions.get(i));
      }
    }
    return scorer;
  }

  private static void assertFloors(String set, Scorer scorer, Properties floors) {
    Map<String, Double> scores =
        Map.of(
            "nameRecall", scorer.nameRecall(),
            "precision", scorer.precision(),
            "namePrecision", scorer.namePrecision(),
            "keptShare", scorer.keptShare());
    for (Map.Entry<String, Double> score : scores.entrySet()) {
      String floor = floors.getProperty(set + "." + score.getKey());
      if (floor != null) {
        assertThat(score.getValue())
            .as("%s %s", set, score.getKey())
            .isGreaterThanOrEqualTo(Double.parseDouble(floor));
      }
    }
  }

  private static Properties floors() {
    Properties floors = new Properties();
    if (Files.isRegularFile(THRESHOLDS)) {
      try (InputStream in = Files.newInputStream(THRESHOLDS)) {
        floors.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return floors;
  }
}
