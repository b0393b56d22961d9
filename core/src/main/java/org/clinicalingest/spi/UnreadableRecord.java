package org.clinicalingest.spi;

import java.util.Objects;

/**
 * A record that could not be read at all but did not stop the file: it is quarantined as a patient
 * record whose id is unknown.
 *
 * @param position where the record starts
 * @param reason why it could not be read, without its content
 * @param raw the raw record text when captured, otherwise empty
 */
public record UnreadableRecord(RecordPosition position, String reason, String raw)
    implements SourceRecord {

  public UnreadableRecord {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raw, "raw");
  }
}
