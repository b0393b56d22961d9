package org.clinicalingest.examples.generate;

/**
 * A number of records of each kind.
 *
 * @param patients patient records
 * @param encounters encounter records
 * @param observations observation records
 */
public record RecordCounts(long patients, long encounters, long observations) {

  /** All records together. */
  public long total() {
    return patients + encounters + observations;
  }

  static RecordCounts of(long[] byKind) {
    return new RecordCounts(byKind[0], byKind[1], byKind[2]);
  }
}
