package org.clinicalingest.spi;

import java.util.Objects;

/**
 * A broken rule found in a record: a wrong JSON type, a missing required field or a failed
 * constraint.
 *
 * <p>The path locates the field inside the patient record in JSON names, e.g. {@code
 * encounters[2].observations[0].value_quantity}; the pipeline uses it to quarantine the smallest
 * invalid unit. The message names the field and the rule, never the field's value (it may be PHI):
 * {@code effective_at must not be in the future}.
 *
 * @param path JSON path of the field relative to the patient record; empty for the record itself
 * @param message what is wrong, without the value
 */
public record FieldProblem(String path, String message) {

  public FieldProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
