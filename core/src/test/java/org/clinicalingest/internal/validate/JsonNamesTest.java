package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNamesTest {

  @ParameterizedTest
  @CsvSource({
    "patientId, patient_id",
    "periodEnd, period_end",
    "addressLine1, address_line1",
    "emergencyContactPhone, emergency_contact_phone",
    "code, code",
    "encounters, encounters"
  })
  void mapsModelNamesToJsonNames(String property, String json) {
    assertThat(JsonNames.of(property)).isEqualTo(json);
  }
}
