package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsPlacesTest {

  private static final Pattern STATE_NAME = Pattern.compile(UsPlaces.STATE_NAME);

  @ParameterizedTest
  @ValueSource(strings = {"MA", "ma", "Dc", "PR", "Texas", "TEXAS", "york", "Dakota", "Rico"})
  void statesEndWithCodesAndLastWordsOfNames(String word) {
    assertThat(UsPlaces.mayEndState(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"New", "North", "Boston", "MRN", "XX", "M", "Texan"})
  void otherWordsEndNoState(String word) {
    assertThat(UsPlaces.mayEndState(word)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Alabama", "WYOMING", "New Hampshire", "NORTH\tDAKOTA", "Puerto  Rico"})
  void stateNamesMatchInTitleCaseOrCapitalsWithBlanksBetweenWords(String name) {
    assertThat(STATE_NAME.matcher(name).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alabama", "New", "NewYork", "Wyomings", "Texas City"})
  void otherTextsAreNoStateName(String text) {
    assertThat(STATE_NAME.matcher(text).matches()).isFalse();
  }
}
