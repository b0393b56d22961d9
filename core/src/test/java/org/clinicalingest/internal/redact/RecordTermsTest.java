package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class RecordTermsTest {

  /** A synthetic patient in Synthea's style: names carry digits. */
  private static final Patient BOB =
      Patient.builder()
          .patientId("pat-0001")
          .familyName("Keeling57")
          .givenNames(List.of("Bob965"))
          .identifiers(List.of("SSN:999-12-9623", "DL:S99986740", "PPN:X45295340X"))
          .phone("555-814-8772")
          .fax("+1 (555) 814-8773")
          .email("bob.keeling57@example.org")
          .addressLine1("247 Cronin Station Suite 76")
          .city("Woburn")
          .postalCode("01801")
          .emergencyContactName("Ann Keeling")
          .emergencyContactPhone("555 200 3000")
          .encounters(
              List.of(
                  Encounter.builder()
                      .encounterId("enc-1")
                      .providerName("Dr. Ronny764 Block661")
                      .build(),
                  Encounter.builder()
                      .encounterId("enc-2")
                      .providerName("Andrea7 Hirthe744, MD")
                      .build()))
          .build();

  private static List<String> find(Patient patient, String text) {
    return Found.render(text, RecordTerms.of(patient).find(text));
  }

  @Test
  void findsNamesWithAndWithoutSyntheaDigits() {
    assertThat(
            find(BOB, "Bob965\n is a 34 year-old male. Bob and KEELING57 agreed; keeling family."))
        .containsExactly(
            Found.one(PhiType.NAME, "Bob965"),
            Found.one(PhiType.NAME, "Bob"),
            Found.one(PhiType.NAME, "KEELING57"),
            Found.one(PhiType.NAME, "keeling"));
  }

  @Test
  void findsTheSameInATextWhateverTheThreadFoundBefore() {
    String text = "Bob965 called Ann Keeling at 555-814-8772.";
    List<String> first = find(BOB, text);

    find(BOB, "Bob Keeling57 and Ann; ".repeat(20_000));
    find(BOB, "Keeling ".repeat(50));

    assertThat(find(BOB, text))
        .isEqualTo(first)
        .contains(Found.one(PhiType.NAME, "Ann Keeling"), Found.one(PhiType.PHONE, "555-814-8772"));
  }

  @Test
  void findsMultiWordNamesAsOneSpanAndSeparateFieldsAsSeparateSpans() {
    assertThat(
            find(
                BOB,
                "Seen by Ronny764 Block661 and Andrea Hirthe; called Ann Keeling; Bob Keeling57."))
        .containsExactly(
            Found.one(PhiType.NAME, "Ronny764 Block661"),
            Found.one(PhiType.NAME, "Andrea Hirthe"),
            Found.one(PhiType.NAME, "Ann Keeling"),
            Found.one(PhiType.NAME, "Bob"),
            Found.one(PhiType.NAME, "Keeling57"));
  }

  @Test
  void leavesHonorificsAndCredentialsOfProvidersOutOfTheirNames() {
    assertThat(find(BOB, "Dr. Block reviewed; nerve block done. MD note by Hirthe, MD."))
        .containsExactly(Found.one(PhiType.NAME, "Block"), Found.one(PhiType.NAME, "Hirthe"));
  }

  @Test
  void findsNamesOnWordBoundariesOnly() {
    assertThat(find(BOB, "Bobby and Keelings, Bob's chart, Bob-Keeling, bob@x"))
        .containsExactly(
            Found.one(PhiType.NAME, "Bob"),
            Found.one(PhiType.NAME, "Bob"),
            Found.one(PhiType.NAME, "Keeling"),
            Found.one(PhiType.NAME, "bob"));
  }

  @Test
  void findsPhonesInAnyFormatting() {
    assertThat(
            find(
                BOB,
                "call (555) 814-8772 or 555.814.8772 or +1 555 814 8772 or 5558148772 or 814-8772;"
                    + " fax 555-814-8773; ICE 5552003000"))
        .containsExactly(
            Found.one(PhiType.PHONE, "555) 814-8772"),
            Found.one(PhiType.PHONE, "555.814.8772"),
            Found.one(PhiType.PHONE, "555 814 8772"),
            Found.one(PhiType.PHONE, "5558148772"),
            Found.one(PhiType.PHONE, "814-8772"),
            Found.one(PhiType.FAX, "555-814-8773"),
            Found.one(PhiType.PHONE, "5552003000"));
  }

  @Test
  void doesNotReadDatesOrLongerNumbersAsTerms() {
    assertThat(find(BOB, "on 555/814/8772, lot 15558148772, code 99912962301, zip 018012"))
        .isEmpty();
  }

  @Test
  void doesNotReadTheFirstDigitsOfATermAsTheTerm() {
    assertThat(find(BOB, "lot 555-814-877; ref 999 12 962; code 814-877")).isEmpty();
  }

  @Test
  void findsIdentifiersByTheValueAfterTheirPrefix() {
    assertThat(find(BOB, "SSN 999 12 9623 (999-12-9623), licence s99986740, passport X45295340X"))
        .containsExactly(
            Found.one(PhiType.SSN, "999 12 9623"),
            Found.one(PhiType.SSN, "999-12-9623"),
            Found.one(PhiType.ID, "s99986740"),
            Found.one(PhiType.ID, "X45295340X"));
  }

  @Test
  void findsEmailExactly() {
    assertThat(find(BOB, "wrote from BOB.KEELING57@EXAMPLE.ORG."))
        .containsExactly(Found.one(PhiType.EMAIL, "BOB.KEELING57@EXAMPLE.ORG"));
  }

  @Test
  void findsAddressCityAndZip() {
    assertThat(
            find(
                BOB,
                "Lives at 247 Cronin Station Suite 76, Woburn MA 01801. Moved from 247 Cronin"
                    + " Station; cronin station is far."))
        .containsExactly(
            Found.one(PhiType.ADDRESS, "247 Cronin Station Suite 76"),
            Found.one(PhiType.LOCATION, "Woburn"),
            Found.one(PhiType.ZIP, "01801"),
            Found.one(PhiType.ADDRESS, "247 Cronin\n Station".replace("\n", "")),
            Found.one(PhiType.ADDRESS, "cronin station"));
  }

  private static final Patient WILL_HOPE_MAY =
      Patient.builder()
          .patientId("pat-0002")
          .givenNames(List.of("Will", "Hope"))
          .familyName("May")
          .city("Reading")
          .build();

  @Test
  void leavesCommonWordsThatAreNamesAloneWhereTheyReadAsWords() {
    String text =
        "Will follow up in 2 weeks. We will call. May cause drowsiness; may repeat. Hope to see"
            + " improvement. I hope so. WILL RETURN IF WORSE. Reading glasses; reading well.";
    assertThat(find(WILL_HOPE_MAY, text)).isEmpty();
  }

  @Test
  void findsCommonWordsThatAreNamesWhereTheyReadAsNames() {
    assertThat(find(WILL_HOPE_MAY, "Spoke with Will today; Mr. May agreed. Lives in Reading."))
        .containsExactly(
            Found.one(PhiType.NAME, "Will"),
            Found.one(PhiType.NAME, "May"),
            Found.one(PhiType.LOCATION, "Reading"));
    assertThat(find(WILL_HOPE_MAY, "Will May was seen. MAY, HOPE called."))
        .containsExactly(
            Found.one(PhiType.NAME, "Will"),
            Found.one(PhiType.NAME, "May"),
            Found.one(PhiType.NAME, "MAY"),
            Found.one(PhiType.NAME, "HOPE"));
  }

  @Test
  void findsCommonWordNamesNextToAnUnambiguousPart() {
    Patient willSmith =
        Patient.builder()
            .patientId("pat-0003")
            .givenNames(List.of("Will"))
            .familyName("Smithers")
            .build();
    assertThat(find(willSmith, "WILL SMITHERS HERE. will smithers. Smithers, Will."))
        .containsExactly(
            Found.one(PhiType.NAME, "WILL"),
            Found.one(PhiType.NAME, "SMITHERS"),
            Found.one(PhiType.NAME, "will"),
            Found.one(PhiType.NAME, "smithers"),
            Found.one(PhiType.NAME, "Smithers"),
            Found.one(PhiType.NAME, "Will"));
    assertThat(find(willSmith, "Smithers will follow up"))
        .containsExactly(Found.one(PhiType.NAME, "Smithers"));
  }

  @Test
  void ignoresOneLetterNameParts() {
    Patient initials =
        Patient.builder()
            .patientId("pat-0004")
            .givenNames(List.of("J", "R"))
            .familyName("Ng")
            .build();
    assertThat(find(initials, "J. R. reviewed; a 2 J dose. Ms. Ng called. ng tube placed."))
        .containsExactly(Found.one(PhiType.NAME, "Ng"));
  }

  @Test
  void findsNothingForAPatientWithoutTerms() {
    RecordTerms terms = RecordTerms.of(Patient.builder().patientId("anonymous").build());
    assertThat(terms.isEmpty()).isTrue();
    assertThat(terms.find("Bob965 Keeling57 555-814-8772 anonymous")).isEmpty();
  }

  @Test
  void findsThePatientsOwnIdAsMedicalRecordNumber() {
    Patient patient = Patient.builder().patientId("P-2624170266").familyName("Barrett").build();
    assertThat(
            find(
                patient,
                "Reviewed the chart of Barrett (P-2624170266); mrn p-2624170266; id 2624170266."))
        .containsExactly(
            Found.one(PhiType.NAME, "Barrett"),
            Found.one(PhiType.MRN, "P-2624170266"),
            Found.one(PhiType.MRN, "p-2624170266"));
    Patient numeric = Patient.builder().patientId("0287949331").build();
    assertThat(find(numeric, "chart of Scarborough, Mildred (0287949331)"))
        .containsExactly(Found.one(PhiType.MRN, "0287949331"));
  }

  private static final Patient FAITH_WISE =
      Patient.builder()
          .patientId("pat-0006")
          .givenNames(List.of("Faith", "Nolan"))
          .familyName("Wise")
          .emergencyContactName("Grace Hunt")
          .city("Mobile")
          .build();

  @Test
  void findsCommonWordNamesInNameOrderInAnyCase() {
    assertThat(find(FAITH_WISE, "patient is nolan wise. reviewed the chart of wise, nolan."))
        .containsExactly(
            Found.one(PhiType.NAME, "nolan"),
            Found.one(PhiType.NAME, "wise"),
            Found.one(PhiType.NAME, "wise"),
            Found.one(PhiType.NAME, "nolan"));
    assertThat(find(FAITH_WISE, "faith wise, 24, female. WISE, FAITH -- 24 yo."))
        .containsExactly(
            Found.one(PhiType.NAME, "faith"),
            Found.one(PhiType.NAME, "wise"),
            Found.one(PhiType.NAME, "WISE"),
            Found.one(PhiType.NAME, "FAITH"));
  }

  @Test
  void findsCommonWordNamesAfterARelationOrLabelOrBeforeAReportingVerb() {
    assertThat(
            find(
                FAITH_WISE,
                "his daughter grace called. DTR GRACE HUNT @ BEDSIDE. faith reports feeling"
                    + " better; Faith agrees. Patient: wise. her sister joan wise visits."))
        .containsExactly(
            Found.one(PhiType.NAME, "grace"),
            Found.one(PhiType.NAME, "GRACE HUNT"),
            Found.one(PhiType.NAME, "faith"),
            Found.one(PhiType.NAME, "Faith"),
            Found.one(PhiType.NAME, "wise"),
            Found.one(PhiType.NAME, "wise"));
  }

  @Test
  void findsACommonWordCityBeforeAStateOrZipOrAtTheEndOfAClause() {
    assertThat(
            find(
                FAITH_WISE,
                "lives alone in mobile; home: 12 oak st, mobile, al 36601. at home in mobile,"
                    + " 36662."))
        .containsExactly(
            Found.one(PhiType.LOCATION, "mobile"),
            Found.one(PhiType.LOCATION, "mobile"),
            Found.one(PhiType.LOCATION, "mobile"));
  }

  @Test
  void leavesCommonWordNamesAloneWhereNothingMakesThemNames() {
    String text =
        "Grace period for the authorization ends. Keep faith, be wise. Mobile phone on file."
            + " Lives in a mobile home; in mobile units. wise to rest. hope is to wean. Faith is"
            + " important. his son will call; pt may need help; patient rose from chair.";
    assertThat(find(FAITH_WISE, text)).isEmpty();
    Patient willRose =
        Patient.builder()
            .patientId("pat-0007")
            .givenNames(List.of("Will"))
            .familyName("Rose")
            .build();
    assertThat(find(willRose, "his son will call; pt rose from chair; will rose come?")).isEmpty();
  }
}
