package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;
import org.junit.jupiter.api.Test;

class FreeTextRedactorTest {

  private static final String NOTE = "Call Maren Quist at 617-555-0143 about the 03/14/2021 visit.";

  @Test
  void redactsPatternsWithTheSafeHarborPolicyWithoutRecogniser() {
    try (FreeTextRedactor redactor = FreeTextRedactor.builder().build()) {
      RedactedText result = redactor.redact(NOTE);

      assertThat(result.text()).isEqualTo("Call Maren Quist at [PHONE] about the [DATE] visit.");
      assertThat(result.spans())
          .extracting(PhiSpan::type)
          .containsExactly(PhiType.PHONE, PhiType.DATE);
      assertThat(NOTE.substring(result.spans().get(0).start(), result.spans().get(0).end()))
          .isEqualTo("617-555-0143");
    }
  }

  @Test
  void mergesRecognisedNamesWithPatternSpansAsOffsetsIntoTheOriginalText() {
    List<Integer> batchSizes = new ArrayList<>();
    NerRedactor names =
        texts -> {
          batchSizes.add(texts.size());
          return texts.stream().map(text -> find(text, "Maren Quist")).toList();
        };
    try (FreeTextRedactor redactor = FreeTextRedactor.builder().redactor(names).build()) {
      List<RedactedText> results = redactor.redactAll(List.of(NOTE, "No PHI here."));

      assertThat(batchSizes).containsExactly(2);
      assertThat(results.get(0).text()).isEqualTo("Call [NAME] at [PHONE] about the [DATE] visit.");
      assertThat(results.get(0).spans())
          .containsExactly(
              new PhiSpan(5, 16, PhiType.NAME),
              new PhiSpan(20, 32, PhiType.PHONE),
              new PhiSpan(43, 53, PhiType.DATE));
      assertThat(results.get(1).text()).isEqualTo("No PHI here.");
      assertThat(results.get(1).spans()).isEmpty();
    }
  }

  @Test
  void appliesThePolicysTextOperators() {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .text(PhiType.PHONE, Operator.MASK)
            .text(PhiType.DATE, Operator.PLACEHOLDER)
            .build();
    try (FreeTextRedactor redactor = FreeTextRedactor.builder().policy(policy).build()) {
      assertThat(redactor.redact(NOTE).text())
          .isEqualTo("Call Maren Quist at **** about the [DATE] visit.");
    }
  }

  @Test
  void tellsTheRecogniserOfTheSpansThePolicyReplacesWhole() {
    List<List<PhiSpan>> told = new ArrayList<>();
    NerRedactor listening =
        new NerRedactor() {
          @Override
          public List<Redaction> redactAll(List<String> texts) {
            throw new AssertionError("the spans found must be passed on");
          }

          @Override
          public List<Redaction> redactAll(List<String> texts, List<List<PhiSpan>> known) {
            told.addAll(known);
            return texts.stream().map(text -> find(text, "Maren Quist")).toList();
          }
        };
    RedactionPolicy keepPhones =
        RedactionPolicy.builder()
            .text(PhiType.PHONE, Operator.KEEP)
            .text(PhiType.DATE, Operator.GENERALIZE)
            .build();
    try (FreeTextRedactor all = FreeTextRedactor.builder().redactor(listening).build();
        FreeTextRedactor some =
            FreeTextRedactor.builder().redactor(listening).policy(keepPhones).build()) {
      assertThat(all.redact(NOTE).text())
          .isEqualTo("Call [NAME] at [PHONE] about the [DATE] visit.");
      assertThat(some.redact(NOTE).text())
          .isEqualTo("Call [NAME] at 617-555-0143 about the 2021 visit.");
    }

    assertThat(told)
        .containsExactly(
            List.of(new PhiSpan(20, 32, PhiType.PHONE), new PhiSpan(43, 53, PhiType.DATE)),
            List.of());
  }

  @Test
  void passesOneListOfKnownSpansPerText() {
    NerRedactor plain =
        texts -> texts.stream().map(text -> new Redaction(text, List.of())).toList();

    assertThatThrownBy(() -> plain.redactAll(List.of("a", "b"), List.of(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("known has 1 lists for 2 texts");
  }

  @Test
  void reportsARecogniserFailureWithoutQuotingTheText() {
    NerRedactor failing =
        texts -> {
          throw new IllegalStateException("model broke on " + texts.get(0));
        };
    try (FreeTextRedactor redactor = FreeTextRedactor.builder().redactor(failing).build()) {
      assertThatThrownBy(() -> redactor.redact(NOTE))
          .isInstanceOf(RedactionException.class)
          .hasMessageContaining("a batch of 1 texts")
          .hasMessageNotContaining("Maren");
    }
  }

  private static Redaction find(String text, String name) {
    List<PhiSpan> spans = new ArrayList<>();
    Matcher matcher = Pattern.compile(Pattern.quote(name)).matcher(text);
    while (matcher.find()) {
      spans.add(new PhiSpan(matcher.start(), matcher.end(), PhiType.NAME));
    }
    return new Redaction(text, spans);
  }
}
