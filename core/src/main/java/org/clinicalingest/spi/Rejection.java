package org.clinicalingest.spi;

import java.util.List;
import java.util.Objects;

/**
 * A record that was quarantined instead of written, with where it was and why.
 *
 * <p>Holds ids and positions, never field values; {@code raw} is empty unless the host asked for
 * raw records in quarantine.
 *
 * @param position where the top-level record holding it starts
 * @param kind patient, encounter or observation
 * @param recordId the record's id, or empty when it is unknown
 * @param path JSON path of the record inside the top-level record, e.g. {@code encounters[1]};
 *     empty for a patient
 * @param reasons why it was rejected, at least one
 * @param raw the raw top-level record when captured, otherwise empty
 */
public record Rejection(
    RecordPosition position,
    RecordKind kind,
    String recordId,
    String path,
    List<String> reasons,
    String raw) {

  public Rejection {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(path, "path");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one reason");
    }
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * One line for logs and messages: {@code record 1532, line 1533: observation obs-77: effective_at
   * must not be in the future}.
   */
  public String describe() {
    String id = recordId.isEmpty() ? "" : " " + recordId;
    return position.describe() + ": " + kind.label() + id + ": " + String.join("; ", reasons);
  }
}
