package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The patient rules of FORMAT.md, each alone on an otherwise valid patient. */
class PatientConstraintsTest {

  private static final String MRN_RULE =
      "patient_id must be 3-20 characters of A-Z, a-z, 0-9, _ or -";

  private final RecordValidator validator = new RecordValidator(ValidationFixtures.CLOCK);

  private List<FieldProblem> problemsWith(UnaryOperator<Patient.Builder> change) {
    return validator.validate(change.apply(ValidationFixtures.patientBuilder()).build());
  }

  @Test
  void requiresPatientId() {
    assertThat(problemsWith(patient -> patient.patientId(null)))
        .containsExactly(new FieldProblem("patient_id", "patient_id is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void reportsBlankPatientIdAsRequiredAndMalformed(String patientId) {
    assertThat(problemsWith(patient -> patient.patientId(patientId)))
        .containsExactly(
            new FieldProblem("patient_id", "patient_id is required"),
            new FieldProblem("patient_id", MRN_RULE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"abc", "A_b-9", "12345678901234567890", "  MRN-001  ", "\tMRN_1\n", "---", "x_Y"})
  void acceptsMedicalRecordNumbers(String patientId) {
    assertThat(problemsWith(patient -> patient.patientId(patientId))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "123456789012345678901",
        "MRN 001",
        "MRN.001",
        "MRN/001",
        "MRN#1",
        "mrnñ01",
        "MRN\u00A0001",
        " a "
      })
  void rejectsMalformedMedicalRecordNumbers(String patientId) {
    assertThat(problemsWith(patient -> patient.patientId(patientId)))
        .containsExactly(new FieldProblem("patient_id", MRN_RULE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01", "1980-04-01", "2000-02-29", "2024-06-15"})
  void acceptsDatesOfBirth(String dateOfBirth) {
    assertThat(problemsWith(patient -> patient.dateOfBirth(dateOfBirth))).isEmpty();
  }

  @Test
  void acceptsMissingDateOfBirth() {
    assertThat(problemsWith(patient -> patient.dateOfBirth(null))).isEmpty();
  }

  @Test
  void rejectsDateOfBirthBefore1900() {
    assertThat(problemsWith(patient -> patient.dateOfBirth("1899-12-31")))
        .containsExactly(
            new FieldProblem("date_of_birth", "date_of_birth must not be before 1900-01-01"));
  }

  @Test
  void rejectsDateOfBirthTomorrow() {
    assertThat(problemsWith(patient -> patient.dateOfBirth("2024-06-16")))
        .containsExactly(
            new FieldProblem("date_of_birth", "date_of_birth must not be in the future"));
  }

  @Test
  void acceptsDateOfBirthThatIsAlreadyTodayInTheEarliestTimeZone() {
    // At 2024-06-15T12:00Z it is 2024-06-16T02:00 in UTC+14:00; 06-17 has begun nowhere yet.
    RecordValidator atNoon =
        new RecordValidator(
            Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.ofHours(-10)));
    Patient.Builder patient = ValidationFixtures.patientBuilder();

    assertThat(atNoon.validate(patient.dateOfBirth("2024-06-16").build())).isEmpty();
    assertThat(atNoon.validate(patient.dateOfBirth("2024-06-17").build()))
        .containsExactly(
            new FieldProblem("date_of_birth", "date_of_birth must not be in the future"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-30",
        "1900-02-29",
        "2019-13-01",
        "1980-4-1",
        "04/01/1980",
        "1980-04-01T00:00:00Z",
        "1980-04-01 ",
        ""
      })
  void rejectsDateOfBirthThatIsNotACalendarDate(String dateOfBirth) {
    assertThat(problemsWith(patient -> patient.dateOfBirth(dateOfBirth)))
        .containsExactly(
            new FieldProblem("date_of_birth", "date_of_birth must be a calendar date YYYY-MM-DD"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "male", "female", "other", "unknown", "m", "f", "o", "u", "F", "M", "Unknown", "FEMALE"
      })
  void acceptsGenders(String gender) {
    assertThat(problemsWith(patient -> patient.gender(gender))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "", "mal", "males", " male", "woman", "MALE ", "un\u212Anown"})
  void rejectsOtherGenders(String gender) {
    assertThat(problemsWith(patient -> patient.gender(gender)))
        .containsExactly(
            new FieldProblem(
                "gender", "gender must be male, female, other or unknown (or m, f, o, u)"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2019-02-12T05:35:50-05:00", "1980-04-01T10:00Z", "2024-06-15", "1980-04-01"})
  void acceptsDeceasedDates(String deceasedDate) {
    assertThat(problemsWith(patient -> patient.deceased(true).deceasedDate(deceasedDate)))
        .isEmpty();
  }

  @Test
  void acceptsDeathOnTheDayOfBirthWhateverTheOffset() {
    assertThat(
            problemsWith(
                patient ->
                    patient.dateOfBirth("1980-04-01").deceasedDate("1980-04-01T00:30:00+14:00")))
        .isEmpty();
  }

  @Test
  void rejectsDeceasedDateBeforeDateOfBirthOnDeceasedDate() {
    assertThat(
            problemsWith(
                patient ->
                    patient.dateOfBirth("1980-04-01").deceasedDate("1980-03-31T23:00:00-05:00")))
        .containsExactly(
            new FieldProblem("deceased_date", "deceased_date must not be before date_of_birth"));
  }

  @Test
  void rejectsDeceasedDateInTheFuture() {
    assertThat(problemsWith(patient -> patient.deceasedDate("2024-06-15T09:00:01Z")))
        .containsExactly(
            new FieldProblem("deceased_date", "deceased_date must not be in the future"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-30T10:00:00Z", "1980-04-01T25:00", "last year", ""})
  void rejectsDeceasedDateThatIsNotAnIsoDateTime(String deceasedDate) {
    assertThat(problemsWith(patient -> patient.deceasedDate(deceasedDate)))
        .containsExactly(
            new FieldProblem(
                "deceased_date", "deceased_date must be an ISO-8601 date or date-time"));
  }

  @Test
  void skipsDeathAfterBirthRuleWhenDateOfBirthIsMalformed() {
    assertThat(
            problemsWith(
                patient -> patient.dateOfBirth("1980-02-30").deceasedDate("1970-01-01T00:00:00Z")))
        .containsExactly(
            new FieldProblem("date_of_birth", "date_of_birth must be a calendar date YYYY-MM-DD"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"MA", "ma", "Ny"})
  void acceptsTwoLetterStates(String state) {
    assertThat(problemsWith(patient -> patient.state(state))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"M", "MAS", "M1", "", "Massachusetts", " MA"})
  void rejectsOtherStates(String state) {
    assertThat(problemsWith(patient -> patient.state(state)))
        .containsExactly(new FieldProblem("state", "state must be 2 letters"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"12345", "12345-6789", "01101"})
  void acceptsZipCodes(String postalCode) {
    assertThat(problemsWith(patient -> patient.postalCode(postalCode))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1234", "123456", "12345-678", "12345-67890", "12345 6789", "abcde", "", "١٢٣٤٥"})
  void rejectsOtherPostalCodes(String postalCode) {
    assertThat(problemsWith(patient -> patient.postalCode(postalCode)))
        .containsExactly(
            new FieldProblem("postal_code", "postal_code must be 12345 or 12345-6789"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"US", "USA", "us", "deu"})
  void acceptsTwoOrThreeLetterCountries(String country) {
    assertThat(problemsWith(patient -> patient.country(country))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"U", "USAA", "U1", "", "U.S."})
  void rejectsOtherCountries(String country) {
    assertThat(problemsWith(patient -> patient.country(country)))
        .containsExactly(new FieldProblem("country", "country must be 2 or 3 letters"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "alex@example.org",
        "alex.testperson+tag@mail.example.co.uk",
        "a_b@sub.example.io"
      })
  void acceptsPlausibleEmails(String email) {
    assertThat(problemsWith(patient -> patient.email(email))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alex",
        "alex@",
        "@example.org",
        "alex@example",
        "alex example@example.org",
        "alex@@example.org",
        "alex@example.org.",
        ""
      })
  void rejectsImplausibleEmails(String email) {
    assertThat(problemsWith(patient -> patient.email(email)))
        .containsExactly(new FieldProblem("email", "email must be a plausible e-mail address"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"en", "en-US", "es-MX", "EN-us"})
  void acceptsLanguageTags(String language) {
    assertThat(problemsWith(patient -> patient.language(language))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"english", "en_US", "e", "en-USA", "eng", "en-", "", "en-U1"})
  void rejectsOtherLanguages(String language) {
    assertThat(problemsWith(patient -> patient.language(language)))
        .containsExactly(
            new FieldProblem("language", "language must be a language tag such as en or en-US"));
  }
}
