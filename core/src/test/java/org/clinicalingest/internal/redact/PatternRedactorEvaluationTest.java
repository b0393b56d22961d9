package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinicalingest.internal.redact.PresidioSynthCorpus.Sentence;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scores {@link PatternRedactor} on the 1,500 labelled sentences of presidio-research's {@code
 * synth_dataset_v2.json}, as {@link SpanScorer} describes, and fails if a figure drops below what
 * was measured (rounded down a little). The sentences are general-domain and mostly non-US, so
 * street addresses and ZIP codes in foreign formats are largely out of reach of US patterns; names,
 * organisations and places need a language model and are not scored here.
 */
class PatternRedactorEvaluationTest {

  private static SpanScorer scorer;

  @BeforeAll
  static void scoreCorpus() {
    PatternRedactor redactor = new PatternRedactor();
    scorer = new SpanScorer();
    List<Sentence> sentences = PresidioSynthCorpus.load();
    assertThat(sentences).hasSize(1500);
    for (Sentence sentence : sentences) {
      scorer.add(sentence, redactor.find(sentence.text()));
    }
    System.out.println(
        "PatternRedactor on presidio-research synth_dataset_v2 ("
            + sentences.size()
            + " sentences)\n"
            + scorer.report());
  }

  @ParameterizedTest(name = "{0} recall >= {1} by span, {2} by char")
  @CsvSource({
    "PHONE_NUMBER, 0.97, 0.97",
    "EMAIL_ADDRESS, 0.98, 0.98",
    "US_SSN, 0.95, 0.95",
    "DATE_TIME, 0.97, 0.97",
    "IP_ADDRESS, 0.95, 0.95",
    "DOMAIN_NAME, 0.97, 0.97",
    "STREET_ADDRESS, 0.42, 0.27",
    "ZIP_CODE, 0.45, 0.45",
    "CREDIT_CARD, 0.98, 0.98",
    "IBAN_CODE, 0.95, 0.95",
    "US_DRIVER_LICENSE, 0.95, 0.95"
  })
  void keepsRecallOfEachPatternCategory(String label, double bySpan, double byChar) {
    SpanScorer.Score recall = scorer.recall(label);
    assertThat(recall.spanRate()).as(label + " " + recall).isGreaterThanOrEqualTo(bySpan);
    assertThat(recall.charRate()).as(label + " " + recall).isGreaterThanOrEqualTo(byChar);
  }

  @ParameterizedTest(name = "{0} precision >= {1} by span, {2} by char")
  @CsvSource({
    "PHONE, 0.97, 0.97",
    "FAX, 0.95, 0.95",
    "EMAIL, 0.98, 0.98",
    "SSN, 0.95, 0.95",
    "DATE, 0.97, 0.97",
    "IP, 0.95, 0.95",
    "URL, 0.97, 0.97",
    "ADDRESS, 0.97, 0.96",
    "ZIP, 0.95, 0.95",
    "ID, 0.98, 0.98"
  })
  void keepsPrecisionOfEachPatternType(PhiType type, double bySpan, double byChar) {
    SpanScorer.Score precision = scorer.precision(type);
    assertThat(precision.spanRate()).as(type + " " + precision).isGreaterThanOrEqualTo(bySpan);
    assertThat(precision.charRate()).as(type + " " + precision).isGreaterThanOrEqualTo(byChar);
  }

  @Test
  void leavesBareYearsWeekdaysAndYoungAgesAlone() {
    assertThat(scorer.recall(SpanScorer.NOT_PHI_DATE).spanRate()).isLessThanOrEqualTo(0.02);
    assertThat(scorer.recall("AGE").spans()).isEqualTo(74);
    assertThat(scorer.precision(PhiType.AGE).spans()).isZero();
  }
}
