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

class RecordNumberRecognizerTest {

  private final RecordNumberRecognizer recognizer = new RecordNumberRecognizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "MRN 00123456 | 00123456",
        "MRN: AB-123456 | AB-123456",
        "mrn#987654 | 987654",
        "MR# 4455667 | 4455667",
        "Medical record number is 12345678 | 12345678",
        "MEDICAL RECORD NO. 12345678 | 12345678",
        "chart # 7788990 | 7788990",
        "Patient ID: P-0042-117 | P-0042-117",
        "pt #5551234 | 5551234",
        "see #8876543 for details | 8876543",
        "MRN# 1234567 | 1234567",
        "Med Rec No. A123456 | A123456",
        "Record number 7788990 on the wristband | 7788990",
        "Hosp # 554433 | 554433",
        "Hosp. no. 7734512 | 7734512",
        "patient   ID 00418822 | 00418822",
        "EMPI 12345678 | 12345678",
        "Prior MRN at Mercy Hospital Gainesville: MR-855418. | MR-855418",
        "prior mrn at baton rouge regional medical center: m3361332. | m3361332",
        "MRN from St. Luke's Hospital # 00568756 | 00568756",
        "Mr # 4455667 | 4455667",
        "mr no. 4455667 | 4455667",
        "med rec 00123456 | 00123456",
        "Medical\tRecords #00123456 | 00123456",
        "record # 7788990 | 7788990",
        "Unit No 7788990 | 7788990",
        "CHART NO 7788990 | 7788990"
      })
  void findsMedicalRecordNumbers(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.MRN, expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Account #123456789 | 123456789",
        "acct no. 55-66-77 | 55-66-77",
        "Member ID: XJH123456789 | XJH123456789",
        "policy number W123456789 | W123456789",
        "Insurance ID 998877665 | 998877665",
        "group number 0012345 | 0012345",
        "DL: S99986740 | S99986740",
        "driver license S1234567 | S1234567",
        "DEA AB1234563 | AB1234563",
        "NPI 1234567893 | 1234567893",
        "pacemaker serial number PJN123456 | PJN123456",
        "S/N 4431-AB-99 | 4431-AB-99",
        "Passport: X45295340X | X45295340X",
        "Medicare 1EG4-TE5-MK73 | 1EG4-TE5-MK73",
        "claim # 2024-000123 | 2024-000123",
        "Rx #7654321 | 7654321",
        "card 4111111111111111 | 4111111111111111",
        "paid with 4111 1111 1111 1111 | 4111 1111 1111 1111",
        "IBAN GB82WEST12345698765432 | GB82WEST12345698765432",
        "my iban is gb82west12345698765432 | gb82west12345698765432",
        "acct 123456789 | 123456789",
        "Acct. 12345678 | 12345678",
        "encounter # 4455667 | 4455667",
        "policy no. W123456789 | W123456789",
        "CSN 123456789 | 123456789",
        "FIN 998877665 | 998877665",
        "Claim H54771505 submitted to the insurer | H54771505",
        "Claim CLM-2023-9480528 submitted | CLM-2023-9480528",
        "claim 3ZF0-KZ4-FV62 submitted | 3ZF0-KZ4-FV62",
        "order 12345678 placed | 12345678",
        "s/n 4431-AB-99 | 4431-AB-99",
        "SN 4431-AB-99 | 4431-AB-99",
        "TIN 123456789 | 123456789",
        "EIN: 12-3456789 | 12-3456789"
      })
  void findsOtherRecordNumbers(String text, String expected) {
    assertThat(Found.by(recognizer, text)).containsExactly(Found.one(PhiType.ID, expected));
  }

  @Test
  void prefersTheKeywordBeforeAHash() {
    assertThat(Found.by(recognizer, "Account #1234567 and #7654321"))
        .containsExactly(Found.one(PhiType.ID, "1234567"), Found.one(PhiType.MRN, "7654321"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "group therapy twice weekly",
        "Plan: 1000 mg metformin",
        "plan 2 weeks follow up",
        "case of pneumonia",
        "member of the care team",
        "policy reviewed with patient",
        "room #12",
        "bed #4, #2 on list",
        "#1 concern is pain",
        "ID card on file",
        "MRN pending",
        "glucose 110 mg/dL 120",
        "order 500 mg twice daily",
        "LOINC 8480-6",
        "4111111111111112 fails Luhn",
        "GB82WEST12345698765431 fails mod 97",
        "claim denied 2024",
        "Medicare covers it",
        "case of 12345 cells counted",
        "visit 2019-03-12 in clinic",
        "plan 10000 units nightly",
        "group 2 of 3 sessions",
        "card 4111 on file",
        "order 1/2 tab twice daily",
        "record of 120/80 at home",
        "MRN at bedside on wristband",
        "claim 12345 pending",
        "the patient's potassium 4.1 and sodium 134 on 3/4/2020",
        "Mr. Shah seen 3/4/2020 with BP 120/80 and HR 88",
        "transferred to Riverside Medical Center 2020-03-04, bed 12345",
        "creatinine 2.45 mg/dl; glucose 110 MG/dL 120; ldl 179 mg/dL",
        "sn 4431-AB-99 written in lower case",
        "chart reviewed 7788990",
        "records faxed 7788990",
        "unit 4N bed 12345",
        "s/p ileocecal resection in 2016, seen 3/4/2020"
      })
  void leavesWordsWithoutANumberAlone(String text) {
    assertThat(Found.by(recognizer, text)).isEmpty();
  }

  /**
   * The test of what follows a cue word is looser than the keyword pattern, never stricter:
   * wherever the pattern matches at a cue word, the word is tried.
   */
  @Property(tries = 3000)
  void triesEveryCueWordWhereTheKeywordPatternMatches(@ForAll("keywordText") String text) {
    Scanned.check(
        text,
        scanned -> {
          for (int word = 0; word < scanned.words(); word++) {
            int start = scanned.wordStart(word);
            if (scanned.wordHas(word, Cue.RECORD_NUMBER)
                && scanned.lookingAt(RecordNumberRecognizer.withKeywordAt(scanned, start), start)
                    != null) {
              assertThat(
                      RecordNumberRecognizer.mayStartKeyword(scanned, word)
                          && RecordNumberRecognizer.valueMayFollow(scanned, word))
                  .as("word at %d of \"%s\"", start, text)
                  .isTrue();
            }
          }
        });
  }

  /** A keyword-like phrase, a qualifier or separator, and a value, among other words. */
  @Provide
  Arbitrary<String> keywordText() {
    Arbitrary<String> keywords =
        Choices.oneOf(
            "s|S|s/n|S/N|s /n|s/p|'s|mr|MR|Mr|Mr.|mrno|med|Med|med rec|Med. Rec."
                + "|medical|MEDICAL|medical records|Medical\tRecord|rec|Rec.|records"
                + "|record|dl|DL|dL|Dl|mg/dL|sn|SN|tin|TIN|ein|EIN|csn|CSN|fin|FIN|chart"
                + "|Chart|unit|patient|Patient's|pt|hosp|Hosp.|hospital|visit|Encounter|enc."
                + "|plan|claim|insurance|account|acct.|s/n|medicare");
    Arbitrary<String> middles =
        Choices.oneOf(
            "|#|no|No.|NO|number|nbr|num|ID|id|identifier|:|=|.|is|was|of"
                + "|at Mercy Hospital:|from St. Luke's #|/|'s|no. is|number was|No. ID is"
                + "|ID no. of|Rec. No. ID is|for the|with Edna Sullivan on|at Mercy Hospital on"
                + "|No. ID at the Mercy Hospital of St. Luke's Town:|(Mercy):|at José's:"
                + "|at St. Luke’s Hospital:|for Acme Billing:|per Riverside =|RecordNoIDis");
    Arbitrary<String> values =
        Choices.oneOf(
            "12345678|A123456|4431-AB-99|12-3456789|mg|12|x1234567|02-Mar-2016|123|1/2/3");
    Arbitrary<String> others = Choices.oneOf("seen|plan|Riverside|on|3/4|bed|");
    Arbitrary<String> gaps = Arbitraries.of("", " ", "  ", "\t", " \t");
    return Combinators.combine(
            others, gaps, keywords, gaps, middles, gaps, values, others.list().ofMaxSize(2))
        .as(
            (before, gap1, keyword, gap2, middle, gap3, value, after) ->
                before
                    + " "
                    + keyword
                    + gap1
                    + middle
                    + gap2
                    + gap3
                    + value
                    + " "
                    + String.join(" ", after));
  }
}
