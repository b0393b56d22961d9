package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class UsPlacesPropertyTest {

  private static final Pattern CITY_AND_COMMA = Pattern.compile(UsPlaces.CITY + ",");

  private static final Pattern CITY_AND_STATE =
      Pattern.compile(
          UsPlaces.CITY
              + "[ \\t]*,?[ \\t]+(?:"
              + UsPlaces.STATE_CODE
              + "|"
              + UsPlaces.STATE_NAME
              + ")\\.?,?[ \\t]+");

  private static final Pattern STATE =
      Pattern.compile("(?:" + UsPlaces.STATE_CODE + "|" + UsPlaces.STATE_NAME + ")(?![\\w])");

  @Property(tries = 5000)
  void stateAtAgreesWithThePattern(@ForAll("stateLike") String text) {
    for (int position = 0; position <= text.length(); position++) {
      Matcher state = STATE.matcher(text).region(position, text.length());
      boolean expected = state.useTransparentBounds(true).lookingAt();
      assertThat(UsPlaces.stateAt(text, position))
          .as("%s at %d", text, position)
          .isEqualTo(expected);
    }
  }

  /** States and parts of them, in title case, capitals and other cases, glued or apart. */
  @Provide
  Arbitrary<String> stateLike() {
    return Choices.oneOf(
            "MA|TX|Tx|DC|XX|LA|New|NEW|new|York|YORK|Hampshire|HAMP|Dakota|North|Carolina|Texas"
                + "|TEXAS|TEXASX|Iowa|IOWA|Rhode|Island| |  |\t|\n|_|1|,|.|é|RENEW|PORTAL|")
        .list()
        .ofMaxSize(5)
        .map(list -> String.join("", list));
  }

  @Property(tries = 3000)
  void cityBeforeCommaAgreesWithThePattern(@ForAll("placeLike") String text) {
    boolean expected = CITY_AND_COMMA.matcher(text).lookingAt();
    Statistics.label("city and comma").collect(expected);
    assertThat(UsPlaces.cityBeforeComma(text, 0)).as(text).isEqualTo(expected);
  }

  @Property(tries = 10_000)
  void aCityAndStateHoldOnlyTheirOwnCharacters(@ForAll("placeLike") String text) {
    Matcher place = CITY_AND_STATE.matcher(text);
    Statistics.label("city and state").collect(place.lookingAt());
    if (place.lookingAt()) {
      assertThat(place.group().codePoints().allMatch(UsPlaces::isCityOrStateCharacter))
          .as(text)
          .isTrue();
    }
  }

  /**
   * Capitalised words and states with blanks and commas between them, mostly, and now and then a
   * character a city may not hold.
   */
  @Provide
  Arbitrary<String> placeLike() {
    Arbitrary<String> words =
        Arbitraries.of(
            "Salt",
            "Lake",
            "City",
            "St.",
            "Louis",
            "O’Neill",
            "Winston-Salem",
            "EL",
            "PASO",
            "Zürich",
            "D'Iberville",
            "\uD835\uDC00bc");
    Arbitrary<String> states = Arbitraries.of("MA", "TX", "New York", "Texas", "NORTH DAKOTA");
    Arbitrary<String> separators = Arbitraries.of(" ", "  ", "\t", ",", ", ", " , ", ". ");
    Arbitrary<String> others =
        Arbitraries.of("boston", "for", ".", "'", "’", "-", "1", "\n", "é", "Ω", "x", ";");
    Arbitrary<String> pieces =
        Arbitraries.frequencyOf(
            Tuple.of(6, words), Tuple.of(3, states), Tuple.of(6, separators), Tuple.of(1, others));
    return pieces.list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("", list));
  }
}
