package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  /**
   * Trying the city-and-state and the state patterns only at capitals, line starts and commas finds
   * the match that searching every position finds, from wherever the search starts.
   */
  @Property(tries = 2000)
  void findsThePlaceBeforeAZipCodeASearchFinds(@ForAll("placesBeforeZipCodes") String text) {
    Scanned.check(
        text,
        scanned -> {
          for (int number = 0; number < scanned.numbers(); number++) {
            int start = scanned.numberStart(number);
            int end = scanned.numberEnd(number);
            for (int from = Math.max(0, start - 60); from <= start; from++) {
              String where = String.format("%d..%d of \"%s\"", from, end, text);
              int[] cityState =
                  bounds(scanned.findIn(ZipCodeRecognizer.CITY_STATE_BEFORE, from, end, true));
              assertThat(bounds(ZipCodeRecognizer.cityStateBefore(scanned, from, end)))
                  .as(where)
                  .isEqualTo(cityState);
              int[] state = bounds(scanned.findIn(ZipCodeRecognizer.STATE_BEFORE, from, end, true));
              assertThat(bounds(ZipCodeRecognizer.stateBefore(scanned, from, end)))
                  .as(where)
                  .isEqualTo(state);
            }
          }
        });
  }

  /** The start and end of a match and of each of its groups, or null for no match. */
  private static int[] bounds(Matcher match) {
    if (match == null) {
      return null;
    }
    int[] bounds = new int[2 * (match.groupCount() + 1)];
    for (int group = 0; group <= match.groupCount(); group++) {
      bounds[2 * group] = match.start(group);
      bounds[2 * group + 1] = match.end(group);
    }
    return bounds;
  }

  /** Cities, states and ZIP codes in many cases and spellings, with separators and glue. */
  @Provide
  Arbitrary<String> placesBeforeZipCodes() {
    Arbitrary<String> before =
        Arbitraries.of("", "lives in ", "\n", "(", "Dr. Smith, ", "x", "-", "\r\n", "at 9 Elm St ");
    Arbitrary<String> cities =
        Choices.oneOf(
            "Boston|Salt Lake City|St. Louis|O'Fallon|Éire|new york|EL PASO|Coeur d’Alene"
                + "|Winston-Salem|Big Spring Town Hall|");
    Arbitrary<String> separators = Arbitraries.of("", " ", ", ", ",", " ,  ", "\n", ",\n ", "\t");
    Arbitrary<String> states =
        Arbitraries.of("MA", "ma", "Texas", "TX.", "New York", "md", "Mass", "RI,", "");
    Arbitrary<String> zipCodes = Arbitraries.of("02115", "02115-1234", "79901", "123456", "021");
    Arbitrary<String> after = Arbitraries.of("", ".", ";", " next", ")", "\n", " 5");
    Arbitrary<String> place =
        Combinators.combine(before, cities, separators, states, separators, zipCodes, after)
            .as(
                (glue, city, gap1, state, gap2, zip, tail) ->
                    glue + city + gap1 + state + gap2 + zip + tail);
    return place.list().ofMinSize(1).ofMaxSize(3).map(places -> String.join(" ", places));
  }
}
