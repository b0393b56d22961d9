package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BareMrnValueTest {

  /**
   * Wherever the value after a bare MRN is decided by hand, the keyword pattern matches the same
   * value as an MRN, or does not match.
   */
  @Property(tries = 5000)
  void decidesAsTheKeywordPatternDoes(@ForAll("textsWithMrn") String text) {
    Scanned.check(
        text,
        scanned -> {
          for (int start = 0; start < text.length(); start++) {
            BareMrnValue.Range decided = BareMrnValue.at(scanned, start);
            if (decided != BareMrnValue.UNDECIDED) {
              assertThat(describe(decided))
                  .as("at %d of \"%s\"", start, text)
                  .isEqualTo(patternsValue(scanned, start));
            }
          }
        });
  }

  /** Bare MRNs, near misses and other keywords, with what may stand between them and a value. */
  @Provide
  Arbitrary<String> textsWithMrn() {
    Arbitrary<String> before = Choices.oneOf("| |x|#|_|5|\u00e9|(|\n|, ");
    Arbitrary<String> keyword = Choices.oneOf("MRN|mrn|Mrn|MRNs|mrn1|MR|mr #|Med Rec|pt ID");
    Arbitrary<String> between =
        Choices.oneOf(
            "| |  |\t|:|: | : |=| = |#| #|:#| is | was | of | at Mercy: | in | id | ID| no. "
                + "| number | Number: |\n| - |.");
    Arbitrary<String> value =
        Choices.oneOf(
            "h9672066699|12|123|1234567|AB-12/34|12345-|12345_x|1234.5|12345.|x1y2z3|a-b-1-2-3"
                + "|1/2/3|"
                + "1234567890".repeat(5)
                + "|\u00c5B123|123\u00e9|MR-855418|--123|ab|is 123");
    Arbitrary<String> after =
        Choices.oneOf(
            "| | mg|mg| units| unit5| %|%x| x|xyz|.|.5| kg |\u00e9| \u00e9|\u0301|\n| lbs|-|/"
                + "| \u00b5g| mgs| g/dL|_");
    Arbitrary<String> piece =
        Combinators.combine(before, keyword, between, value, after)
            .as((b, k, g, v, a) -> b + k + g + v + a);
    return piece.list().ofMinSize(1).ofMaxSize(3).map(pieces -> String.join(" ", pieces));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MRN h9672066699 band checked|h9672066699",
        "mrn: 12345678.|12345678",
        "Pt MRN=AB-1234/5 on file|AB-1234/5",
        "MRN 12345 mg|none",
        "MRN 12345/mg x|12345",
        "MRN 1234.5|none",
        "xMRN 12345|none",
        "MRN #12345|undecided",
        "MRN ID 12345|undecided",
        "MRN at Mercy: 12345|undecided",
        "MRNs 12345|undecided",
        "MRN 12345 \u00e9|12345",
        "MRN 12345 mg\u00e9|12345",
      })
  void decidesTheCommonShapesByHand(String text, String expected) {
    int start = text.toLowerCase(Locale.ROOT).indexOf("mrn");
    String decided =
        Scanned.apply(
            text,
            scanned -> {
              BareMrnValue.Range range = BareMrnValue.at(scanned, start);
              return range == BareMrnValue.UNDECIDED ? "undecided" : describe(range, text);
            });

    assertThat(decided).isEqualTo(expected);
  }

  private static String patternsValue(ScannedText scanned, int start) {
    Matcher keyword =
        scanned.lookingAt(RecordNumberRecognizer.withKeywordAt(scanned, start), start);
    if (keyword == null) {
      return "none";
    }
    assertThat(keyword.group("mrn")).isNotNull();
    return keyword.start("value") + "-" + keyword.end("value");
  }

  private static String describe(BareMrnValue.Range range) {
    return range == null ? "none" : range.start() + "-" + range.end();
  }

  private static String describe(BareMrnValue.Range range, String text) {
    return range == null ? "none" : text.substring(range.start(), range.end());
  }
}
