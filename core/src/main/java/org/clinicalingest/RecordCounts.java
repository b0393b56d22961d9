package org.clinicalingest;

import org.clinicalingest.spi.RecordKind;

/**
 * Numbers of records by kind.
 *
 * @param patients top-level records, unreadable ones included
 * @param encounters encounter records
 * @param observations observation records
 */
public record RecordCounts(long patients, long encounters, long observations) {

  /** No records. */
  public static final RecordCounts ZERO = new RecordCounts(0, 0, 0);

  /** Records of every kind. */
  public long total() {
    return patients + encounters + observations;
  }

  /** The count of one kind. */
  public long of(RecordKind kind) {
    return switch (kind) {
      case PATIENT -> patients;
      case ENCOUNTER -> encounters;
      case OBSERVATION -> observations;
    };
  }

  /** The sum of this and {@code other}, kind by kind. */
  public RecordCounts plus(RecordCounts other) {
    return new RecordCounts(
        patients + other.patients,
        encounters + other.encounters,
        observations + other.observations);
  }
}
