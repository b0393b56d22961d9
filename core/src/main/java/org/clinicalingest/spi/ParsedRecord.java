package org.clinicalingest.spi;

import java.util.List;
import java.util.Objects;
import org.clinicalingest.model.Patient;

/**
 * A record that was read into a {@link Patient}. Fields whose JSON type was wrong are left unset in
 * the patient and reported in {@code problems}; validation adds the rest.
 *
 * @param position where the record starts
 * @param patient the record's values
 * @param problems type errors found while reading, by JSON path
 * @param unknownFields how many fields of this record (nested ones included) are not in FORMAT.md
 * @param raw the raw record text when captured, otherwise empty
 */
public record ParsedRecord(
    RecordPosition position,
    Patient patient,
    List<FieldProblem> problems,
    int unknownFields,
    String raw)
    implements SourceRecord {

  public ParsedRecord {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(patient, "patient");
    problems = List.copyOf(problems);
    Objects.requireNonNull(raw, "raw");
  }
}
