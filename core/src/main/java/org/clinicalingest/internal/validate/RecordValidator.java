package org.clinicalingest.internal.validate;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a patient, with its encounters and observations, against every rule of FORMAT.md and
 * reports each broken rule as a {@link FieldProblem}.
 *
 * <p>The rules are the Bean Validation constraints on {@link Patient}, {@code Encounter} and {@code
 * Observation}. A problem's path is in JSON names relative to the patient ({@code
 * encounters[2].observations[0].code}), so the pipeline can quarantine the smallest invalid unit;
 * its message is the field's JSON name followed by the rule ({@code code is required}) and never
 * holds the value.
 *
 * <p>"Now", for the rules that forbid the future, is read from the clock given to the constructor
 * (its instant only; its time zone plays no part). Thread-safe: one instance serves all threads.
 *
 * <pre>{@code
 * RecordValidator validator = new RecordValidator(Clock.systemUTC());
 * List<FieldProblem> problems = validator.validate(patient); // empty when valid
 * }</pre>
 */
public final class RecordValidator {

  private final Validator validator;

  /**
   * Creates a validator reading "now" from {@code clock}.
   *
   * <p>All instances share one Hibernate Validator factory (built on first use and kept for the
   * life of the JVM, so the constraint metadata is computed once); each instance holds its own
   * {@link Validator} bound to its clock. Create one per clock and reuse it.
   *
   * <p>The clock reaches {@code @NotInFuture} as the validator's constraint-validator payload
   * rather than as a {@link jakarta.validation.ClockProvider}: Hibernate Validator 9.1 keeps its
   * fast path (constraint validators cached in the constraint tree) only for validators sharing the
   * factory's clock provider, and caches validators for just one other clock provider at a time.
   * Measured on a typical patient, a per-instance clock provider cost about a third of the
   * throughput, and two instances with different clocks used in turn more than half; the payload
   * costs nothing. The model therefore uses no standard temporal constraint ({@code @Past},
   * {@code @Future}), which would read the factory's system clock.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public RecordValidator(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.validator =
        SharedFactory.FACTORY
            .unwrap(HibernateValidatorFactory.class)
            .usingContext()
            .constraintValidatorPayload(clock)
            .getValidator();
  }

  /**
   * Validates {@code patient} and everything nested in it, reporting all broken rules at once.
   *
   * @return the problems ordered by path (list indices in numeric order) then message; empty when
   *     the patient is valid; never null
   * @throws NullPointerException if {@code patient} is null
   */
  public List<FieldProblem> validate(Patient patient) {
    Objects.requireNonNull(patient, "patient");
    Set<ConstraintViolation<Patient>> violations = validator.validate(patient);
    if (violations.isEmpty()) {
      return List.of();
    }
    List<FieldProblem> problems = new ArrayList<>(violations.size());
    for (ConstraintViolation<Patient> violation : violations) {
      problems.add(toProblem(violation));
    }
    problems.sort(PathOrder.PROBLEMS);
    return List.copyOf(problems);
  }

  /** The shared factory; exposed to tests of its configuration. */
  static ValidatorFactory factory() {
    return SharedFactory.FACTORY;
  }

  private static FieldProblem toProblem(ConstraintViolation<Patient> violation) {
    StringBuilder path = new StringBuilder();
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable() && node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null) {
        field = JsonNames.of(node.getName());
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(field);
      }
    }
    String message = field == null ? violation.getMessage() : field + " " + violation.getMessage();
    return new FieldProblem(path.toString(), message);
  }

  /**
   * Holder of the JVM-wide factory, created on first use by the class-initialisation lock (the lazy
   * holder idiom) and never closed.
   *
   * <p>Messages are interpolated by {@link ParameterMessageInterpolator}: annotation attributes
   * such as {@code {value}} are filled in, but no Expression Language runs, so no message can print
   * the validated value (which may be PHI), and no EL implementation is needed. Fail-fast is off so
   * that every broken rule of a record is reported. Validated values are kept out of Hibernate
   * Validator's trace logs. Nothing depends on the host's class path: its {@code validation.xml} is
   * ignored, and every property is traversed rather than asking JPA, which Hibernate Validator's
   * default resolver would consult (per property) whenever a JPA API is present.
   */
  private static final class SharedFactory {
    static final ValidatorFactory FACTORY =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .ignoreXmlConfiguration()
            .messageInterpolator(new ParameterMessageInterpolator())
            .traversableResolver(new TraverseAll())
            .enableTraversableResolverResultCache(false)
            .failFast(false)
            .showValidatedValuesInTraceLogs(false)
            .buildValidatorFactory();
  }

  /** Reaches and cascades into every property: the model is plain records, never JPA entities. */
  private static final class TraverseAll implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      return true;
    }
  }
}
