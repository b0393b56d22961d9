package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsnRecognizerTest {

  private final SsnRecognizer recognizer = new SsnRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SSN 123-45-6789 verified | 123-45-6789",
        "ssn: 123-45-6789 | 123-45-6789",
        "SOCIAL SECURITY NUMBER 123 45 6789 | 123 45 6789",
        "social security no. 123456789 | 123456789",
        "Soc. Sec. # 123.45.6789 on file | 123.45.6789",
        "patient's number is 999-12-9623. | 999-12-9623",
        "(078-05-1120) | 078-05-1120"
      })
  void findsSocialSecurityNumbers(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.SSN, expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "call 555-814-8772 today",
        "LOINC 8480-6 and 8462-4",
        "BP 120/80, HR 72",
        "dated 2019-03-12",
        "lot 123456789 expires soon",
        "000-12-3456 is a placeholder",
        "123-00-4567 invalid group",
        "1234-56-7890 too long",
        "123-45-67890 too long",
        "ssn pending",
        "order 123 45 6789 units"
      })
  void leavesOtherNumbersAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
