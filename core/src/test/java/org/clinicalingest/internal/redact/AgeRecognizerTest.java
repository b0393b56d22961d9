package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeRecognizerTest {

  private final AgeRecognizer recognizer = new AgeRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "A 92-year-old woman | 92",
        "92 year old male | 92",
        "a 92 year-old male | 92",
        "92 years old | 92",
        "patient is 92 y/o | 92",
        "92 y.o. female | 92",
        "94 yo with CHF | 94",
        "94yo | 94",
        "101-yr-old | 101",
        "95 years of age | 95",
        "aged 95 | 95",
        "AGE: 91 | 91",
        "age 91, lives alone | 91",
        "at the age of 93 | 93",
        "Lives alone, aged 92. | 92",
        "93M with CHF | 93",
        "Pt is a 93 F with dementia | 93",
        "93 yo M presents | 93",
        "HPI: 96 female with fall. | 96",
        "HPI: 93 woman with chest pain | 93",
        "Nancy Gunter, 91 , man of few words | 91",
        "in her 90s | 90s",
        "IN HIS LATE 90S | 90S",
        "their mid-100's | 100's",
        "her daughter says she is in her early 110s | 110s",
        "a nonagenarian | nonagenarian",
        "a ninety-two year old man | ninety-two",
        "NINETY YEARS OF AGE | NINETY",
        "one hundred and one years old | one hundred and one",
        "Nancy Gunter, 90, female. Admit date | 90",
        "SMITH, JOHN, 93, M | 93",
        "a centenarian | centenarian"
      })
  void findsAgesOver89(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.AGE, expected));
  }

  @Test
  void findsShorthandAtTheStartOfALine() {
    assertThat(Found.by(recognizer, "CC: fall\n91 F, lives alone"))
        .containsExactly(Found.one(PhiType.AGE, "91"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A 45-year-old woman",
        "89 year old male",
        "aged 65",
        "age: 16",
        "Temp 98 F, HR 92",
        "T: 98 F",
        "Temp: 99 F",
        "T 99.1 F",
        "Temp. 98 F orally",
        "Tmax 101 F overnight",
        "Tmax 101.2 F. 92 F at night",
        "14 Fr catheter",
        "HR 95, RR 18",
        "92 years since the hospital opened",
        "SpO2 94% on RA",
        "in her 80s",
        "given 100 mg",
        "stage 93 of protocol",
        "BP 130/80, HR 92, male patient",
        "weights 95 and 97, male patient",
        "sodium 138, 92, female nurse"
      })
  void leavesYoungerAgesAndOtherNumbersAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
