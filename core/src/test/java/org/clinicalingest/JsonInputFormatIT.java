package org.clinicalingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinicalingest.internal.read.SyntheticPatients;
import org.clinicalingest.internal.read.SyntheticPatients.Layout;
import org.clinicalingest.spi.ParsedRecord;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Streams files far larger than any buffer of the reader, as a guard that nothing accumulates per
 * record: every record must come back parsed, in order, with the file fully consumed.
 */
class JsonInputFormatIT {
  private static final int PATIENTS = 40_000;

  @TempDir Path directory;

  @ParameterizedTest
  @CsvSource({
    "NDJSON, false, true",
    "ARRAY, false, false",
    "WRAPPED, false, true",
    "NDJSON, true, false"
  })
  void streamsLargeFileRecordByRecord(Layout layout, boolean gzip, boolean captureRaw)
      throws Exception {
    Path path =
        SyntheticPatients.write(directory.resolve("large-" + layout), PATIENTS, layout, gzip);
    if (!gzip) {
      assertThat(Files.size(path)).isGreaterThan(50L * 1024 * 1024);
    }

    long count = 0;
    long encounters = 0;
    try (RecordReader reader = JsonInputFormat.defaults().open(path, captureRaw)) {
      for (Optional<SourceRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        ParsedRecord record = (ParsedRecord) next.get();
        assertThat(record.position().recordIndex()).isEqualTo(count);
        assertThat(record.patient().patientId()).isEqualTo("MRN-" + count);
        assertThat(record.problems()).isEmpty();
        assertThat(record.unknownFields()).isEqualTo(1);
        assertThat(record.raw().isEmpty()).isNotEqualTo(captureRaw);
        encounters += record.patient().encounters().size();
        count++;
      }
      assertThat(reader.bytesRead()).isEqualTo(reader.totalBytes()).isEqualTo(Files.size(path));
    }

    assertThat(count).isEqualTo(PATIENTS);
    assertThat(encounters).isBetween(2L * PATIENTS, 4L * PATIENTS);
  }
}
