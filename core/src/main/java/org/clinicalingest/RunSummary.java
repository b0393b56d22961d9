package org.clinicalingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinicalingest.spi.PhiType;

/**
 * What a run did. Every record read ends either written or quarantined: {@code read == written +
 * quarantined} for every kind ({@link #isBalanced()}).
 *
 * <p>{@code written} counts records accepted and written, including those later replaced by a
 * record with the same id in the same run; {@code duplicates} counts how many written records
 * replaced an earlier one, so a table holds {@code written - duplicates} rows from this run.
 *
 * @param runId the run's id, also stored with its quarantine rows
 * @param sources the source files, in the order read
 * @param elapsed wall-clock time of the run
 * @param read records read, by kind
 * @param written records written, by kind
 * @param quarantined records quarantined, by kind
 * @param duplicates written records whose id had already been written in this run
 * @param unknownFields fields not in FORMAT.md, ignored
 * @param redactedSpans spans redacted in free text, by type
 * @param stageTimes time spent in each stage, summed over threads
 * @param bytesRead bytes consumed from the source files
 * @param alreadyCommitted top-level records skipped by a resumed run because an earlier run
 *     committed them; they are not counted in {@code read}
 * @param quarantineReasons how often each reason was given for quarantining a record in this run,
 *     keyed by kind and reason ({@code observation: code is required}), most frequent first; a
 *     record may give several reasons. At most {@link #MAX_QUARANTINE_REASONS} distinct reasons are
 *     kept: those first seen after that are counted together under {@link
 *     #OTHER_QUARANTINE_REASONS}, the last entry. Reasons name fields and rules, never values, as
 *     in the quarantine table.
 */
public record RunSummary(
    String runId,
    List<String> sources,
    Duration elapsed,
    RecordCounts read,
    RecordCounts written,
    RecordCounts quarantined,
    RecordCounts duplicates,
    long unknownFields,
    Map<PhiType, Long> redactedSpans,
    Map<Stage, Duration> stageTimes,
    long bytesRead,
    long alreadyCommitted,
    Map<String, Long> quarantineReasons) {

  /** The most distinct reasons {@link #quarantineReasons()} counts one by one. */
  public static final int MAX_QUARANTINE_REASONS = 50;

  /** The key of {@link #quarantineReasons()} that counts the reasons beyond those kept. */
  public static final String OTHER_QUARANTINE_REASONS = "(other reasons)";

  public RunSummary {
    sources = List.copyOf(sources);
    redactedSpans = Collections.unmodifiableMap(copy(redactedSpans, PhiType.class, 0L));
    stageTimes = Collections.unmodifiableMap(copy(stageTimes, Stage.class, Duration.ZERO));
    quarantineReasons = Collections.unmodifiableMap(new LinkedHashMap<>(quarantineReasons));
  }

  /** Whether {@code read == written + quarantined} for every kind. */
  public boolean isBalanced() {
    return read.equals(written.plus(quarantined));
  }

  /** Records of all kinds read per second of wall-clock time. */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : read.total() / seconds;
  }

  /** The summary as one JSON object with snake_case keys, for files and machines. */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("run_id", runId);
      json.writeArrayFieldStart("sources");
      for (String source : sources) {
        json.writeString(source);
      }
      json.writeEndArray();
      json.writeNumberField("elapsed_ms", elapsed.toMillis());
      json.writeNumberField("records_per_second", Math.round(recordsPerSecond()));
      json.writeNumberField("bytes_read", bytesRead);
      json.writeNumberField("already_committed", alreadyCommitted);
      writeCounts(json, "read", read);
      writeCounts(json, "written", written);
      writeCounts(json, "quarantined", quarantined);
      writeCounts(json, "duplicates", duplicates);
      json.writeBooleanField("balanced", isBalanced());
      json.writeNumberField("unknown_fields", unknownFields);
      json.writeObjectFieldStart("quarantine_reasons");
      for (Map.Entry<String, Long> entry : quarantineReasons.entrySet()) {
        json.writeNumberField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      json.writeObjectFieldStart("redacted_spans");
      for (Map.Entry<PhiType, Long> entry : redactedSpans.entrySet()) {
        json.writeNumberField(entry.getKey().name(), entry.getValue());
      }
      json.writeEndObject();
      json.writeObjectFieldStart("stage_ms");
      for (Map.Entry<Stage, Duration> entry : stageTimes.entrySet()) {
        json.writeNumberField(
            entry.getKey().name().toLowerCase(Locale.ROOT), entry.getValue().toMillis());
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeCounts(JsonGenerator json, String name, RecordCounts counts)
      throws IOException {
    json.writeObjectFieldStart(name);
    json.writeNumberField("patients", counts.patients());
    json.writeNumberField("encounters", counts.encounters());
    json.writeNumberField("observations", counts.observations());
    json.writeNumberField("total", counts.total());
    json.writeEndObject();
  }

  private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> values, Class<K> type, V zero) {
    Map<K, V> copy = new EnumMap<>(type);
    for (K key : type.getEnumConstants()) {
      copy.put(key, values.getOrDefault(key, zero));
    }
    return copy;
  }
}
