package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.clinicalingest.model.NotInFuture;
import org.hibernate.validator.HibernateValidatorFactory;
import org.junit.jupiter.api.Test;

class NotInFutureValidatorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-15T09:00:00Z"), ZoneOffset.ofHours(14));

  private record Event(@NotInFuture String at) {}

  @Test
  void usesTheStandardClockProviderWithoutClockPayload() {
    Validator validator =
        RecordValidator.factory().usingContext().clockProvider(() -> CLOCK).getValidator();

    assertThat(validator.validate(new Event("2024-06-15T09:00:00Z"))).isEmpty();
    assertThat(validator.validate(new Event("2024-06-15T09:00:01Z"))).hasSize(1);
  }

  @Test
  void prefersTheClockPayload() {
    Validator validator =
        RecordValidator.factory()
            .unwrap(HibernateValidatorFactory.class)
            .usingContext()
            .clockProvider(() -> Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC))
            .constraintValidatorPayload(CLOCK)
            .getValidator();

    assertThat(validator.validate(new Event("2024-06-15T09:00:00Z"))).isEmpty();
  }

  @Test
  void ignoresTheTimeZoneOfTheClock() {
    // The clock's zone is UTC+14, where it is already 23:00 on 2024-06-15; only its instant counts.
    Validator validator =
        RecordValidator.factory().usingContext().clockProvider(() -> CLOCK).getValidator();

    assertThat(validator.validate(new Event("2024-06-15T10:00:00"))).hasSize(1);
    assertThat(validator.validate(new Event("2024-06-16"))).hasSize(1);
  }
}
