package org.clinicalingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.Table;
import org.clinicalingest.testing.RecordingWriter;

/**
 * Builds hostile inputs byte by byte in each shape, knowing where every record starts, and reads
 * back what a {@link RecordingWriter} received, so that a test can check positions and the
 * accounting even of a run that failed.
 */
final class HostileFixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private HostileFixtures() {}

  /** The three shapes of FORMAT.md, each joining records into a file's content. */
  enum Layout {
    NDJSON("", "\n", "\n", ".ndjson"),
    ARRAY("[\n", ",\n", "\n]\n", ".json"),
    WRAPPED("{\"patients\": [\n", ",\n", "\n], \"source\": \"hostile tests\"}\n", ".json");

    private final byte[] prefix;
    private final byte[] separator;
    private final byte[] suffix;
    private final String extension;

    Layout(String prefix, String separator, String suffix, String extension) {
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.separator = separator.getBytes(StandardCharsets.UTF_8);
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
      this.extension = extension;
    }

    /** The records, as bytes, laid out in this shape. */
    Content join(List<byte[]> records) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long[] offsets = new long[records.size()];
      out.writeBytes(prefix);
      for (int i = 0; i < records.size(); i++) {
        if (i > 0) {
          out.writeBytes(separator);
        }
        offsets[i] = out.size();
        out.writeBytes(records.get(i));
      }
      out.writeBytes(suffix);
      return new Content(out.toByteArray(), offsets, records);
    }

    /** The records, as text, laid out in this shape. */
    Content joinText(List<String> records) {
      return join(records.stream().map(HostileFixtures::utf8).toList());
    }

    /** A file name of this shape. */
    String fileName(String stem) {
      return stem + extension;
    }
  }

  /** A file's content and where each record starts in it. */
  record Content(byte[] bytes, long[] offsets, List<byte[]> records) {

    /** Zero-based byte offset of record {@code index}. */
    long offset(int index) {
      return offsets[index];
    }

    /** Offset just after the last byte of record {@code index}. */
    long end(int index) {
      return offsets[index] + records.get(index).length;
    }

    /** One-based line on which record {@code index} starts. */
    long line(int index) {
      long line = 1;
      for (int i = 0; i < offsets[index]; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return line;
    }

    /** The content cut off after {@code length} bytes. */
    byte[] truncated(long length) {
      return Arrays.copyOf(bytes, (int) length);
    }
  }

  /**
   * A valid patient {@code MRN-nnn} with encounter {@code enc-n} holding observation {@code obs-n}.
   */
  static String patient(int number) {
    return IngestionPipelineTest.patient(
        id(number),
        "Given",
        "Family",
        IngestionPipelineTest.encounter(
            "enc-" + number, IngestionPipelineTest.observation("obs-" + number, "Stable.")));
  }

  /** The id of {@link #patient(int)}. */
  static String id(int number) {
    return String.format("MRN-%03d", number);
  }

  /** The ids of patients {@code 0} to {@code count - 1}. */
  static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(id(i));
    }
    return ids;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The parts one after another. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Bytes given in hex, e.g. {@code "C3 28"}. */
  static byte[] hex(String hex) {
    String[] digits = hex.trim().split("\\s+");
    byte[] bytes = new byte[digits.length];
    for (int i = 0; i < digits.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits[i], 16);
    }
    return bytes;
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Path write(Path directory, String name, byte[] content) {
    try {
      return Files.write(directory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pipeline over {@code writer} with the fixed clock, two threads and small chunks. */
  static IngestionPipeline pipeline(RecordingWriter writer, JsonInputFormat format) {
    return IngestionPipeline.builder()
        .writer(writer)
        .inputFormat(format)
        .clock(CLOCK)
        .threads(2)
        .chunkRows(4)
        .build();
  }

  /** Data rows the writer was given over all chunks, by kind (duplicates within a chunk aside). */
  static RecordCounts writtenRows(RecordingWriter writer) {
    long[] counts = new long[3];
    for (Chunk chunk : writer.chunks()) {
      counts[0] += chunk.rows(Table.PATIENTS).size();
      counts[1] += chunk.rows(Table.ENCOUNTERS).size();
      counts[2] += chunk.rows(Table.OBSERVATIONS).size();
    }
    return new RecordCounts(counts[0], counts[1], counts[2]);
  }

  /** Quarantine rows the writer was given, by kind. */
  static RecordCounts quarantinedRows(RecordingWriter writer) {
    long[] counts = new long[3];
    for (Quarantined row : quarantined(writer)) {
      switch (row.kind()) {
        case "patient" -> counts[0]++;
        case "encounter" -> counts[1]++;
        case "observation" -> counts[2]++;
        default -> throw new AssertionError("unknown record kind " + row.kind());
      }
    }
    return new RecordCounts(counts[0], counts[1], counts[2]);
  }

  /** The quarantine rows the writer was given, in order. */
  static List<Quarantined> quarantined(RecordingWriter writer) {
    return writer.quarantineRows().stream().map(Quarantined::of).toList();
  }

  /** The value of {@code column} in a row of {@code table}. */
  static Object value(Table table, Row row, String column) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(column)) {
        return row.values().get(i);
      }
    }
    throw new IllegalArgumentException(column);
  }

  /** One quarantine row, read back. */
  record Quarantined(
      long recordIndex,
      long line,
      long byteOffset,
      String kind,
      String recordId,
      String path,
      List<String> reasons) {

    static Quarantined of(Row row) {
      List<String> reasons =
          ((List<?>) value(Table.QUARANTINE, row, "reasons"))
              .stream().map(String.class::cast).toList();
      return new Quarantined(
          (Long) value(Table.QUARANTINE, row, "record_index"),
          (Long) value(Table.QUARANTINE, row, "line"),
          (Long) value(Table.QUARANTINE, row, "byte_offset"),
          (String) value(Table.QUARANTINE, row, "record_kind"),
          (String) value(Table.QUARANTINE, row, "record_id"),
          (String) value(Table.QUARANTINE, row, "path"),
          reasons);
    }
  }
}
