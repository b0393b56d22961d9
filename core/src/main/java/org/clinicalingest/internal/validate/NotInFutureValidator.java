package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import org.clinicalingest.model.NotInFuture;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Checks {@link NotInFuture}.
 *
 * <p>Design: "now" is read on every check as {@link Clock#millis()} (no {@code Instant} is
 * allocated) and compared by {@link IsoTemporal#isAfter}, which holds the time-zone rule. The clock
 * is the {@link Clock} given as Hibernate Validator constraint-validator payload, which is how
 * {@link RecordValidator} passes its clock; without one it is the validator's standard {@link
 * jakarta.validation.ClockProvider}, so the constraint also works in any other validator. Malformed
 * values pass: their format constraint reports them. Public only because Hibernate Validator
 * instantiates validators through their public constructor; not API. Stateless and thread-safe.
 */
public final class NotInFutureValidator implements ConstraintValidator<NotInFuture, CharSequence> {

  /** Creates the validator; called by Hibernate Validator. */
  public NotInFutureValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null
        || !IsoTemporal.isDateTime(value)
        || !IsoTemporal.isAfter(value, nowMillis(context));
  }

  private static long nowMillis(ConstraintValidatorContext context) {
    if (context instanceof HibernateConstraintValidatorContext hibernateContext) {
      Clock clock = hibernateContext.getConstraintValidatorPayload(Clock.class);
      if (clock != null) {
        return clock.millis();
      }
    }
    return context.getClockProvider().getClock().millis();
  }
}
