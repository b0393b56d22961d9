package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitWordsTest {

  private static final List<String> UNITS =
      List.of("mg", "g", "units", "unit", "%", "mmhg", "lbs", "lb", "tabs", "tab");

  /** The pattern {@link UnitWords#follows} stands for, with the same units. */
  private static final Pattern UNIT_PATTERN =
      Pattern.compile("(?i)[ \\t]*(?:mg|g|units?|%|mmhg|lbs?|tabs?)\\b");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\" 10 mg\" | 3 | true",
        "\" 10 MG.\" | 3 | true",
        "\"10\tunits/day\" | 2 | true",
        "\" 5%ile\" | 2 | true",
        "\" 5% of\" | 2 | false",
        "\" 10 mgs\" | 3 | false",
        "\" 10 mgé\" | 3 | false",
        "\" 10 mg\u0301\" | 3 | false",
        "\" 10 mg_\" | 3 | false",
        "\" 10 tablets\" | 3 | false",
        "\" 10 lb\" | 3 | true"
      })
  void findsAUnitEndingAtAWordBoundary(String text, int at, boolean found) {
    assertThat(follows(text, at)).isEqualTo(found);
  }

  /** At every place, a unit follows where the pattern matches. */
  @Property(tries = 3000)
  void findsAUnitWhereThePatternMatches(@ForAll("textWithUnits") String text) {
    Matcher pattern = UNIT_PATTERN.matcher(text);
    for (int at = 0; at <= text.length(); at++) {
      pattern.region(at, text.length());
      pattern.useAnchoringBounds(false);
      pattern.useTransparentBounds(true);

      assertThat(follows(text, at)).as("at %d of \"%s\"", at, text).isEqualTo(pattern.lookingAt());
    }
  }

  /**
   * Units in any case among blanks, digits, and characters that do or do not make a word: letters
   * of other scripts, a combining mark, letters and symbols outside the Basic Multilingual Plane.
   */
  @Provide
  Arbitrary<String> textWithUnits() {
    return Arbitraries.of(
            "mg",
            "MG",
            "Mg",
            "g",
            "unit",
            "units",
            "%",
            "mmHg",
            "lb",
            "lbs",
            "tab",
            "TABS",
            "m",
            " ",
            "\t",
            "5",
            "_",
            "-",
            ".",
            "\u00e9",
            "\u00df",
            "\u0301",
            "\ud835\udc00",
            "\ud83d\ude00",
            "a",
            "s")
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(list -> String.join("", list));
  }

  private static boolean follows(String text, int at) {
    return Scanned.apply(text, scanned -> UnitWords.follows(scanned, at, UNITS));
  }
}
