package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.clinicalingest.Operator;
import org.clinicalingest.PhiField;
import org.clinicalingest.RedactionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRedactorTest {

  /** 2024-06-15: someone born 1934-06-15 turns 90 that day, one born a day later is 89. */
  private static final Clock TODAY =
      Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

  private final FieldRedactor safeHarbor = new FieldRedactor(RedactionPolicy.safeHarbor(), TODAY);

  private static FieldRedactor with(PhiField field, Operator operator) {
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .field(field, operator)
            .pseudonymKey(PseudonymizerTest.KEY)
            .build();
    return new FieldRedactor(policy, TODAY);
  }

  @Test
  void replacesIdentifyingFieldsByTypedPlaceholders() {
    assertThat(safeHarbor.redact(PhiField.FAMILY_NAME, "Keeling57")).isEqualTo("[NAME]");
    assertThat(safeHarbor.redact(PhiField.CITY, "Woburn")).isEqualTo("[CITY]");
    assertThat(safeHarbor.redact(PhiField.ADDRESS_LINE1, "247 Cronin Station"))
        .isEqualTo("[ADDRESS]");
    assertThat(safeHarbor.redact(PhiField.PHONE, "555-814-8772")).isEqualTo("[PHONE]");
    assertThat(safeHarbor.redact(PhiField.FAX, "555-814-8773")).isEqualTo("[FAX]");
    assertThat(safeHarbor.redact(PhiField.EMAIL, "bob@example.org")).isEqualTo("[EMAIL]");
    assertThat(safeHarbor.redact(PhiField.PROVIDER_NAME, "Dr. Ronny764 Block661"))
        .isEqualTo("[NAME]");
  }

  @Test
  void keepsTheTypePrefixOfIdentifiers() {
    assertThat(
            safeHarbor.redactAll(
                PhiField.IDENTIFIERS,
                List.of("SSN:999-12-9623", "DL:S99986740", "MR:abc-123", "X45295340X")))
        .containsExactly("SSN:[SSN]", "DL:[ID]", "MR:[MRN]", "[ID]");
    assertThat(
            with(PhiField.IDENTIFIERS, Operator.MASK)
                .redact(PhiField.IDENTIFIERS, "SSN:999-12-9623"))
        .isEqualTo("SSN:****");
  }

  @Test
  void generalisesDatesToTheirYear() {
    assertThat(safeHarbor.redact(PhiField.PERIOD_START, "2019-03-12T08:30:00Z")).isEqualTo("2019");
    assertThat(safeHarbor.redact(PhiField.EFFECTIVE_AT, "2019-03-12")).isEqualTo("2019");
    assertThat(safeHarbor.redact(PhiField.DECEASED_DATE, "2020-01-02T00:00:00+01:00"))
        .isEqualTo("2020");
    assertThat(safeHarbor.redact(PhiField.DATE_OF_BIRTH, "1991-07-08")).isEqualTo("1991");
  }

  @ParameterizedTest
  @CsvSource({
    "02115, 021",
    "02115-1234, 021",
    "021151234, 021",
    "90210, 902",
    "03601, 000",
    "05901, 000",
    "06390, 000",
    "10201, 000",
    "20301, 000",
    "55601, 000",
    "69201, 000",
    "79001, 000",
    "82101, 000",
    "82301, 000",
    "83001, 000",
    "83101, 000",
    "87801, 000",
    "87901, 000",
    "88401, 000",
    "89001, 000",
    "89301, 000",
    "03701, 037",
    "89101, 891"
  })
  void generalisesZipCodesToThreeDigitsOrZerosForSmallAreas(String zip, String expected) {
    assertThat(safeHarbor.redact(PhiField.POSTAL_CODE, zip)).isEqualTo(expected);
  }

  @Test
  void listsExactlyTheSeventeenRestrictedAreas() {
    assertThat(FieldRedactor.RESTRICTED_ZIP3)
        .containsExactlyInAnyOrder(
            "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831",
            "878", "879", "884", "890", "893");
  }

  @Test
  void turnsTheBirthDateOfSomeoneOver89Into90Plus() {
    assertThat(safeHarbor.redactDateOfBirth("1934-06-16", null)).isEqualTo("1934");
    assertThat(safeHarbor.redactDateOfBirth("1934-06-15", null)).isEqualTo("90+");
    assertThat(safeHarbor.redactDateOfBirth("1905-01-01", null)).isEqualTo("90+");
    assertThat(safeHarbor.redact(PhiField.DATE_OF_BIRTH, "1920-01-01")).isEqualTo("90+");
  }

  @Test
  void measuresTheAgeOfTheDeceasedAtDeath() {
    assertThat(safeHarbor.redactDateOfBirth("1920-05-01", "2005-03-01T10:00:00Z"))
        .isEqualTo("1920");
    assertThat(safeHarbor.redactDateOfBirth("1920-05-01", "2010-05-01")).isEqualTo("90+");
    assertThat(safeHarbor.redactDateOfBirth("1920-05-01", "not a date")).isEqualTo("90+");
  }

  @Test
  void appliesOtherOperatorsToTheBirthDateWithoutTheAgeRule() {
    assertThat(with(PhiField.DATE_OF_BIRTH, Operator.KEEP).redactDateOfBirth("1920-05-01", null))
        .isEqualTo("1920-05-01");
    assertThat(
            with(PhiField.DATE_OF_BIRTH, Operator.PLACEHOLDER)
                .redactDateOfBirth("1920-05-01", null))
        .isEqualTo("[DATE]");
    assertThat(with(PhiField.DATE_OF_BIRTH, Operator.DROP).redactDateOfBirth("1920-05-01", null))
        .isNull();
    assertThat(with(PhiField.DATE_OF_BIRTH, Operator.MASK).redactDateOfBirth("1920-05-01", null))
        .isEqualTo("****");
  }

  @Test
  void masksWithExactlyFourAsterisks() {
    FieldRedactor mask = with(PhiField.FAMILY_NAME, Operator.MASK);
    assertThat(mask.redact(PhiField.FAMILY_NAME, "Li")).isEqualTo("****");
    assertThat(mask.redact(PhiField.FAMILY_NAME, "Wolfeschlegelsteinhausen")).isEqualTo("****");
  }

  @Test
  void dropsValuesAndEmptiesLists() {
    assertThat(with(PhiField.EMAIL, Operator.DROP).redact(PhiField.EMAIL, "bob@example.org"))
        .isNull();
    assertThat(
            with(PhiField.GIVEN_NAMES, Operator.DROP)
                .redactAll(PhiField.GIVEN_NAMES, List.of("Bob")))
        .isEmpty();
  }

  @Test
  void keepsValuesUnderKeep() {
    assertThat(with(PhiField.CITY, Operator.KEEP).redact(PhiField.CITY, "Woburn"))
        .isEqualTo("Woburn");
  }

  @Test
  void pseudonymisesDeterministicallyAcrossRecordsAndRuns() {
    FieldRedactor first = with(PhiField.FAMILY_NAME, Operator.PSEUDONYM);
    FieldRedactor second = with(PhiField.FAMILY_NAME, Operator.PSEUDONYM);
    String token = first.redact(PhiField.FAMILY_NAME, "Smith");
    assertThat(token).matches("NAME-[0-9a-f]{16}");
    assertThat(second.redact(PhiField.FAMILY_NAME, "SMITH")).isEqualTo(token);
    assertThat(first.redact(PhiField.FAMILY_NAME, " smith ")).isEqualTo(token);
    assertThat(first.redact(PhiField.FAMILY_NAME, "Smith57")).isEqualTo(token);
  }

  @Test
  void pseudonymsDependOnTheKey() {
    RedactionPolicy other =
        RedactionPolicy.builder()
            .field(PhiField.FAMILY_NAME, Operator.PSEUDONYM)
            .pseudonymKey(PseudonymizerTest.OTHER_KEY)
            .build();
    assertThat(new FieldRedactor(other, TODAY).redact(PhiField.FAMILY_NAME, "Smith"))
        .isNotEqualTo(
            with(PhiField.FAMILY_NAME, Operator.PSEUDONYM).redact(PhiField.FAMILY_NAME, "Smith"));
  }

  @Test
  void pseudonymisesIdentifiersByTheTypeOfTheirPrefix() {
    FieldRedactor redactor = with(PhiField.IDENTIFIERS, Operator.PSEUDONYM);
    assertThat(redactor.redact(PhiField.IDENTIFIERS, "SSN:999-12-9623"))
        .matches("SSN:SSN-[0-9a-f]{16}");
    assertThat(redactor.redact(PhiField.IDENTIFIERS, "DL:S99986740")).matches("DL:ID-[0-9a-f]{16}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12/03/2019", "2019-13-45", "yesterday", "19-03-12"})
  void dropsADateThatCannotBeGeneralised(String value) {
    assertThat(safeHarbor.redact(PhiField.PERIOD_START, value)).isNull();
    assertThat(safeHarbor.redactDateOfBirth(value, null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"021", "A1B 2C3", "02115-12", "zip"})
  void dropsAPostalCodeThatCannotBeGeneralised(String value) {
    assertThat(safeHarbor.redact(PhiField.POSTAL_CODE, value)).isNull();
  }

  @Test
  void leavesNullAndBlankValuesAlone() {
    for (PhiField field : PhiField.values()) {
      assertThat(safeHarbor.redact(field, null)).as(field.jsonName()).isNull();
      assertThat(safeHarbor.redact(field, "  ")).as(field.jsonName()).isEqualTo("  ");
    }
    assertThat(safeHarbor.redactAll(PhiField.GIVEN_NAMES, null)).isEmpty();
    assertThat(safeHarbor.redactAll(PhiField.GIVEN_NAMES, Arrays.asList("Bob", null)))
        .containsExactly("[NAME]");
  }

  @Test
  void neverReturnsAnUnredactedValueUnderAnyOperatorButKeep() {
    String[] odd = {"Keeling57", "\u0000\uFFFF", "SSN:", ":::", "1934-02-30", "x".repeat(10_000)};
    for (PhiField field : PhiField.values()) {
      for (Operator operator : Operator.values()) {
        if (operator == Operator.KEEP
            || operator == Operator.GENERALIZE && !field.generalizable()) {
          continue;
        }
        FieldRedactor redactor = with(field, operator);
        for (String value : odd) {
          assertThat(redactor.redact(field, value)).as(field + " " + operator).isNotEqualTo(value);
        }
      }
    }
  }
}
