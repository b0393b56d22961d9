package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneShapesTest {

  private static final String GAP = "(?:[ \\t()-]|\\.(?![ \\t\\n])){0,2}+";

  private static final String EXTENSION = "(?:[ \\t]*(?:x|ext\\.?|extension)[ \\t]*\\d{1,6})?";

  private static final String NOT_GLUED = "(?![\\w]|[-./]\\d)";

  /** The expressions {@link PhoneShapes} matches by hand, as {@link PhoneRecognizer} tried them. */
  private static final Pattern RUN =
      Pattern.compile(
          "(?=[+(\\d])(?<![\\w+(.-])\\+?\\(?\\d(?:" + GAP + "\\d){6,16}" + EXTENSION + NOT_GLUED,
          Pattern.CASE_INSENSITIVE);

  private static final Pattern INTERNATIONAL =
      Pattern.compile("(?=\\+)(?<![\\w+])\\+\\d(?:" + GAP + "\\d){6,16}" + EXTENSION + NOT_GLUED);

  private static final Pattern NORTH_AMERICAN =
      Pattern.compile(
          "(?=[+(\\d])(?<![\\w+/.-])(?:(?:\\+|00)?1[ \\t.-]?)?"
              + "(?:\\([ \\t]*[2-9]\\d{2}[ \\t]*\\)[ \\t]*|[2-9]\\d{2}[ \\t.-]"
              + "|[2-9]\\d{2}/(?=[2-9]\\d{2}[.-]\\d{4}))"
              + "\\d{3}[ \\t.-]\\d{4}"
              + EXTENSION
              + NOT_GLUED
              + "(?![ \\t]*(?:mg|mcg|g|ml|units?|%|mmhg|kg|lbs?)\\b)",
          Pattern.CASE_INSENSITIVE);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "5558148772 | 5558148772",
        "call 555-814-8772. | 555-814-8772",
        "(617) 555-0123 x12 | (617) 555-0123 x12",
        "+1 617 555 0123 EXT. 42, | +1 617 555 0123 EXT. 42",
        "617.555.0123 extension 7 | 617.555.0123 extension 7",
        "617.555.0123 ext 123456. | 617.555.0123 ext 123456",
        "555-0123. 0700 | 555-0123",
        "12345678901234567 | 12345678901234567",
        "814-8772 x1234567 | 814-8772",
        "0489 25 37 29 | 0489 25 37 29"
      })
  void matchesARun(String text, String expected) {
    int start = text.indexOf(expected);

    assertThat(endOf(PhoneShapes::runEnd, text, start)).isEqualTo(start + expected.length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "555-123 | seven digits are needed",
        "123456789012345678 | eighteen digits, one too many, leave a digit glued",
        "A5558148772 | a letter before",
        "555-814-8772b | a letter after",
        "555 - - 814 8772 | three separators in a row",
        "555-814-8772x | an extension word without digits leaves a letter glued",
      })
  void matchesNoRunWhereTheExpressionDoesNot(String text, String why) {
    int start = text.indexOf('5');

    assertThat(endOf(PhoneShapes::runEnd, text, start)).as(why).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "cell +1 617 555 0123 | +1 617 555 0123",
        "001-518-640-0854 | 001-518-640-0854",
        "(898)666-3621x0135 | (898)666-3621x0135",
        "555/814-8772 | 555/814-8772",
        "home ( 617 )  555-0123. | ( 617 )  555-0123",
        "1 555 814 8772 mgmt | 1 555 814 8772"
      })
  void matchesANorthAmericanNumber(String text, String expected) {
    int start = text.indexOf(expected);

    assertThat(endOf(PhoneShapes::northAmericanEnd, text, start))
        .isEqualTo(start + expected.length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "155 814 8772 | an area code starts with 2 to 9",
        "555/814 8772 | a slash after the area code only before 814-8772 or 814.8772",
        "555 814 8772 mg | a unit after",
        "555 814 8772 %ile | a percent sign before a word",
        "051 555 814 8772 | a country code after 0 only as 001",
        "date/555-814-8772 | a slash before",
      })
  void matchesNoNorthAmericanNumberWhereTheExpressionDoesNot(String text, String why) {
    int firstDigit = text.length() - text.replaceFirst("^\\D+", "").length();

    assertThat(endOf(PhoneShapes::northAmericanEnd, text, firstDigit)).as(why).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "+44 20 7946 0958 (UK) | +44 20 7946 0958",
        "+44 20 7946 0958 ext 12 | +44 20 7946 0958 ext 12",
        "+44 20 7946 0958 EXT 12 | +44 20 7946 0958",
        "+46 (0)8 928 571 38 | +46 (0)8 928 571 38"
      })
  void matchesAnInternationalNumber(String text, String expected) {
    assertThat(endOf(PhoneShapes::internationalEnd, text, 0)).isEqualTo(expected.length());
  }

  @Property(tries = 4000)
  void runEndsWhereTheExpressionEnds(@ForAll("phoneLikeText") String text) {
    assertEndsAsThePatternAtEveryPlace(RUN, PhoneShapes::runEnd, text);
  }

  @Property(tries = 4000)
  void internationalNumberEndsWhereTheExpressionEnds(@ForAll("phoneLikeText") String text) {
    assertEndsAsThePatternAtEveryPlace(INTERNATIONAL, PhoneShapes::internationalEnd, text);
  }

  @Property(tries = 4000)
  void northAmericanNumberEndsWhereTheExpressionEnds(@ForAll("phoneLikeText") String text) {
    assertEndsAsThePatternAtEveryPlace(NORTH_AMERICAN, PhoneShapes::northAmericanEnd, text);
  }

  /**
   * Groups of digits, separators, extension words, units and other characters, in any order; digits
   * and separators most often, so that many texts hold numbers long enough to match.
   */
  @Provide
  Arbitrary<String> phoneLikeText() {
    Arbitrary<String> digits =
        Arbitraries.of(
            "1",
            "5",
            "55",
            "555",
            "5555",
            "0",
            "00",
            "814",
            "8772",
            "123456",
            "1234567",
            "12345678901234567");
    Arbitrary<String> separators =
        Arbitraries.of(" ", "  ", "\t", "-", "--", ".", ". ", ".\n", "(", ")", "/", "\n", "+");
    Arbitrary<String> extensionWords =
        Arbitraries.of(
            "x", "X", "ext", "Ext.", "EXT. ", "extension", "Extension", "extens\u0130on", "e");
    Arbitrary<String> units = Arbitraries.of("mg", " MG", " g", "%", " units", "mmHg", "lbs", "kg");
    Arbitrary<String> others = Arbitraries.of("a", "_", "\u017f", "\0", "\u00e9", "\u0301");
    Arbitrary<String> pieces =
        Arbitraries.frequencyOf(
            Tuple.of(6, digits),
            Tuple.of(4, separators),
            Tuple.of(2, extensionWords),
            Tuple.of(1, units),
            Tuple.of(1, others));
    return pieces.list().ofMinSize(1).ofMaxSize(14).map(list -> String.join("", list));
  }

  private static void assertEndsAsThePatternAtEveryPlace(
      Pattern pattern, BiFunction<ScannedText, Integer, Integer> shape, String text) {
    Matcher matcher = pattern.matcher(text);
    for (int start = 0; start <= text.length(); start++) {
      matcher.region(start, text.length());
      matcher.useAnchoringBounds(false);
      matcher.useTransparentBounds(true);
      int expected = matcher.lookingAt() ? matcher.end() : -1;

      assertThat(endOf(shape, text, start)).as("at %d of \"%s\"", start, text).isEqualTo(expected);
    }
  }

  private static int endOf(
      BiFunction<ScannedText, Integer, Integer> shape, String text, int start) {
    return Scanned.apply(text, scanned -> shape.apply(scanned, start));
  }
}
