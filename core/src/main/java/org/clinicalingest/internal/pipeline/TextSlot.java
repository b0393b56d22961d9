package org.clinicalingest.internal.pipeline;

import org.clinicalingest.internal.redact.RecordTerms;

/** A free-text cell of a row being built, with the PHI terms of the patient it belongs to. */
record TextSlot(Object[] row, int column, RecordTerms terms) {

  String text() {
    return (String) row[column];
  }

  void replace(String redacted) {
    row[column] = redacted;
  }
}
