package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.clinicalingest.Operator;
import org.clinicalingest.PhiField;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class TextRedactorTest {

  private static final String NOTE = "Alva958 Keeling57 seen 03/12/2019, call 555-814-8772.";
  private static final List<PhiSpan> SPANS =
      List.of(
          new PhiSpan(0, 7, PhiType.NAME),
          new PhiSpan(8, 17, PhiType.NAME),
          new PhiSpan(23, 33, PhiType.DATE),
          new PhiSpan(40, 52, PhiType.PHONE));

  @Test
  void replacesSpansByPlaceholdersUnderSafeHarbor() {
    assertThat(new TextRedactor(RedactionPolicy.safeHarbor()).apply(NOTE, SPANS))
        .isEqualTo("[NAME] [NAME] seen [DATE], call [PHONE].");
  }

  @Test
  void appliesEachTypesOperator() {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .text(PhiType.NAME, Operator.KEEP)
            .text(PhiType.DATE, Operator.DROP)
            .text(PhiType.PHONE, Operator.MASK)
            .build();
    assertThat(new TextRedactor(policy).apply(NOTE, SPANS))
        .isEqualTo("Alva958 Keeling57 seen , call ****.");
  }

  @Test
  void generalisesDatesZipCodesAndAges() {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .text(PhiType.DATE, Operator.GENERALIZE)
            .text(PhiType.ZIP, Operator.GENERALIZE)
            .text(PhiType.AGE, Operator.GENERALIZE)
            .build();
    String text = "on 03/12/2019 and 3/12/19, zip 03601 or 02115, a 93 yo";
    List<PhiSpan> spans =
        List.of(
            new PhiSpan(3, 13, PhiType.DATE),
            new PhiSpan(18, 25, PhiType.DATE),
            new PhiSpan(31, 36, PhiType.ZIP),
            new PhiSpan(40, 45, PhiType.ZIP),
            new PhiSpan(49, 51, PhiType.AGE));
    assertThat(new TextRedactor(policy).apply(text, spans))
        .isEqualTo("on 2019 and [DATE], zip 000 or 021, a 90+ yo");
  }

  @Test
  void givesANameInANoteTheSameTokenAsInItsColumn() {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .field(PhiField.GIVEN_NAMES, Operator.PSEUDONYM)
            .field(PhiField.PHONE, Operator.PSEUDONYM)
            .text(PhiType.NAME, Operator.PSEUDONYM)
            .text(PhiType.PHONE, Operator.PSEUDONYM)
            .pseudonymKey(PseudonymizerTest.KEY)
            .build();
    FieldRedactor fields = new FieldRedactor(policy, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    String given = fields.redactAll(PhiField.GIVEN_NAMES, List.of("Alva958")).get(0);
    String phone = fields.redact(PhiField.PHONE, "(555) 814 8772");
    String redacted = new TextRedactor(policy).apply(NOTE, SPANS);
    assertThat(given).matches("NAME-[0-9a-f]{16}");
    assertThat(redacted).startsWith(given + " NAME-").contains("call " + phone + ".");
  }

  @Test
  void returnsTheTextWhenThereIsNoSpan() {
    assertThat(new TextRedactor(RedactionPolicy.safeHarbor()).apply(NOTE, List.of()))
        .isSameAs(NOTE);
  }

  @Test
  void rejectsUnmergedOrOutOfRangeSpansWithoutShowingText() {
    TextRedactor redactor = new TextRedactor(RedactionPolicy.safeHarbor());
    assertThatThrownBy(
            () ->
                redactor.apply(
                    NOTE,
                    List.of(new PhiSpan(0, 10, PhiType.NAME), new PhiSpan(5, 12, PhiType.NAME))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5..12")
        .hasMessageNotContaining("Alva");
    assertThatThrownBy(() -> redactor.apply("short", List.of(new PhiSpan(0, 10, PhiType.NAME))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 5");
  }
}
