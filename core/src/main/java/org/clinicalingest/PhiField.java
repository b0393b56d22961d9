package org.clinicalingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.RecordKind;

/**
 * The structured input fields that hold protected health information, as listed in FORMAT.md.
 *
 * <p>Each field knows its JSON name, the record kind it belongs to, the {@link PhiType} of its
 * values (which names the prefix of its pseudonyms) and the placeholder that replaces it. Only
 * dates and {@link #POSTAL_CODE} can be generalised ({@link #generalizable()}).
 */
public enum PhiField {
  /**
   * {@code identifiers}: values such as {@code SSN:123-45-6789}. The type prefix is kept and the
   * rest is redacted as an {@code SSN} (prefix {@code SSN}, {@code SS}), an {@code MRN} ({@code
   * MR}, {@code MRN}) or an {@code ID} (any other), e.g. {@code SSN:[SSN]}, {@code DL:[ID]}.
   */
  IDENTIFIERS("identifiers", RecordKind.PATIENT, PhiType.ID, "[ID]"),
  FAMILY_NAME("family_name", RecordKind.PATIENT, PhiType.NAME, "[NAME]"),
  GIVEN_NAMES("given_names", RecordKind.PATIENT, PhiType.NAME, "[NAME]"),
  DATE_OF_BIRTH("date_of_birth", RecordKind.PATIENT, PhiType.DATE, "[DATE]"),
  DECEASED_DATE("deceased_date", RecordKind.PATIENT, PhiType.DATE, "[DATE]"),
  ADDRESS_LINE1("address_line1", RecordKind.PATIENT, PhiType.ADDRESS, "[ADDRESS]"),
  ADDRESS_LINE2("address_line2", RecordKind.PATIENT, PhiType.ADDRESS, "[ADDRESS]"),
  CITY("city", RecordKind.PATIENT, PhiType.LOCATION, "[CITY]"),
  POSTAL_CODE("postal_code", RecordKind.PATIENT, PhiType.ZIP, "[ZIP]"),
  PHONE("phone", RecordKind.PATIENT, PhiType.PHONE, "[PHONE]"),
  FAX("fax", RecordKind.PATIENT, PhiType.FAX, "[FAX]"),
  EMAIL("email", RecordKind.PATIENT, PhiType.EMAIL, "[EMAIL]"),
  EMERGENCY_CONTACT_NAME("emergency_contact_name", RecordKind.PATIENT, PhiType.NAME, "[NAME]"),
  EMERGENCY_CONTACT_PHONE("emergency_contact_phone", RecordKind.PATIENT, PhiType.PHONE, "[PHONE]"),
  PERIOD_START("period_start", RecordKind.ENCOUNTER, PhiType.DATE, "[DATE]"),
  PERIOD_END("period_end", RecordKind.ENCOUNTER, PhiType.DATE, "[DATE]"),
  PROVIDER_NAME("provider_name", RecordKind.ENCOUNTER, PhiType.NAME, "[NAME]"),
  EFFECTIVE_AT("effective_at", RecordKind.OBSERVATION, PhiType.DATE, "[DATE]");

  private static final Map<String, PhiField> BY_JSON_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(PhiField::jsonName, Function.identity()));

  private final String jsonName;
  private final RecordKind recordKind;
  private final PhiType type;
  private final String placeholder;

  PhiField(String jsonName, RecordKind recordKind, PhiType type, String placeholder) {
    this.jsonName = jsonName;
    this.recordKind = recordKind;
    this.type = type;
    this.placeholder = placeholder;
  }

  /** The field's name in the JSON input and in the output tables, e.g. {@code family_name}. */
  public String jsonName() {
    return jsonName;
  }

  /** The kind of record that carries this field. */
  public RecordKind recordKind() {
    return recordKind;
  }

  /**
   * The kind of value the field holds. Its name is the prefix of the field's pseudonyms (e.g.
   * {@code NAME-7f3a9c21e4b0d5a8}), shared with spans of the same type found in free text.
   */
  public PhiType type() {
    return type;
  }

  /** The text that {@link Operator#PLACEHOLDER} puts in place of a value, e.g. {@code [CITY]}. */
  public String placeholder() {
    return placeholder;
  }

  /** Whether {@link Operator#GENERALIZE} applies: true for the dates and the postal code. */
  public boolean generalizable() {
    return type == PhiType.DATE || this == POSTAL_CODE;
  }

  /**
   * Looks a field up by its JSON name, e.g. for a command-line option.
   *
   * @param jsonName a name such as {@code date_of_birth}; case and surrounding blanks are ignored
   * @return the field
   * @throws IllegalArgumentException if no PHI field has that name
   */
  public static PhiField forJsonName(String jsonName) {
    if (jsonName == null) {
      throw new IllegalArgumentException("PHI field name must not be null");
    }
    PhiField field = BY_JSON_NAME.get(jsonName.trim().toLowerCase(Locale.ROOT));
    if (field == null) {
      throw new IllegalArgumentException(
          "unknown PHI field: "
              + jsonName
              + "; expected one of "
              + Arrays.stream(values()).map(PhiField::jsonName).collect(Collectors.joining(", ")));
    }
    return field;
  }
}
