package org.clinicalingest.internal.redact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.Operator;
import org.clinicalingest.PhiField;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.spi.PhiType;

/**
 * Redacts structured PHI values, one {@link PhiField} at a time, as its {@link RedactionPolicy}
 * says.
 *
 * <p>Design: values arrive validated, but this class is the last guard before a table, so it never
 * throws on an odd value and never lets one through unredacted: a value that an operator cannot
 * read (a date that is not ISO, a postal code without five digits) becomes {@code null} under
 * {@link Operator#GENERALIZE}; every other operator does not need to read the value. An identifier
 * such as {@code SSN:123-45-6789} keeps its type prefix (it is not PHI and tells what the value
 * was); the part after it is redacted, typed {@code SSN} for an {@code SSN}/{@code SS} prefix,
 * {@code MRN} for {@code MR}/{@code MRN} and {@code ID} otherwise, so that its placeholder and
 * pseudonym match those of the same number found in a note. Immutable and thread-safe.
 */
public final class FieldRedactor {

  /** Exactly what {@link Operator#MASK} writes. */
  static final String MASK = "****";

  static final String OVER_89 = "90+";

  /**
   * Three-digit ZIP areas of 20,000 people or fewer (HHS guidance on Safe Harbor, 2000 census),
   * replaced by {@code 000}.
   */
  static final Set<String> RESTRICTED_ZIP3 =
      Set.of(
          "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
          "879", "884", "890", "893");

  private static final Pattern ZIP = Pattern.compile("\\s*(\\d{3})\\d{2}(?:-?\\d{4})?\\s*");
  private static final Pattern IDENTIFIER_PREFIX =
      Pattern.compile("([A-Za-z][A-Za-z0-9_-]{0,15})\\s*:(.*)", Pattern.DOTALL);

  private final RedactionPolicy policy;
  private final Clock clock;
  private final Pseudonymizer pseudonymizer;

  /**
   * Creates a redactor.
   *
   * @param policy the operators and pseudonym key
   * @param clock gives today, the reference date of the age of a living patient
   */
  public FieldRedactor(RedactionPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pseudonymizer = policy.hasPseudonymKey() ? new Pseudonymizer(policy.pseudonymKey()) : null;
  }

  /**
   * Redacts one value of a field. A date of birth is redacted as by {@link
   * #redactDateOfBirth(String, String)} without a deceased date.
   *
   * @param field the field the value belongs to
   * @param value the value as read, may be null
   * @return the redacted value; {@code null} for {@code null}, under {@link Operator#DROP}, and
   *     under {@link Operator#GENERALIZE} for a value that cannot be read
   */
  public String redact(PhiField field, String value) {
    Objects.requireNonNull(field, "field");
    if (field == PhiField.DATE_OF_BIRTH) {
      return redactDateOfBirth(value, null);
    }
    return apply(field, value);
  }

  /**
   * Redacts every value of a list field ({@link PhiField#IDENTIFIERS}, {@link
   * PhiField#GIVEN_NAMES}); under {@link Operator#DROP} the list becomes empty.
   *
   * @param field the field the values belong to
   * @param values the values as read, may be null (taken as empty)
   * @return a new unmodifiable list, never null; null elements are left out
   */
  public List<String> redactAll(PhiField field, List<String> values) {
    Objects.requireNonNull(field, "field");
    if (values == null || values.isEmpty() || policy.field(field) == Operator.DROP) {
      return List.of();
    }
    List<String> redacted = new ArrayList<>(values.size());
    for (String value : values) {
      String result = redact(field, value);
      if (result != null) {
        redacted.add(result);
      }
    }
    return List.copyOf(redacted);
  }

  /**
   * Redacts a date of birth. Under {@link Operator#GENERALIZE} it becomes the year, or {@code 90+}
   * when the patient is over 89 at the reference date: the deceased date when it can be read,
   * otherwise today by this redactor's clock. A date of birth given only as year (and month) counts
   * from its earliest day, so that doubt errs towards {@code 90+}. Other operators apply as to any
   * field.
   *
   * @param dateOfBirth {@code YYYY-MM-DD}, may be null
   * @param deceasedDate ISO-8601 date or date-time of death, or null for a living patient
   * @return the redacted value, or null as for {@link #redact(PhiField, String)}
   */
  public String redactDateOfBirth(String dateOfBirth, String deceasedDate) {
    if (dateOfBirth == null
        || dateOfBirth.isBlank()
        || policy.field(PhiField.DATE_OF_BIRTH) != Operator.GENERALIZE) {
      return apply(PhiField.DATE_OF_BIRTH, dateOfBirth);
    }
    LocalDate birth = LenientIsoDate.earliestDay(dateOfBirth);
    if (birth == null) {
      return null;
    }
    LocalDate death = deceasedDate == null ? null : LenientIsoDate.earliestDay(deceasedDate);
    LocalDate reference = death != null ? death : LocalDate.now(clock);
    if (!reference.isBefore(birth) && Period.between(birth, reference).getYears() > 89) {
      return OVER_89;
    }
    return fourDigits(birth.getYear());
  }

  private String apply(PhiField field, String value) {
    Operator operator = policy.field(field);
    if (operator == Operator.DROP) {
      return null;
    }
    if (value == null || value.isBlank() || operator == Operator.KEEP) {
      return value;
    }
    if (field == PhiField.IDENTIFIERS) {
      Matcher prefixed = IDENTIFIER_PREFIX.matcher(value.strip());
      if (prefixed.matches() && !prefixed.group(2).isBlank()) {
        String prefix = prefixed.group(1);
        return prefix + ":" + replace(operator, field, identifierType(prefix), prefixed.group(2));
      }
    }
    return replace(operator, field, field.type(), value);
  }

  private String replace(Operator operator, PhiField field, PhiType type, String value) {
    return switch (operator) {
      case MASK -> MASK;
      case PLACEHOLDER -> type == field.type() ? field.placeholder() : type.placeholder();
      case PSEUDONYM -> pseudonymizer.token(type, value);
      case GENERALIZE -> field == PhiField.POSTAL_CODE ? zip3(value) : year(value);
      case KEEP, DROP -> throw new IllegalStateException("handled before: " + operator);
    };
  }

  static PhiType identifierType(String prefix) {
    return switch (prefix.toUpperCase(Locale.ROOT)) {
      case "SSN", "SS" -> PhiType.SSN;
      case "MR", "MRN" -> PhiType.MRN;
      default -> PhiType.ID;
    };
  }

  /** The first three digits of a ZIP code, {@code 000} for a restricted area, null if not one. */
  static String zip3(String value) {
    Matcher zip = ZIP.matcher(value);
    if (!zip.matches()) {
      return null;
    }
    return RESTRICTED_ZIP3.contains(zip.group(1)) ? "000" : zip.group(1);
  }

  private static String year(String value) {
    LocalDate date = LenientIsoDate.earliestDay(value);
    return date == null ? null : fourDigits(date.getYear());
  }

  /**
   * The year with leading zeros to four digits ({@code String.format} costs more than the rest).
   */
  private static String fourDigits(int year) {
    String digits = Integer.toString(year);
    return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
  }
}
