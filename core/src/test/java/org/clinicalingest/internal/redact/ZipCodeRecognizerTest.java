package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZipCodeRecognizerTest {

  private final ZipCodeRecognizer recognizer = new ZipCodeRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "zip 02115 | 02115",
        "ZIP CODE: 02115-1234 | 02115-1234",
        "postal code is 90210 | 90210",
        "Zip: B0J 2H0 | B0J 2H0",
        "from town, ma 01801 | 01801"
      })
  void findsZipCodesAfterAKeywordOrState(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.ZIP, expected));
  }

  @Test
  void findsCityAndZipAroundAState() {
    assertThat(Found.by(recognizer, "Boston, MA 02115"))
        .containsExactly(Found.one(PhiType.LOCATION, "Boston"), Found.one(PhiType.ZIP, "02115"));
    assertThat(Found.by(recognizer, "EL PASO TEXAS 79901"))
        .containsExactly(Found.one(PhiType.LOCATION, "EL PASO"), Found.one(PhiType.ZIP, "79901"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lives at Concord, New Hampshire 03301 | Concord | 03301",
        "ALBANY, NEW YORK 12207 | ALBANY | 12207",
        "Ponce, Puerto Rico 00716 | Ponce | 00716",
        "Mail to: Austin, TX. 78701 | Austin | 78701"
      })
  void findsCityAndZipAfterAStateOfSeveralWordsOrACode(String text, String city, String zip) {
    assertThat(Found.by(recognizer, text))
        .containsExactly(Found.one(PhiType.LOCATION, city), Found.one(PhiType.ZIP, zip));
  }

  @Test
  void findsCityAfterInOrFromBeforeAState() {
    assertThat(Found.by(recognizer, "She lives in Woburn, MA with her son"))
        .containsExactly(Found.one(PhiType.LOCATION, "Woburn"));
    assertThat(Found.by(recognizer, "transferred from St. Louis, Missouri"))
        .containsExactly(Found.one(PhiType.LOCATION, "St. Louis"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "WBC 12000, Plt 250000",
        "a letter from Jones, MD about the scan",
        "seen by Smith, PA",
        "counts of 10000 and 02115",
        "IN 12345 patients",
        "lot 02115 expires",
        "Platelets 150000 to 450000"
      })
  void leavesOtherFiveDigitNumbersAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
