package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreetAddressRecognizerTest {

  /** The city, state and ZIP code after a street, written plainly: what the tails must match. */
  private static final Pattern BACKTRACKING_TAIL =
      Pattern.compile(
          "\\G(?:,?[ \\t]*\\n?[ \\t]*(?<city>"
              + UsPlaces.CITY
              + ")[ \\t]*,?[ \\t]*\\n?[ \\t]*(?<state>"
              + UsPlaces.STATE_CODE
              + "|"
              + UsPlaces.STATE_NAME
              + ")(?![\\w])\\.?(?:,?[ \\t]+(?<zip1>"
              + UsPlaces.ZIP
              + "))?|,?[ \\t]+(?<zip2>"
              + UsPlaces.ZIP
              + "))");

  private final StreetAddressRecognizer recognizer = new StreetAddressRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "lives at 1234 Elm Street with wife | 1234 Elm Street",
        "55 W. 4th Ave, Apt 3B | 55 W. 4th Ave, Apt 3B",
        "ADDRESS: 1234 ELM STREET | 1234 ELM STREET",
        "lives at 12 main st with son | 12 main st",
        "247 Cronin Station Suite 76 | 247 Cronin Station Suite 76",
        "at 9 Martin Luther King Jr Blvd | 9 Martin Luther King Jr Blvd",
        "moved to 300 North Lake Shore Dr. | 300 North Lake Shore Dr.",
        "mail to PO Box 77 | PO Box 77",
        "P.O. BOX 1234 | P.O. BOX 1234",
        "Postbox 53 | Postbox 53",
        "20 Seneca Place NW | 20 Seneca Place NW",
        "Apt. 4B upstairs | Apt. 4B"
      })
  void findsStreetAddresses(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.ADDRESS, expected));
  }

  @Test
  void findsCityAndZipAfterTheStreetButKeepsTheState() {
    String text = "Home: 1234 Elm Street, Springfield, IL 62704-1234.";
    assertThat(Found.by(recognizer, text))
        .containsExactly(
            Found.one(PhiType.ADDRESS, "1234 Elm Street"),
            Found.one(PhiType.LOCATION, "Springfield"),
            Found.one(PhiType.ZIP, "62704-1234"));
  }

  @Test
  void findsMilitaryAddress() {
    assertThat(Found.by(recognizer, "PSC 1437, Box 3833\nAPO AA 66791"))
        .containsExactly(Found.one(PhiType.ADDRESS, "PSC 1437, Box 3833\nAPO AA 66791"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "walked 2 blocks down the road",
        "at 5 pm Dr Smith called",
        "Pt took 2 Tylenol Dr Smith aware",
        "Pt took 2 Tylenol Dr. Smith aware",
        "take 2 tablets by mouth daily",
        "Given 3 views of the chest",
        "lives 2 miles from main street",
        "3 Way stopcock flushed",
        "in place for 2 days",
        "route: oral, 2 times",
        "CT head without contrast",
        "room 302, bed 2",
        "unit 5 transfer",
        "St. Mary's Hospital",
        "1 court date pending",
        "Plt 250 K/uL"
      })
  void leavesClinicalTextAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }

  /**
   * The test of the words after a number is looser than the street pattern, never stricter:
   * wherever the pattern matches at a number, the number is tried.
   */
  @Property(tries = 4000)
  void triesEveryNumberWhereTheStreetPatternMatches(@ForAll("streetText") String text) {
    Scanned.check(
        text,
        scanned -> {
          for (int number = 0; number < scanned.numbers(); number++) {
            int start = scanned.numberStart(number);
            if (scanned.numberLength(number) <= 6
                && scanned.lookingAt(StreetAddressRecognizer.STREET, start) != null) {
              assertThat(StreetAddressRecognizer.suffixMayFollow(scanned, number))
                  .as("number at %d of \"%s\"", start, text)
                  .isTrue();
            }
          }
        });
  }

  /** A number, words of many shapes and a street suffix, with blanks and glue between them. */
  @Provide
  Arbitrary<String> streetText() {
    Arbitrary<String> before = Arbitraries.of("", "at ", ".", ",", "#", "x", "(", "\n", "é");
    Arbitrary<String> numbers = Arbitraries.of("1234", "4B", "10-12", "2008", "7-", "1234567");
    Arbitrary<String> directions = Arbitraries.of("", "", "N ", "n.e. ", "South\t", "NW  ");
    Arbitrary<String> names =
        Choices.oneOf(
            "Main|main|O'Neil|O’Neil|Jean-Luc|St.|4th|21ST|101st|Élan|José|Mt.|Lake|Park|s.w|Dr.");
    Arbitrary<String> others =
        Arbitraries.of("2008.", "mg", "months,", "(555)", "12:25.", "x2", "a\u0301b", "Ave-Maria");
    Arbitrary<String> chunks = Arbitraries.frequencyOf(Tuple.of(4, names), Tuple.of(1, others));
    Arbitrary<String> blanks = Arbitraries.of(" ", " ", "\t", "  ", " \t", "\n", "");
    Arbitrary<String> suffixes =
        Arbitraries.of("St", "Street", "Ave.", "Dr", "ct", "Park", "meadows", "Way", "blvd");
    Arbitrary<String> tails = Arbitraries.of("", ", Apt 3B", " N", ".", "'s", "-", "ville");
    Arbitrary<String> words =
        Combinators.combine(chunks, blanks)
            .as((chunk, blank) -> chunk + blank)
            .list()
            .ofMaxSize(6)
            .map(list -> String.join("", list));
    return Combinators.combine(before, numbers, blanks, directions, words, suffixes, tails)
        .as(
            (glue, number, blank, direction, middle, suffix, tail) ->
                glue + number + blank + direction + middle + suffix + tail);
  }

  @Property(tries = 6000)
  void theTailsMatchAsTheirPlainExpressionWhereTheyAreUsed(@ForAll("tailText") String text) {
    Scanned.check(
        text,
        scanned -> {
          boolean inside = UsPlaces.stateStartsInsideCityWord(text, scanned.skip(0, ", \t\n"));
          String expected = groups(scanned.lookingAt(BACKTRACKING_TAIL, 0));
          Statistics.label("state inside a city word").collect(inside);
          Statistics.label("tail").collect(expected.isEmpty() ? "none" : "matched");
          assertThat(groups(scanned.lookingAt(StreetAddressRecognizer.TAIL, 0)))
              .as("\"%s\"", text)
              .isEqualTo(expected);
          if (!inside) {
            assertThat(groups(scanned.lookingAt(StreetAddressRecognizer.TAIL_WHOLE_CITY_WORDS, 0)))
                .as("\"%s\"", text)
                .isEqualTo(expected);
          }
        });
  }

  /** Each group's bounds, empty for no match. */
  private static String groups(Matcher tail) {
    if (tail == null) {
      return "";
    }
    StringBuilder bounds = new StringBuilder();
    for (int group = 0; group <= tail.groupCount(); group++) {
      bounds.append(tail.start(group)).append("..").append(tail.end(group)).append(' ');
    }
    return bounds.toString();
  }

  /**
   * What may follow a street: city words of many shapes (some glued to a state, some in capitals
   * that hold one), states, ZIP codes and other words, with blanks, commas and line breaks.
   */
  @Provide
  Arbitrary<String> tailText() {
    Arbitrary<String> words =
        Choices.oneOf(
            "Boston|Salt|Lake|City|St.|O’Neill|Winston-Salem|McAllen|BostonMA|PENSACOLA|PORTAL"
                + "|CORPUS|CHRISTI|GRACE|PERIOD|FOR|Ýbor|Éire|RENEW|MA|TX|Texas|TEXAS|New|NEW"
                + "|York|YORK|Hampshire|Dakota|North|NORTH|DAKOTANY|02115|62704-1234|12.5|visits"
                + "|his|and|WA_|LAx|CO.|Il");
    Arbitrary<String> gaps = Choices.oneOf(" | |, |,|\t|\n|  | , |.|; |");
    return Combinators.combine(words, gaps)
        .as((word, gap) -> gap + word)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(list -> String.join("", list));
  }
}
