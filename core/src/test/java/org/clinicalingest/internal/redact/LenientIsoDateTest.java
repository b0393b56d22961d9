package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LenientIsoDateTest {

  /** What the parser must accept, and read, exactly as this expression's groups. */
  private static final Pattern ISO_DATE =
      Pattern.compile("\\s*(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:[T ][0-9:.+\\-Z]*)?\\s*");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "2019-03-12T10:20:00-08:00|2019-03-12",
        "2019-03-12|2019-03-12",
        "2019-03|2019-03-01",
        "2019|2019-01-01",
        "' 1966-07-20 10:00Z '|1966-07-20",
        "2019-02-30|null",
        "2019-13|null",
        "2019-3-12|null",
        "20190|null",
        "2019-03-12 10:00 Z|null",
        "March 2019|null",
        "''|null"
      })
  void readsTheEarliestDay(String value, String expected) {
    LocalDate day = LenientIsoDate.earliestDay(value);
    assertThat(day == null ? null : day.toString()).isEqualTo(expected);
  }

  @Property(tries = 20_000)
  void readsWhatTheExpressionMatches(@ForAll("dateLike") String value) {
    LocalDate expected = byTheExpression(value);
    Statistics.label("read").collect(expected != null);
    assertThat(LenientIsoDate.earliestDay(value)).as("%s", value).isEqualTo(expected);
  }

  /** Pieces of dates, date-times and their neighbours, a few at a time, half after a year. */
  @Provide
  Arbitrary<String> dateLike() {
    Arbitrary<String> pieces =
        Choices.oneOf(
                "2019|1966|0000|9999|0001|201|20190|-|03|3|12|00|13|31|29|02|30|T|t| |  |\t|\n"
                    + "|\u000B|\f|\r|\u00A0|10:20:00|10:00|Z|+|-08:00|.5|x|1|Mar|/|")
            .list()
            .ofMaxSize(8)
            .map(list -> String.join("", list));
    Arbitrary<String> afterYear =
        Combinators.combine(Choices.oneOf("| |\t"), Choices.oneOf("2019|1966|0000"), pieces)
            .as((blanks, year, rest) -> blanks + year + rest);
    return Arbitraries.oneOf(pieces, afterYear);
  }

  private static LocalDate byTheExpression(String value) {
    Matcher date = ISO_DATE.matcher(value);
    if (!date.matches()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(date.group(1)),
          date.group(2) == null ? 1 : Integer.parseInt(date.group(2)),
          date.group(3) == null ? 1 : Integer.parseInt(date.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
