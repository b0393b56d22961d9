package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRecognizerTest {

  private final UrlRecognizer recognizer = new UrlRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "see https://portal.example.org/patients/123?view=full. | https://portal.example.org/patients/123?view=full",
        "blog at http://www.janedoe.net/about | http://www.janedoe.net/about",
        "VISIT WWW.JANEDOE-FAMILY.COM FOR UPDATES | WWW.JANEDOE-FAMILY.COM",
        "(ftp://files.example.com/scan.dcm) | ftp://files.example.com/scan.dcm",
        "fundraiser page gofundme.com/jane-doe, thanks | gofundme.com/jane-doe",
        "his site janedoe.org | janedoe.org",
        "https://en.wikipedia.org/wiki/Foo_(bar) | https://en.wikipedia.org/wiki/Foo_(bar)"
      })
  void findsWebAddresses(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.URL, expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "e.g. aspirin 81 mg, i.e. low dose",
        "Dr.Smith reviewed; pt.stable",
        "report.pdf and image.dcm attached",
        "jane@example.com wrote",
        "Na 140.K 4.1 Cl 102",
        "Hgb 13.5. Plt 250."
      })
  void leavesOtherDottedTextAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
