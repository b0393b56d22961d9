package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.FieldProblem;

/**
 * Properties of {@link RecordValidator} over arbitrary values in every field (any Unicode, unpaired
 * surrogates, control characters, near-valid dates, codes and ids, non-finite numbers): it never
 * throws, and no problem's message or path quotes a field's value, unless the value is itself a
 * piece of a message template (a value such as {@code "must"} cannot be told apart from the rule's
 * wording).
 */
class RecordValidatorPropertyTest {
  private static final RecordValidator VALIDATOR =
      new RecordValidator(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));
  private static final List<Class<?>> MODEL =
      List.of(Patient.class, Encounter.class, Observation.class);
  private static final String TEMPLATES = templates();
  private static final String[] NEAR_VALID = {
    "MRN-001",
    "ab",
    "MRN 001",
    "1980-04-02",
    "2999-01-01",
    "1899-12-31",
    "2019-02-29",
    "2020-02-29",
    "1980-04-02T10:00:00Z",
    "2020-01-01T10:00:00+14:00",
    "2020-01-01T10:00:00+14:01",
    "2020-01-01T10:00:00.123456789Z",
    "2020-01-01T24:00:00Z",
    "2020-13-01",
    "0000-01-01",
    "+10000-01-01",
    "male",
    "F",
    "u",
    "Unknown",
    "finished",
    "in-progress",
    "final",
    "AMB",
    "EMER",
    "MA",
    "ma",
    "02115",
    "02115-1234",
    "US",
    "USA",
    "en",
    "en-US",
    "a@b.co",
    "x@y",
    "٣٤٥",
    "１２３",
    "\u0000",
    "\uD800",
    "\uDC00\uD800",
    "\u202Eevil",
    "MRN-001\n",
    " MRN-001 "
  };

  @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
  void validatesAnyValuesWithoutThrowingOrQuotingThem(@ForAll("patients") Patient patient) {
    List<FieldProblem> problems = VALIDATOR.validate(patient);

    List<String> values = new ArrayList<>();
    collectStrings(patient, values);
    for (FieldProblem problem : problems) {
      assertThat(problem.path()).matches("[a-z_]+(\\[\\d+\\])?(\\.[a-z_]+(\\[\\d+\\])?)*|");
      for (String value : values) {
        if (value.length() >= 4 && !TEMPLATES.contains(value)) {
          assertThat(problem.message()).as("message of %s", problem.path()).doesNotContain(value);
        }
      }
    }
    Statistics.label("problems").collect(problems.isEmpty() ? "none" : "some");
    Statistics.label("problems").coverage(coverage -> coverage.check("some").count(n -> n > 0));
  }

  @Provide
  Arbitrary<Patient> patients() {
    return Builders.withBuilder(Patient::builder)
        .use(value())
        .in(Patient.Builder::patientId)
        .use(values())
        .in(Patient.Builder::identifiers)
        .use(value())
        .in(Patient.Builder::familyName)
        .use(values())
        .in(Patient.Builder::givenNames)
        .use(values())
        .in(Patient.Builder::namePrefix)
        .use(values())
        .in(Patient.Builder::nameSuffix)
        .use(value())
        .in(Patient.Builder::dateOfBirth)
        .use(value())
        .in(Patient.Builder::gender)
        .use(Arbitraries.of(true, false).injectNull(0.3))
        .in(Patient.Builder::deceased)
        .use(value())
        .in(Patient.Builder::deceasedDate)
        .use(value())
        .in(Patient.Builder::maritalStatus)
        .use(value())
        .in(Patient.Builder::addressLine1)
        .use(value())
        .in(Patient.Builder::addressLine2)
        .use(value())
        .in(Patient.Builder::city)
        .use(value())
        .in(Patient.Builder::state)
        .use(value())
        .in(Patient.Builder::postalCode)
        .use(value())
        .in(Patient.Builder::country)
        .use(value())
        .in(Patient.Builder::phone)
        .use(value())
        .in(Patient.Builder::fax)
        .use(value())
        .in(Patient.Builder::email)
        .use(value())
        .in(Patient.Builder::emergencyContactName)
        .use(value())
        .in(Patient.Builder::emergencyContactRelationship)
        .use(value())
        .in(Patient.Builder::emergencyContactPhone)
        .use(value())
        .in(Patient.Builder::language)
        .use(value())
        .in(Patient.Builder::managingOrganization)
        .use(encounters().list().ofMaxSize(3))
        .in(Patient.Builder::encounters)
        .build(Patient.Builder::build);
  }

  private static Arbitrary<Encounter> encounters() {
    return Builders.withBuilder(Encounter::builder)
        .use(value())
        .in(Encounter.Builder::encounterId)
        .use(value())
        .in(Encounter.Builder::patientId)
        .use(value())
        .in(Encounter.Builder::status)
        .use(value())
        .in(Encounter.Builder::classCode)
        .use(value())
        .in(Encounter.Builder::periodStart)
        .use(value())
        .in(Encounter.Builder::periodEnd)
        .use(value())
        .in(Encounter.Builder::reasonCode)
        .use(value())
        .in(Encounter.Builder::reasonDisplay)
        .use(value())
        .in(Encounter.Builder::providerName)
        .use(value())
        .in(Encounter.Builder::facilityName)
        .use(observations().list().ofMaxSize(3))
        .in(Encounter.Builder::observations)
        .build(Encounter.Builder::build);
  }

  private static Arbitrary<Observation> observations() {
    Arbitrary<Double> quantity =
        Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.of(
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    -0.0,
                    Double.MIN_VALUE,
                    Double.MAX_VALUE))
            .injectNull(0.3);
    return Builders.withBuilder(Observation::builder)
        .use(value())
        .in(Observation.Builder::observationId)
        .use(value())
        .in(Observation.Builder::status)
        .use(value())
        .in(Observation.Builder::category)
        .use(value())
        .in(Observation.Builder::code)
        .use(value())
        .in(Observation.Builder::codeSystem)
        .use(value())
        .in(Observation.Builder::display)
        .use(quantity)
        .in(Observation.Builder::valueQuantity)
        .use(value())
        .in(Observation.Builder::valueUnit)
        .use(value())
        .in(Observation.Builder::valueString)
        .use(value())
        .in(Observation.Builder::effectiveAt)
        .use(value())
        .in(Observation.Builder::interpretation)
        .use(value())
        .in(Observation.Builder::notes)
        .build(Observation.Builder::build);
  }

  /** Any string, printable ASCII, or a near-valid value; sometimes absent. */
  private static Arbitrary<String> value() {
    return text().injectNull(0.2);
  }

  private static Arbitrary<List<String>> values() {
    return text().list().ofMaxSize(3).injectNull(0.3);
  }

  private static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().ofMaxLength(24)),
        Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24)),
        Tuple.of(3, Arbitraries.of(NEAR_VALID)),
        Tuple.of(
            1, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(200).ofMaxLength(2000)));
  }

  /** Every string held by a record of the model, lists and nested records included. */
  private static void collectStrings(Record record, List<String> values) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value = invoke(component.getAccessor(), record);
      if (value instanceof String string) {
        values.add(string);
      } else if (value instanceof List<?> list) {
        for (Object element : list) {
          if (element instanceof String string) {
            values.add(string);
          } else if (element instanceof Record nested) {
            collectStrings(nested, values);
          }
        }
      }
    }
  }

  /**
   * The text any message could be made of: every string attribute of the constraint annotations on
   * the model (messages, the values they interpolate) and the JSON names of its fields.
   */
  private static String templates() {
    StringBuilder templates = new StringBuilder();
    for (Class<?> type : MODEL) {
      List<AnnotatedElement> elements = new ArrayList<>();
      elements.add(type);
      for (RecordComponent component : type.getRecordComponents()) {
        templates.append(JsonNames.of(component.getName())).append('\n');
        elements.add(component.getAccessor());
        try {
          elements.add(type.getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
          throw new AssertionError(e);
        }
      }
      for (AnnotatedElement element : elements) {
        for (Annotation annotation : element.getAnnotations()) {
          for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
            if (attribute.getReturnType() == String.class) {
              templates.append(invoke(attribute, annotation)).append('\n');
            }
          }
        }
      }
    }
    return templates.toString();
  }

  private static Object invoke(Method method, Object target) {
    try {
      method.setAccessible(true);
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
