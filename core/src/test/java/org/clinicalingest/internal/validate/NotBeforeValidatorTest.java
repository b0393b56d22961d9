package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.clinicalingest.model.NotBefore;
import org.junit.jupiter.api.Test;

class NotBeforeValidatorTest {

  private final Validator validator = RecordValidator.factory().getValidator();

  private record Admission(@NotBefore("2000-01-31") String admittedAt) {}

  private record Misdeclared(@NotBefore("2000-02-30") String date) {}

  @Test
  void comparesDateTimesByTheDateWrittenInThem() {
    assertThat(validator.validate(new Admission("2000-01-31T00:00:00+14:00"))).isEmpty();
    assertThat(validator.validate(new Admission("2000-01-31"))).isEmpty();
    assertThat(validator.validate(new Admission("2000-01-30T23:59:59-12:00")))
        .singleElement()
        .extracting(ConstraintViolation::getMessage)
        .isEqualTo("must not be before 2000-01-31");
  }

  @Test
  void leavesMalformedValuesToTheFormatConstraint() {
    assertThat(validator.validate(new Admission("1999-02-30"))).isEmpty();
  }

  @Test
  void failsOnBoundThatIsNotACalendarDate() {
    assertThatThrownBy(() -> validator.validate(new Misdeclared("2000-01-01")))
        .isInstanceOf(ConstraintDeclarationException.class)
        .hasMessageContaining("2000-02-30");
  }
}
