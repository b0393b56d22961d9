package org.clinicalingest.examples.generate;

import java.util.Arrays;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.RecordKind;

/**
 * Counts for one generated patient, or summed over a run.
 *
 * <p>Mutable counters indexed by enum ordinal, so that adding up millions of patients allocates
 * nothing. Not thread-safe.
 */
final class PatientStats {

  final long[] records = new long[RecordKind.values().length];
  final long[] invalid = new long[RecordKind.values().length];
  final long[] quarantined = new long[RecordKind.values().length];
  final long[] defects = new long[Defect.values().length];
  final long[] phi = new long[PhiType.values().length];
  long keep;
  long notes;

  void reset() {
    Arrays.fill(records, 0);
    Arrays.fill(invalid, 0);
    Arrays.fill(quarantined, 0);
    Arrays.fill(defects, 0);
    Arrays.fill(phi, 0);
    keep = 0;
    notes = 0;
  }

  /** Whether no record of the patient carries a defect. */
  boolean clean() {
    return invalid[0] + invalid[1] + invalid[2] == 0;
  }

  void add(PatientStats other) {
    addAll(records, other.records);
    addAll(invalid, other.invalid);
    addAll(quarantined, other.quarantined);
    addAll(defects, other.defects);
    addAll(phi, other.phi);
    keep += other.keep;
    notes += other.notes;
  }

  private static void addAll(long[] target, long[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }
}
