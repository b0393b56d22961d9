package org.clinicalingest.examples.generate;

import org.clinicalingest.spi.RecordKind;

/**
 * A deliberate error the generator puts into a record to make it invalid under FORMAT.md.
 *
 * <p>Each record gets at most one defect, and only of its own kind; the record stays well-formed
 * JSON. A validator that follows FORMAT.md rejects every record carrying a defect and no other
 * (children of a rejected record are rejected with it).
 */
public enum Defect {
  /** {@code patient_id} missing. */
  MISSING_PATIENT_ID(RecordKind.PATIENT),
  /**
   * {@code patient_id} too short, too long, blank or with characters outside {@code [A-Za-z0-9_-]}.
   */
  BAD_MRN(RecordKind.PATIENT),
  /** {@code date_of_birth} after the day of generation. */
  FUTURE_BIRTH_DATE(RecordKind.PATIENT),
  /** {@code date_of_birth} before 1900-01-01. */
  BIRTH_DATE_BEFORE_1900(RecordKind.PATIENT),
  /** {@code date_of_birth} not a {@code YYYY-MM-DD} date. */
  MALFORMED_BIRTH_DATE(RecordKind.PATIENT),
  /** {@code deceased_date} before {@code date_of_birth}. */
  DEATH_BEFORE_BIRTH(RecordKind.PATIENT),
  /** {@code gender} none of the accepted values. */
  BAD_GENDER(RecordKind.PATIENT),
  /** {@code state} not two letters. */
  BAD_STATE(RecordKind.PATIENT),
  /** {@code postal_code} neither {@code 12345} nor {@code 12345-6789}. */
  BAD_POSTAL_CODE(RecordKind.PATIENT),
  /** {@code email} not a plausible address. */
  BAD_EMAIL(RecordKind.PATIENT),
  /** {@code country} not two or three letters. */
  BAD_COUNTRY(RecordKind.PATIENT),
  /** {@code language} not of the {@code en} or {@code en-US} form. */
  BAD_LANGUAGE(RecordKind.PATIENT),
  /** A known patient field with the wrong JSON type (e.g. {@code given_names} a string). */
  PATIENT_WRONG_TYPE(RecordKind.PATIENT),
  /** {@code encounter_id} missing. */
  MISSING_ENCOUNTER_ID(RecordKind.ENCOUNTER),
  /** The encounter's {@code patient_id} differs from its parent's. */
  PATIENT_ID_MISMATCH(RecordKind.ENCOUNTER),
  /** {@code status} not a FHIR EncounterStatus. */
  BAD_ENCOUNTER_STATUS(RecordKind.ENCOUNTER),
  /** {@code period_start} missing. */
  MISSING_PERIOD_START(RecordKind.ENCOUNTER),
  /** {@code period_start} not an ISO-8601 date-time. */
  MALFORMED_PERIOD_START(RecordKind.ENCOUNTER),
  /** {@code period_end} before {@code period_start}. */
  PERIOD_END_BEFORE_START(RecordKind.ENCOUNTER),
  /** A known encounter field with the wrong JSON type (e.g. {@code period_start} a number). */
  ENCOUNTER_WRONG_TYPE(RecordKind.ENCOUNTER),
  /** {@code observation_id} missing. */
  MISSING_OBSERVATION_ID(RecordKind.OBSERVATION),
  /** {@code code} missing. */
  MISSING_CODE(RecordKind.OBSERVATION),
  /** {@code status} not a FHIR ObservationStatus. */
  BAD_OBSERVATION_STATUS(RecordKind.OBSERVATION),
  /** {@code effective_at} not an ISO-8601 date-time. */
  MALFORMED_EFFECTIVE_AT(RecordKind.OBSERVATION),
  /** A known observation field with the wrong JSON type (e.g. {@code value_quantity} a string). */
  OBSERVATION_WRONG_TYPE(RecordKind.OBSERVATION);

  private final RecordKind kind;

  Defect(RecordKind kind) {
    this.kind = kind;
  }

  /** The kind of record this defect is put into. */
  public RecordKind kind() {
    return kind;
  }
}
