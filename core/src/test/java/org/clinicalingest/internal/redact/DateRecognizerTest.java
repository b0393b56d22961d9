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
import net.jqwik.api.statistics.Statistics;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRecognizerTest {

  /**
   * The pattern {@link DateRecognizer#isNumericDate} stands for, as the recognizer once tried it.
   */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?=\\d)(?<![\\w/.:-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/:]|[.-]\\d)"
              + "(?![ \\t]*(?:mg|mcg|g|ml|units?|%|mmhg|kg|lbs?|cm|mm|tabs?|tablets?|caps?)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** A month and day, perhaps with a year, written plainly: what the hand matchers must match. */
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?i)(?<![\\w])"
              + DateRecognizer.MONTH
              + "[ \\t]*"
              + DateRecognizer.DAY
              + "(?:,?[ \\t]*"
              + DateRecognizer.YEAR
              + ")?");

  /** A month and year, written plainly. */
  private static final Pattern MONTH_YEAR =
      Pattern.compile(
          "(?i)(?<![\\w])" + DateRecognizer.MONTH + "[ \\t,]*(?:of[ \\t]+)?" + DateRecognizer.YEAR);

  private final DateRecognizer recognizer = new DateRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "admitted 03/12/2019 for chest pain | 03/12/2019",
        "seen 3/12/19. | 3/12/19",
        "DOB: 12/31/1950 | 12/31/1950",
        "dated 25/12/2019 (day first) | 25/12/2019",
        "on 3-12-19 | 3-12-19",
        "on 12.03.2019 | 12.03.2019",
        "collected 2019-03-12 | 2019-03-12",
        "at 2019-03-12T14:30:00Z | 2019-03-12T14:30:00Z",
        "1978-07-13 07:00:28 logged | 1978-07-13 07:00:28",
        "2019/3/12 | 2019/3/12",
        "on 12-Mar-2019 | 12-Mar-2019",
        "ON 12-MAR-2019 | 12-MAR-2019",
        "12 March 2019 visit | 12 March 2019",
        "12th of March, the pain began | 12th of March",
        "symptoms since March, 2019 | March, 2019",
        "seen Jun. 7 for review | Jun. 7",
        "on 12Mar2019 | 12Mar2019",
        "12-Mar-19 | 12-Mar-19",
        "March 12, 2019 | March 12, 2019",
        "march 12, 2019 | march 12, 2019",
        "MARCH 12, 2019 | MARCH 12, 2019",
        "since Mar 12th | Mar 12th",
        "Sept. 3 follow-up | Sept. 3",
        "seen on june 5 | june 5",
        "Onset in March 2019 | March 2019",
        "onset in march of 2019 | march of 2019",
        "since Dec. 2018 | Dec. 2018",
        "since 03/2019 | 03/2019",
        "since 2019-03 | 2019-03",
        "seen on 3/12 in clinic | 3/12",
        "DOS 11/2 | 11/2",
        "DOB 19500101 | 19500101",
        "date of birth: 20011231. | 20011231",
        "Electronically signed on 1/4 at 12:10 PM | 1/4",
        "returns on 5/7 for sinusitis | 5/7",
        "Follow up 2/5 with Dr. Gonzalez | 2/5",
        "f/u 3/12 in clinic | 3/12",
        "born 10/20, referred by Dr. Apgar | 10/20",
        "TSH 3.08 mIU/L resulted 2/26. | 2/26",
        "last Tdap given 11/9. | 11/9",
        "dictated by Dr. Lee, transcribed 5/29. | 5/29",
        "Next appointment 7/3 at 1:20 AM | 7/3",
        "Hope is to wean oxygen by 10/26; | 10/26",
        "prior authorization ends 8/16; | 8/16",
        "seen today, 3/27, in clinic | 3/27",
        "dob mar 2 | mar 2",
        "transcribed may 19. | may 19",
        "telephone encounter on dec 11 at 5:10 am | dec 11",
        "follow-up visit on the 3rd of march | 3rd of march",
        "next appointment march 24 at 0625 | march 24",
        "MRN: H9078475561    DOB: 1/5 Called 911 from home | 1/5",
        "admitted 1/2 for pneumonia | 1/2"
      })
  void findsDates(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.DATE, expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BP 120/80, 118/76 standing",
        "LOINC 8480-6 and 2345-7",
        "HbA1c 6.5% and 7.2 last year",
        "at 14:30 and 09:15",
        "diagnosed in 2019, worse since 2020",
        "seen on Thursday",
        "in March the pain eased",
        "this may 5 times a day",
        "Symptoms may 12 hours later worsen",
        "dec 2 mg per week",
        "mar 3 lesions",
        "take 1/2 tab on 1/2 days",
        "increased from 1/2 to 1 tablet",
        "on 3/4 of days",
        "ratio 3/12 positive cores",
        "score 12/15 on MoCA",
        "titrate 5-10-15 mg",
        "version 1.2.19",
        "ICD-10 E11.9, I10",
        "33/45 (73%)",
        "lot 2019-1234",
        "Plt 150-400",
        "ranges 2010-2015",
        "order 19500101",
        "DOB 19501301",
        "pain improved by 3/10",
        "strength improved by 4/5",
        "grade 2/6 murmur noted on 2/6 exam",
        "started on 1/2 tab daily",
        "given 1/2 tab at bedtime",
        "returns 2/3 of the time",
        "due to 1/2 dose",
        "follow up in 2-3 weeks",
        "will follow up with 3 of march patients",
        "the mar 3 lesions were seen",
        "take 2may help sleep"
      })
  void leavesClinicalNumbersAndBareYearsAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }

  /**
   * At every number of at most two digits, free before and with a separator and a digit after it,
   * the numeric date test agrees with the pattern; and the pattern matches at no other place.
   */
  @Property(tries = 3000)
  void numericDateTestAgreesWithThePattern(@ForAll("numericText") String text) {
    Scanned.check(
        text,
        scanned -> {
          Matcher pattern = NUMERIC.matcher(text);
          for (int start = 0; start < text.length(); start++) {
            pattern.region(start, text.length());
            pattern.useAnchoringBounds(false);
            pattern.useTransparentBounds(true);
            int number = scanned.numberAt(start);
            int end = number < 0 ? start : scanned.numberEnd(number);
            boolean tried =
                number >= 0
                    && scanned.numberLength(number) <= 2
                    && "/.-".indexOf(scanned.charAt(end)) >= 0
                    && scanned.isDigitAt(end + 1)
                    && scanned.isFreeBefore(start, "/.:-");

            assertThat(tried && DateRecognizer.isNumericDate(scanned, number))
                .as("at %d of \"%s\"", start, text)
                .isEqualTo(pattern.lookingAt());
          }
        });
  }

  /** Three numbers with separators between them, and what may stand before and after. */
  @Provide
  Arbitrary<String> numericText() {
    Arbitrary<String> numbers = Arbitraries.of("3", "12", "03", "123", "19", "2019", "20193");
    Arbitrary<String> separators = Arbitraries.of("/", ".", "-", ":", " ");
    Arbitrary<String> around =
        Arbitraries.of(
            "",
            "",
            " ",
            "a",
            "_",
            "/",
            ".",
            ".5",
            "-5",
            ":",
            "\u00e9",
            " mg",
            "MG",
            " tabs",
            " caps",
            " capsule",
            "%",
            "%ile",
            "\t",
            "x");
    return Combinators.combine(
            around, numbers, separators, numbers, separators, numbers, around.list().ofMaxSize(2))
        .as(
            (before, first, separator, second, otherSeparator, third, after) ->
                before
                    + first
                    + separator
                    + second
                    + otherSeparator
                    + third
                    + String.join("", after));
  }

  @Property(tries = 5000)
  void monthFirstDatesAreMatchedAsTheirPatterns(@ForAll("monthText") String text) {
    Scanned.check(
        text,
        scanned -> {
          for (int word = 0; word < scanned.words(); word++) {
            if (!scanned.wordHas(word, Cue.MONTH)) {
              continue;
            }
            int start = scanned.wordStart(word);
            Matcher monthDay = scanned.lookingAt(MONTH_DAY, start);
            int dayEnd = DateRecognizer.dayAfterMonthEnd(scanned, word);
            int yearEnd = dayEnd < 0 ? -1 : DateRecognizer.yearAfterDayEnd(scanned, dayEnd);
            Statistics.label("month and day").collect(monthDay != null);
            assertThat(dayEnd < 0 ? "none" : Math.max(dayEnd, yearEnd) + (yearEnd < 0 ? "" : " y"))
                .as("month and day at %d of \"%s\"", start, text)
                .isEqualTo(
                    monthDay == null
                        ? "none"
                        : monthDay.end() + (monthDay.group("year") == null ? "" : " y"));
            if (monthDay != null) {
              assertThat(monthDay.group("month"))
                  .as("month of \"%s\"", text)
                  .isEqualTo(text.substring(start, scanned.wordEnd(word)));
            }
            Matcher monthYear = scanned.lookingAt(MONTH_YEAR, start);
            Statistics.label("month and year").collect(monthYear != null);
            assertThat(DateRecognizer.monthYearEnd(scanned, word))
                .as("month and year at %d of \"%s\"", start, text)
                .isEqualTo(monthYear == null ? -1 : monthYear.end());
          }
        });
  }

  /**
   * Months, days, years and what may stand between and around them: any of them in a row, or half
   * the time shaped as a month, a gap, a day or year, a gap and a year.
   */
  @Provide
  Arbitrary<String> monthText() {
    Arbitrary<String> pieces =
        Choices.oneOf(
            "March|MAR|mar|Sept|sept|May|dec|December|Marc|jun|June|junes|.|. |,| |  |\t|of|OF"
                + "|of |1|01|3rd|12th|31st|32|00|0|1ST|1ſt|2nd2019|3rdx|12|123|2019|1999|1850"
                + "|20191|2019.5|2019,5|2019_|_|x|5|\n|é|-");
    Arbitrary<String> gaps = Choices.oneOf(" | | |  |\t|.|. |,|, |.,| of |of| of| OF\t||");
    Arbitrary<String> numbers =
        Choices.oneOf(
            "1|01|3rd|12th|31st|32|00|0|1ST|1ſt|3rdx|12|123|1850|20191|2019_|2019.5|2019,5|2019"
                + "|1999|2020|2019.|2019,");
    Arbitrary<String> dated =
        Combinators.combine(
                Choices.oneOf("||| | |(|x|5|_|é"),
                Choices.oneOf("March|MAR|mar|Sept|May|dec|December|June|jun"),
                gaps,
                numbers,
                gaps,
                Choices.oneOf("2019|1999|2019.5|2019,5|20191|"),
                Choices.oneOf("| |.|x|_|,5"))
            .as(
                (before, month, gap, day, otherGap, year, after) ->
                    before + month + gap + day + otherGap + year + after);
    Arbitrary<String> any = pieces.list().ofMaxSize(7).map(list -> String.join("", list));
    return Arbitraries.oneOf(any, dated);
  }
}
