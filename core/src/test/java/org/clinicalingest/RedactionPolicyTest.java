package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class RedactionPolicyTest {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void safeHarborReplacesIdentifiersAndGeneralisesDatesAndZip() {
    RedactionPolicy policy = RedactionPolicy.safeHarbor();
    for (PhiField field : PhiField.values()) {
      Operator expected = field.generalizable() ? Operator.GENERALIZE : Operator.PLACEHOLDER;
      assertThat(policy.field(field)).as(field.jsonName()).isEqualTo(expected);
    }
    for (PhiType type : PhiType.values()) {
      assertThat(policy.text(type)).as(type.name()).isEqualTo(Operator.PLACEHOLDER);
    }
    assertThat(policy.usesPseudonyms()).isFalse();
    assertThat(policy.hasPseudonymKey()).isFalse();
  }

  @Test
  void builderStartsFromSafeHarborAndChangesOnlyWhatIsSet() {
    RedactionPolicy policy = RedactionPolicy.builder().field(PhiField.CITY, Operator.KEEP).build();
    assertThat(policy.field(PhiField.CITY)).isEqualTo(Operator.KEEP);
    assertThat(policy.field(PhiField.FAMILY_NAME)).isEqualTo(Operator.PLACEHOLDER);
    assertThat(RedactionPolicy.safeHarbor().field(PhiField.CITY)).isEqualTo(Operator.PLACEHOLDER);
  }

  @Test
  void toBuilderMakesAVariantWithoutChangingTheOriginal() {
    RedactionPolicy original =
        RedactionPolicy.builder().text(PhiType.NAME, Operator.PSEUDONYM).pseudonymKey(KEY).build();
    RedactionPolicy variant = original.toBuilder().text(PhiType.DATE, Operator.DROP).build();
    assertThat(variant.text(PhiType.NAME)).isEqualTo(Operator.PSEUDONYM);
    assertThat(variant.text(PhiType.DATE)).isEqualTo(Operator.DROP);
    assertThat(variant.pseudonymKey()).isEqualTo(KEY);
    assertThat(original.text(PhiType.DATE)).isEqualTo(Operator.PLACEHOLDER);
  }

  @Test
  void rejectsGeneralizeOnAFieldThatCannotBeGeneralisedNamingFieldAndOperator() {
    assertThatThrownBy(
            () -> RedactionPolicy.builder().field(PhiField.FAMILY_NAME, Operator.GENERALIZE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("family_name")
        .hasMessageContaining("GENERALIZE");
    assertThatThrownBy(() -> RedactionPolicy.builder().text(PhiType.NAME, Operator.GENERALIZE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME")
        .hasMessageContaining("GENERALIZE");
  }

  @Test
  void acceptsGeneralizeOnDatesZipAndAge() {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .field(PhiField.EFFECTIVE_AT, Operator.GENERALIZE)
            .text(PhiType.DATE, Operator.GENERALIZE)
            .text(PhiType.ZIP, Operator.GENERALIZE)
            .text(PhiType.AGE, Operator.GENERALIZE)
            .build();
    assertThat(policy.text(PhiType.AGE)).isEqualTo(Operator.GENERALIZE);
  }

  @Test
  void rejectsNullsNamingTheOption() {
    assertThatThrownBy(() -> RedactionPolicy.builder().field(null, Operator.KEEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field");
    assertThatThrownBy(() -> RedactionPolicy.builder().text(PhiType.NAME, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator");
    assertThatThrownBy(() -> RedactionPolicy.builder().pseudonymKey(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pseudonymKey");
  }

  @Test
  void requiresAKeyWhenAnyOperatorIsPseudonym() {
    assertThatThrownBy(
            () -> RedactionPolicy.builder().field(PhiField.EMAIL, Operator.PSEUDONYM).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("email")
        .hasMessageContaining("pseudonymKey");
    assertThatThrownBy(
            () -> RedactionPolicy.builder().text(PhiType.MRN, Operator.PSEUDONYM).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MRN");
  }

  @Test
  void rejectsShortKeyGivingItsLengthNotItsBytes() {
    byte[] shortKey = "secret-7".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> RedactionPolicy.builder().pseudonymKey(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes")
        .hasMessageContaining("was 8 bytes")
        .hasMessageNotContaining("secret");
  }

  @Test
  void copiesTheKeyInAndOut() {
    byte[] key = KEY.clone();
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .field(PhiField.PHONE, Operator.PSEUDONYM)
            .pseudonymKey(key)
            .build();
    Arrays.fill(key, (byte) 0);
    assertThat(policy.pseudonymKey()).isEqualTo(KEY);
    policy.pseudonymKey()[0] = 42;
    assertThat(policy.pseudonymKey()).isEqualTo(KEY);
  }

  @Test
  void neverShowsTheKeyInToString() {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .field(PhiField.PHONE, Operator.PSEUDONYM)
            .pseudonymKey(KEY)
            .build();
    String shown = policy.toString();
    assertThat(shown).contains("pseudonymKey=set").contains("PHONE=PSEUDONYM");
    assertThat(shown)
        .doesNotContain(new String(KEY, StandardCharsets.US_ASCII))
        .doesNotContain(HexFormat.of().formatHex(KEY))
        .doesNotContain(Arrays.toString(KEY));
  }

  @Test
  void refusesToHandOutAMissingKey() {
    assertThatThrownBy(() -> RedactionPolicy.safeHarbor().pseudonymKey())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void exposesUnmodifiableOperatorMaps() {
    RedactionPolicy policy = RedactionPolicy.safeHarbor();
    assertThat(policy.fields()).hasSize(PhiField.values().length);
    assertThatThrownBy(() -> policy.fields().put(PhiField.CITY, Operator.KEEP))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> policy.texts().put(PhiType.NAME, Operator.KEEP))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
