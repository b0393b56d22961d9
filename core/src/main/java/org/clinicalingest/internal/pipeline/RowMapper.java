package org.clinicalingest.internal.pipeline;

import java.util.Locale;
import org.clinicalingest.PhiField;
import org.clinicalingest.internal.redact.FieldRedactor;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.Table;

/**
 * Turns valid records into row values in {@link Table} column order: ids trimmed, codes normalised
 * (gender spelled out, state and country upper case) and structured PHI redacted by the policy.
 * Free-text columns are left as read; {@link FreeTextRedaction} redacts them in a batch.
 */
final class RowMapper {
  static final int OBSERVATION_VALUE_STRING = column(Table.OBSERVATIONS, "value_string");
  static final int OBSERVATION_INTERPRETATION = column(Table.OBSERVATIONS, "interpretation");
  static final int OBSERVATION_NOTES = column(Table.OBSERVATIONS, "notes");

  private final FieldRedactor fields;

  RowMapper(FieldRedactor fields) {
    this.fields = fields;
  }

  Object[] patient(Patient patient) {
    return new Object[] {
      trim(patient.patientId()),
      fields.redactAll(PhiField.IDENTIFIERS, patient.identifiers()),
      fields.redact(PhiField.FAMILY_NAME, patient.familyName()),
      fields.redactAll(PhiField.GIVEN_NAMES, patient.givenNames()),
      patient.namePrefix(),
      patient.nameSuffix(),
      fields.redactDateOfBirth(patient.dateOfBirth(), patient.deceasedDate()),
      gender(patient.gender()),
      patient.deceased(),
      fields.redact(PhiField.DECEASED_DATE, patient.deceasedDate()),
      patient.maritalStatus(),
      fields.redact(PhiField.ADDRESS_LINE1, patient.addressLine1()),
      fields.redact(PhiField.ADDRESS_LINE2, patient.addressLine2()),
      fields.redact(PhiField.CITY, patient.city()),
      upper(patient.state()),
      fields.redact(PhiField.POSTAL_CODE, patient.postalCode()),
      upper(patient.country()),
      fields.redact(PhiField.PHONE, patient.phone()),
      fields.redact(PhiField.FAX, patient.fax()),
      fields.redact(PhiField.EMAIL, patient.email()),
      fields.redact(PhiField.EMERGENCY_CONTACT_NAME, patient.emergencyContactName()),
      patient.emergencyContactRelationship(),
      fields.redact(PhiField.EMERGENCY_CONTACT_PHONE, patient.emergencyContactPhone()),
      patient.language(),
      patient.managingOrganization()
    };
  }

  Object[] encounter(Encounter encounter, String patientId) {
    return new Object[] {
      trim(encounter.encounterId()),
      patientId,
      encounter.status(),
      encounter.classCode(),
      fields.redact(PhiField.PERIOD_START, encounter.periodStart()),
      fields.redact(PhiField.PERIOD_END, encounter.periodEnd()),
      encounter.reasonCode(),
      encounter.reasonDisplay(),
      fields.redact(PhiField.PROVIDER_NAME, encounter.providerName()),
      encounter.facilityName()
    };
  }

  Object[] observation(Observation observation, String encounterId, String patientId) {
    return new Object[] {
      trim(observation.observationId()),
      encounterId,
      patientId,
      observation.status(),
      observation.category(),
      observation.code(),
      observation.codeSystem(),
      observation.display(),
      observation.valueQuantity(),
      observation.valueUnit(),
      observation.valueString(),
      fields.redact(PhiField.EFFECTIVE_AT, observation.effectiveAt()),
      observation.interpretation(),
      observation.notes()
    };
  }

  static String trim(String value) {
    return value == null ? null : value.trim();
  }

  private static String upper(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }

  private static String gender(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "m", "male" -> "male";
      case "f", "female" -> "female";
      case "o", "other" -> "other";
      default -> "unknown";
    };
  }

  private static int column(Table table, String name) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException(table + " has no column " + name);
  }
}
