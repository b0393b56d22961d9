package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

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

class PhoneRecognizerTest {

  private final PhoneRecognizer recognizer = new PhoneRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Call daughter at 555-814-8772 tonight | 555-814-8772",
        "home (617) 555-0123 | (617) 555-0123",
        "reach her on 617.555.0123. | 617.555.0123",
        "cell +1 617 555 0123 | +1 617 555 0123",
        "1-800-555-0199 ext. 42 | 1-800-555-0199 ext. 42",
        "(898)666-3621x0135 | (898)666-3621x0135",
        "001-518-640-0854 | 001-518-640-0854",
        "PHONE: 617-555-0123 | 617-555-0123",
        "phone 5558148772 | 5558148772",
        "Tel: 814-8772 | 814-8772",
        "Ph: 0489 25 37 29 | 0489 25 37 29",
        "mobile: 99 577450 | 99 577450",
        "Office: 6175550123 | 6175550123",
        "Pager #4421987 | 4421987",
        "CALL HIM AT 814 8772 | 814 8772",
        "spoke with the pharmacy, call them back at 555.1234567 | 555.1234567",
        "+44 20 7946 0958 (UK) | +44 20 7946 0958",
        "+46 (0)8 928 571 38 | +46 (0)8 928 571 38"
      })
  void findsPhoneNumbers(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.PHONE, expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Fax: 617-555-0124 | 617-555-0124",
        "FAX 6175550124 | 6175550124",
        "facsimile (617) 555-0124 | (617) 555-0124",
        "send records to 617.555.0124 (fax) | 617.555.0124",
        "Phone 617-555-0123, fax 617-555-0124 | 617-555-0124"
      })
  void findsFaxNumbersByTheirContext(String text, String fax) {
    assertThat(Found.by(recognizer, text)).contains(Found.one(PhiType.FAX, fax));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "d/c home w/ VNA, VNA ph 850/678-8547 | 850/678-8547",
        "Her sister Janet (603/766-8568) is the primary caregiver | 603/766-8568",
        "Emergency contact: father Shmuel, 305/355-9397. | 305/355-9397",
        "Contact her grandson Dylan at 3604946761 with results | 3604946761",
        "Left voicemail for his brother Carl Alvarado at 3147126924. | 3147126924",
        "call 9076683864 sooner if worse | 9076683864",
        "best number is on file; alternate 4233905146. | 4233905146",
        "VNA ph 2035758280 | 2035758280",
        "Her mother Susan (8086350436) is the primary caregiver | 8086350436",
        "daughter reachable at 1-973-839-1525 after work | 1-973-839-1525",
        "no text received on my registered 024 971 50 30 | 024 971 50 30",
        "please call me on 0961-7596216 | 0961-7596216",
        "416 60 039 office | 416 60 039",
        "28-64-66-98 office | 28-64-66-98",
        "home 555-123-4567 ext. 12 | 555-123-4567 ext. 12",
        "tel 202/379-2430. 0700 pt a&ox3 | 202/379-2430"
      })
  void findsNumbersInTheFormsNotesWriteThem(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.PHONE, expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Records faxed to Dr. Mulligan at 701/383-5782 today | 701/383-5782",
        "appeal faxed to 7062108457. | 7062108457",
        "3660170548-Fax | 3660170548",
        "Please fax signed orders to 603/972-0427 (attn: RN) | 603/972-0427"
      })
  void findsFaxNumbersInTheFormsNotesWriteThem(String text, String fax) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.FAX, fax));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "amoxicillin 250/500-1000 mg daily",
        "Call MRN 2345678901 for records",
        "called re: lot 2345678901",
        "contacted pharmacy re NDC 0002-3227-30",
        "Called daughter; mailing address Boston 02115-1234",
        "contacted from workstation 192.168.10.25",
        "called, pain 7/10, BP 120/80, HR 72",
        "called at 0700 and again at 1430",
        "contact precautions since 2019-03-12",
        "phoned; weight 82.3 kg, glucose 110, Cr 1.6",
        "Patient contacted; ID 2345678901 verified",
        "called about her 1234567 steps"
      })
  void leavesNumbersNearContactWordsAloneUnlessTheyLookLikePhones(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }

  @Test
  void findsNumberAfterAMisspeltTelephone() {
    assertThat(Found.by(recognizer, "call her, telphone: 814-8772"))
        .containsExactly(Found.one(PhiType.PHONE, "814-8772"));
  }

  /**
   * Trying the keyword pattern only at the cued words before a number finds a keyword exactly where
   * searching every position of the {@link PhoneRecognizer#LOOK_BACK} characters does.
   */
  @Property(tries = 4000)
  void findsAKeywordBeforeANumberWhereASearchFindsOne(
      @ForAll("keywordsBeforeNumbers") String text) {
    Scanned.check(
        text,
        scanned -> {
          for (int number = 0; number < scanned.numbers(); number++) {
            int start = scanned.numberStart(number);
            boolean searched =
                scanned.findIn(
                        PhoneRecognizer.KEYWORD_JUST_BEFORE,
                        Math.max(0, start - PhoneRecognizer.LOOK_BACK),
                        start,
                        true)
                    != null;
            assertThat(PhoneRecognizer.keywordJustBefore(scanned, start))
                .as("number at %d of \"%s\"", start, text)
                .isEqualTo(searched);
          }
        });
  }

  /** Phone keywords, near misses and other words, glued or not, before and between numbers. */
  @Provide
  Arbitrary<String> keywordsBeforeNumbers() {
    Arbitrary<String> keywords =
        Choices.oneOf(
            "phone|Telephone|telphone|TEL|tele|telex|ph|Ph.|cell|cell phone|cellphone|Mobile|mob"
                + "|pager|fax|Facsimile|sms|office|Home|work|main|contact|contact no.|called"
                + "|call her|reached his wife|texted|messaged them|dialed|paged|answering|seen|in"
                + "|phonebook|number");
    Arbitrary<String> glue = Arbitraries.of("", "", " ", "x", "2", "_", "\u00e9", "-", "(", "'");
    Arbitrary<String> tails =
        Choices.oneOf(
            "| |:|: |#| #|=|.|-| at | on| to |\n|:\n | number | no. | is | line: | at the |\t");
    Arbitrary<String> numbers = Arbitraries.of("814-8772", "5558148772", "12", "(617) 555-0123");
    Arbitrary<String> piece =
        Combinators.combine(glue, keywords, tails, numbers)
            .as((before, keyword, tail, number) -> before + keyword + tail + number);
    return piece.list().ofMinSize(1).ofMaxSize(4).map(pieces -> String.join(" ", pieces));
  }

  @Test
  void findsNumberOnTheLineAfterItsKeyword() {
    assertThat(Found.by(recognizer, "Personal Info:\nPhone:\n358 0594\n"))
        .containsExactly(Found.one(PhiType.PHONE, "358 0594"));
  }

  @Test
  void typesEachNumberByItsNearestKeyword() {
    assertThat(Found.by(recognizer, "Phone 617-555-0123, fax 617-555-0124\nTel 617-555-0125"))
        .containsExactly(
            Found.one(PhiType.PHONE, "617-555-0123"),
            Found.one(PhiType.FAX, "617-555-0124"),
            Found.one(PhiType.PHONE, "617-555-0125"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BP 120/80 HR 72 RR 16 SpO2 98%",
        "metformin 500 mg twice daily, 1000 mg at night",
        "LOINC 8480-6; ICD-10 E11.9; CPT 99213",
        "seen 2019-03-12 and 03/12/2019",
        "WBC 7.2, Hgb 13.5, Plt 250, Na 140, K 4.1",
        "SSN 123-45-6789",
        "pH 7.35 7.40 7.38 on serial gases",
        "call 911 if worse; follow up in 2-3 weeks",
        "Cell count 12 345 678 in the sample",
        "weight 180 lbs 3 oz, height 5 ft 10 in",
        "Dose range 100-200-400 mg",
        "ran 14:30 to 15:45",
        "room 1204, bed 2",
        "Mobile, AL 36601",
        "phone number not on file",
        "0.9% saline 1000 ml over 8 hours",
        "MRN 12345678",
        "Called patient on 2019-03-12 about results",
        "texted on 03-12-2019",
        "called on 3 occasions, spoke to 2 sons",
        "Home: 2 story house, 12 steps"
      })
  void leavesClinicalNumbersAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }
}
