package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.RecordKind;
import org.junit.jupiter.api.Test;

class PhiFieldTest {

  @Test
  void coversEveryPhiColumnOfTheFormat() {
    assertThat(Arrays.stream(PhiField.values()).map(PhiField::jsonName))
        .containsExactly(
            "identifiers",
            "family_name",
            "given_names",
            "date_of_birth",
            "deceased_date",
            "address_line1",
            "address_line2",
            "city",
            "postal_code",
            "phone",
            "fax",
            "email",
            "emergency_contact_name",
            "emergency_contact_phone",
            "period_start",
            "period_end",
            "provider_name",
            "effective_at");
  }

  @Test
  void looksUpEveryFieldByItsJsonName() {
    for (PhiField field : PhiField.values()) {
      assertThat(PhiField.forJsonName(field.jsonName())).isSameAs(field);
    }
    assertThat(PhiField.forJsonName(" Postal_Code ")).isSameAs(PhiField.POSTAL_CODE);
  }

  @Test
  void rejectsUnknownJsonNameNamingIt() {
    assertThatThrownBy(() -> PhiField.forJsonName("gender"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gender")
        .hasMessageContaining("date_of_birth");
    assertThatThrownBy(() -> PhiField.forJsonName(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generalizesOnlyDatesAndThePostalCode() {
    assertThat(Arrays.stream(PhiField.values()).filter(PhiField::generalizable))
        .containsExactlyInAnyOrder(
            PhiField.DATE_OF_BIRTH,
            PhiField.DECEASED_DATE,
            PhiField.PERIOD_START,
            PhiField.PERIOD_END,
            PhiField.EFFECTIVE_AT,
            PhiField.POSTAL_CODE);
  }

  @Test
  void knowsRecordKindTypeAndPlaceholder() {
    assertThat(PhiField.PROVIDER_NAME.recordKind()).isEqualTo(RecordKind.ENCOUNTER);
    assertThat(PhiField.EFFECTIVE_AT.recordKind()).isEqualTo(RecordKind.OBSERVATION);
    assertThat(PhiField.CITY.type()).isEqualTo(PhiType.LOCATION);
    assertThat(PhiField.CITY.placeholder()).isEqualTo("[CITY]");
    assertThat(PhiField.GIVEN_NAMES.placeholder()).isEqualTo("[NAME]");
  }
}
