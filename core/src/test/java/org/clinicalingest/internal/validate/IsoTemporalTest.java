package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTemporalTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1900-01-01",
        "2019-02-28",
        "2020-02-29",
        "2000-02-29",
        "0001-01-01",
        "9999-12-31"
      })
  void acceptsCalendarDates(String text) {
    assertThat(IsoTemporal.isDate(text)).isTrue();
    assertThat(IsoTemporal.isDateTime(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-30", "2019-02-29", "1900-02-29", "2019-04-31", "2019-13-01", "2019-00-10",
        "2019-01-00", "0000-01-01", "2019-1-01", "2019-01-1", "19-01-01", "2019/01/01",
        "2019-01-01 ", " 2019-01-01", "2019-0a-01", "20190101", "", "2019-01-01T00:00Z",
        "２０１９-01-01"
      })
  void rejectsWhatIsNotACalendarDate(String text) {
    assertThat(IsoTemporal.isDate(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-12",
        "2019-02-12T05:35",
        "2019-02-12T05:35Z",
        "2019-02-12T05:35-05:00",
        "2019-02-12T05:35:50",
        "2019-02-12T05:35:50Z",
        "2019-02-12T05:35:50-05:00",
        "2019-02-12T05:35:50+14:00",
        "2019-02-12T05:35:50+18:00",
        "2019-02-12T05:35:50.1Z",
        "2019-02-12T05:35:50.123456789+01:00",
        "2019-02-12T23:59:59.999",
        "2019-02-12T00:00:00-00:00"
      })
  void acceptsDatesAndDateTimes(String text) {
    assertThat(IsoTemporal.isDateTime(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-30T05:35:50Z",
        "2019-02-12T24:00:00Z",
        "2019-02-12T05:60:00Z",
        "2019-02-12T05:35:60Z",
        "2019-02-12T5:35:50Z",
        "2019-02-12T05:35:5Z",
        "2019-02-12 05:35:50Z",
        "2019-02-12t05:35:50Z",
        "2019-02-12T05",
        "2019-02-12T05:35:50.Z",
        "2019-02-12T05:35:50.1234567890Z",
        "2019-02-12T05:35.5Z",
        "2019-02-12T05:35:50+0500",
        "2019-02-12T05:35:50+05",
        "2019-02-12T05:35:50+18:01",
        "2019-02-12T05:35:50+19:00",
        "2019-02-12T05:35:50+05:60",
        "2019-02-12T05:35:50ZZ",
        "2019-02-12T05:35:50Z ",
        "2019-02-12Z",
        "2019-02-12T",
        "2019-02-12T05:35:50 PST",
        "yesterday"
      })
  void rejectsMalformedDateTimes(String text) {
    assertThat(IsoTemporal.isDateTime(text)).isFalse();
  }

  @Test
  void epochDayAgreesWithLocalDateOverFourCenturies() {
    for (LocalDate date = LocalDate.of(1800, 1, 1);
        date.isBefore(LocalDate.of(2200, 1, 1));
        date = date.plusDays(1)) {
      assertThat(IsoTemporal.epochDay(date.toString()))
          .as(date.toString())
          .isEqualTo(date.toEpochDay());
    }
    assertThat(IsoTemporal.epochDay("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1).toEpochDay());
    assertThat(IsoTemporal.epochDay("9999-12-31"))
        .isEqualTo(LocalDate.of(9999, 12, 31).toEpochDay());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-02-12T05:35:50-05:00",
        "2019-02-12T05:35:50+14:00",
        "2019-02-12T05:35:50.123456789+01:30",
        "2019-02-12T05:35:50.5Z",
        "1969-12-31T23:59:59.999-18:00",
        "0001-01-01T00:00:00+18:00",
        "9999-12-31T23:59:59.999999999-18:00"
      })
  void epochSecondAndNanoAgreeWithJavaTime(String text) {
    Instant expected = OffsetDateTime.parse(text).toInstant();
    assertThat(IsoTemporal.epochSecond(text)).isEqualTo(expected.getEpochSecond());
    assertThat(IsoTemporal.nanoOfSecond(text)).isEqualTo(expected.getNano());
  }

  @Test
  void readsDateTimeWithoutOffsetAsUtcAndDateAsStartOfUtcDay() {
    assertThat(IsoTemporal.epochSecond("2019-02-12T05:35"))
        .isEqualTo(Instant.parse("2019-02-12T05:35:00Z").getEpochSecond());
    assertThat(IsoTemporal.epochSecond("2019-02-12"))
        .isEqualTo(Instant.parse("2019-02-12T00:00:00Z").getEpochSecond());
    assertThat(IsoTemporal.nanoOfSecond("2019-02-12T05:35+01:00")).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    // value, reference, value is before reference
    "2019-02-12T06:00:00-04:00, 2019-02-12T05:35:50-05:00, true",
    "2019-02-12T09:00:00Z, 2019-02-12T10:00:00+02:00, false",
    "2019-02-12T10:00:00.25Z, 2019-02-12T10:00:00.5Z, true",
    "2019-02-12T10:00:00.5Z, 2019-02-12T10:00:00.5Z, false",
    "2019-02-12T10:30:00+01:00, 2019-02-12T10:00:00, true",
    "2019-02-12, 2019-02-12T23:00:00-05:00, false",
    "2019-02-11, 2019-02-12T00:30:00+05:00, true",
    "2019-02-12T00:30:00+05:00, 2019-02-12, false",
    "2019-02-11T23:30:00-05:00, 2019-02-12, true",
    "2019-02-12, 2019-02-12, false"
  })
  void comparesInstantsAcrossOffsetsAndDatesAsWritten(
      String value, String reference, boolean before) {
    assertThat(IsoTemporal.isBefore(value, reference)).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource({
    // value, now, value is after now
    "2024-06-15T09:00:00Z, 2024-06-15T09:00:00Z, false",
    "2024-06-15T09:00:00.001Z, 2024-06-15T09:00:00Z, true",
    "2024-06-15T09:00:00.0005Z, 2024-06-15T09:00:00.001Z, false",
    "2024-06-15T09:00:00.0015Z, 2024-06-15T09:00:00.001Z, true",
    "2024-06-15T10:00:00+01:00, 2024-06-15T09:00:00Z, false",
    "2024-06-15T05:00:01-04:00, 2024-06-15T09:00:00Z, true",
    "2024-06-15T09:00:01, 2024-06-15T09:00:00Z, true",
    "2024-06-15, 2024-06-14T10:00:00Z, false",
    "2024-06-15, 2024-06-14T09:59:59.999Z, true",
    "2024-06-16, 2024-06-15T09:00:00Z, true",
    "2024-06-16, 2024-06-15T12:00:00Z, false",
    "2024-06-17, 2024-06-15T23:59:59.999Z, true"
  })
  void dateIsInFutureOnlyBeforeItBeginsInTheEarliestTimeZone(
      String value, String now, boolean after) {
    assertThat(IsoTemporal.isAfter(value, Instant.parse(now).toEpochMilli())).isEqualTo(after);
  }
}
