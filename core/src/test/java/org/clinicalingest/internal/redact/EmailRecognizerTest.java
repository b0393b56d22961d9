package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRecognizerTest {

  private final EmailRecognizer recognizer = new EmailRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "email jane.doe@example.org for results | jane.doe@example.org",
        "EMAIL: JANE_DOE+LABS@EXAMPLE.CO.UK. | JANE_DOE+LABS@EXAMPLE.CO.UK",
        "(bob.keeling57@mail.example.com) | bob.keeling57@mail.example.com",
        "mailto:ErikAckerman@armyspy.com | ErikAckerman@armyspy.com"
      })
  void findsEmailAddresses(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.EMAIL, expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seen @ clinic at 3 pm",
        "ratio 3@5 per field",
        "user@localhost",
        "no email on file",
        "@username mentioned"
      })
  void leavesTextWithoutAnAddressAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
