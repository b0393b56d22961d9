package org.clinicalingest.examples.generate;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.clinicalingest.RecordCounts;
import org.clinicalingest.spi.PhiType;

/**
 * Generates synthetic clinical data in the format of FORMAT.md, with PHI of every category in the
 * notes, and a gold file listing every PHI string (and every clinical phrase to keep) it put there,
 * with exact offsets.
 *
 * <p>Output is streamed patient by patient, so files of many gigabytes take constant memory. The
 * same options and seed give byte-identical files. Names are drawn from US census and NYC baby name
 * frequencies; addresses, phone numbers, SSNs and ids have realistic shapes; observations use LOINC
 * codes with plausible values and UCUM units; notes are composed from many sentence templates,
 * sometimes in ALL CAPS, lower case or nursing shorthand, and mix PHI with eponyms and numbers that
 * are not PHI ("Parkinson disease", "BP 120/80"). On request a share of records is made invalid
 * (see {@link Defect}) and some patients are repeated verbatim.
 *
 * <pre>{@code
 * SyntheticDataGenerator generator = SyntheticDataGenerator.builder()
 *     .patients(100_000)
 *     .seed(42)
 *     .ndjson(true)
 *     .invalidRate(0.01)
 *     .build();
 * GenerationSummary summary =
 *     generator.write(Path.of("patients.ndjson.gz"), Path.of("patients.gold.jsonl"));
 * System.out.print(summary.table());
 * }</pre>
 *
 * <p>Immutable and thread-safe; concurrent {@code write} calls are independent.
 */
public final class SyntheticDataGenerator {

  private static final long DUPLICATE_SALT = 0x647570L;
  private static final int DUPLICATE_WINDOW = 1000;
  private static final byte[] NEWLINE = {'\n'};
  private static final byte[] ARRAY_START = "[\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ARRAY_SEPARATOR = ",\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ARRAY_END = "\n]\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY_ARRAY = "[]\n".getBytes(StandardCharsets.US_ASCII);

  private final long patients;
  private final long seed;
  private final boolean ndjson;
  private final int minEncounters;
  private final int maxEncounters;
  private final int minObservations;
  private final int maxObservations;
  private final double invalidRate;
  private final double duplicateRate;
  private final double notesRate;
  private final int threads;

  private SyntheticDataGenerator(Builder builder) {
    patients = builder.patients;
    seed = builder.seed;
    ndjson = builder.ndjson;
    minEncounters = builder.minEncounters;
    maxEncounters = builder.maxEncounters;
    minObservations = builder.minObservations;
    maxObservations = builder.maxObservations;
    invalidRate = builder.invalidRate;
    duplicateRate = builder.duplicateRate;
    notesRate = builder.notesRate;
    threads = builder.threads;
  }

  /** A builder with the defaults: 1,000 patients, seed 1, a JSON array, no invalid records. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this generator's options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.patients = patients;
    builder.seed = seed;
    builder.ndjson = ndjson;
    builder.minEncounters = minEncounters;
    builder.maxEncounters = maxEncounters;
    builder.minObservations = minObservations;
    builder.maxObservations = maxObservations;
    builder.invalidRate = invalidRate;
    builder.duplicateRate = duplicateRate;
    builder.notesRate = notesRate;
    builder.threads = threads;
    return builder;
  }

  /**
   * Writes the data to {@code out} and the gold lines to {@code gold}, each gzip-compressed if its
   * name ends in {@code .gz}; existing files are replaced.
   *
   * @return counts of what was written
   * @throws UncheckedIOException if a file cannot be written
   */
  public GenerationSummary write(Path out, Path gold) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(gold, "gold");
    try (CountingStream dataFile = new CountingStream(Files.newOutputStream(out));
        OutputStream data = open(out, dataFile);
        OutputStream goldStream = open(gold, Files.newOutputStream(gold))) {
      GenerationSummary summary = generate(data, goldStream);
      data.close();
      return withBytes(summary, dataFile.count);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write synthetic data to " + out + " or " + gold, e);
    }
  }

  /**
   * Writes the data to {@code out}, gzip-compressed if its name ends in {@code .gz}, without a gold
   * file (which saves about half of the work); an existing file is replaced. The counts of PHI in
   * the summary are those a gold file would have.
   *
   * @return counts of what was written
   * @throws UncheckedIOException if the file cannot be written
   */
  public GenerationSummary write(Path out) {
    Objects.requireNonNull(out, "out");
    try (CountingStream dataFile = new CountingStream(Files.newOutputStream(out));
        OutputStream data = open(out, dataFile)) {
      GenerationSummary summary = generate(data, null);
      data.close();
      return withBytes(summary, dataFile.count);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write synthetic data to " + out, e);
    }
  }

  /**
   * Writes uncompressed data to {@code data} and gold lines to {@code gold}. The streams are
   * flushed, not closed.
   *
   * @return counts of what was written
   * @throws UncheckedIOException if a stream fails
   */
  public GenerationSummary write(OutputStream data, OutputStream gold) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(gold, "gold");
    try {
      OutputStream bufferedData = new BufferedOutputStream(data, 256 * 1024);
      OutputStream bufferedGold = new BufferedOutputStream(gold, 256 * 1024);
      GenerationSummary summary = generate(bufferedData, bufferedGold);
      return withBytes(summary, summary.jsonBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write synthetic data to a stream", e);
    }
  }

  /**
   * A buffered stream to the file; for {@code .gz} a gzip stream at the fastest level (2.4 times
   * faster than the default level for files about a quarter larger), on a thread of its own.
   */
  private OutputStream open(Path path, OutputStream file) throws IOException {
    if (!path.getFileName().toString().endsWith(".gz")) {
      return new BufferedOutputStream(file, 256 * 1024);
    }
    OutputStream gzip =
        new GZIPOutputStream(file, 256 * 1024) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        };
    if (threads == 1) {
      return new BufferedOutputStream(gzip, 256 * 1024);
    }
    return new BackgroundOutputStream(gzip, "synthetic-gzip-" + path.getFileName());
  }

  private static GenerationSummary withBytes(GenerationSummary summary, long bytes) {
    return new GenerationSummary(
        summary.records(),
        summary.duplicates(),
        summary.invalid(),
        summary.expectedQuarantined(),
        summary.defects(),
        summary.phiItems(),
        summary.keepPhrases(),
        summary.notes(),
        bytes,
        summary.jsonBytes(),
        summary.elapsed());
  }

  private PatientWriter newWriter() {
    return new PatientWriter(
        seed,
        minEncounters,
        maxEncounters,
        minObservations,
        maxObservations,
        invalidRate,
        notesRate);
  }

  /** Writes the patients to {@code data} and, unless it is null, the gold lines to {@code gold}. */
  private GenerationSummary generate(OutputStream data, OutputStream gold) throws IOException {
    long started = System.nanoTime();
    Rng duplicates = new Rng(Rng.mix(seed, DUPLICATE_SALT));
    PatientWriter duplicateWriter = duplicateRate > 0 ? newWriter() : null;
    PatientStats totals = new PatientStats();
    long[] duplicateRecords = new long[3];
    long jsonBytes = 0;
    long emitted = 0;
    try (PatientBatches batches =
        new PatientBatches(patients, gold != null, threads, this::newWriter)) {
      for (PatientBatches.Batch batch = batches.next(); batch != null; batch = batches.next()) {
        for (int number = 0; number < batch.count; number++) {
          int start = batch.start(number);
          jsonBytes += emit(batch.data, start, batch.ends[number] - start, data, emitted++ == 0);
          if (duplicateWriter != null && duplicates.chance(duplicateRate)) {
            long index = batch.first + number;
            long original = index - duplicates.nextLong(Math.min(index + 1, DUPLICATE_WINDOW));
            duplicateWriter.write(original, false);
            PatientStats copy = duplicateWriter.stats();
            if (copy.clean()) {
              ByteSink json = duplicateWriter.data();
              jsonBytes += emit(json, 0, json.size(), data, false);
              for (int kind = 0; kind < 3; kind++) {
                totals.records[kind] += copy.records[kind];
                duplicateRecords[kind] += copy.records[kind];
              }
            }
          }
        }
        if (gold != null) {
          batch.gold.writeTo(gold);
        }
        totals.add(batch.stats);
        batches.recycle(batch);
      }
    }
    byte[] end = ndjson ? new byte[0] : emitted == 0 ? EMPTY_ARRAY : ARRAY_END;
    data.write(end);
    jsonBytes += end.length;
    data.flush();
    if (gold != null) {
      gold.flush();
    }
    return summary(totals, duplicateRecords, jsonBytes, System.nanoTime() - started);
  }

  /** Writes one patient with the separator the shape needs; returns the bytes written. */
  private long emit(ByteSink json, int offset, int length, OutputStream data, boolean first)
      throws IOException {
    if (ndjson) {
      json.writeTo(data, offset, length);
      data.write(NEWLINE);
      return length + 1L;
    }
    byte[] separator = first ? ARRAY_START : ARRAY_SEPARATOR;
    data.write(separator);
    json.writeTo(data, offset, length);
    return separator.length + (long) length;
  }

  private static GenerationSummary summary(
      PatientStats totals, long[] duplicateRecords, long jsonBytes, long nanos) {
    Map<Defect, Long> defects = new EnumMap<>(Defect.class);
    for (Defect defect : Defect.values()) {
      if (totals.defects[defect.ordinal()] > 0) {
        defects.put(defect, totals.defects[defect.ordinal()]);
      }
    }
    Map<PhiType, Long> phi = new EnumMap<>(PhiType.class);
    for (PhiType type : PhiType.values()) {
      if (totals.phi[type.ordinal()] > 0) {
        phi.put(type, totals.phi[type.ordinal()]);
      }
    }
    return new GenerationSummary(
        counts(totals.records),
        counts(duplicateRecords),
        counts(totals.invalid),
        counts(totals.quarantined),
        defects,
        phi,
        totals.keep,
        totals.notes,
        jsonBytes,
        jsonBytes,
        Duration.ofNanos(nanos));
  }

  /** Counts the bytes that reach the file. */
  private static final class CountingStream extends FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int value) throws IOException {
      out.write(value);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }

  /**
   * Options of a {@link SyntheticDataGenerator}. Each setter checks its value at once and throws
   * {@link IllegalArgumentException} naming the option. Not thread-safe.
   */
  public static final class Builder {
    private long patients = 1000;
    private long seed = 1;
    private boolean ndjson;
    private int minEncounters = 1;
    private int maxEncounters = 5;
    private int minObservations = 1;
    private int maxObservations = 7;
    private double invalidRate;
    private double duplicateRate;
    private double notesRate = 0.9;
    private int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    /** Number of distinct patients, at least 0 (default 1,000). */
    public Builder patients(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("patients must be >= 0, was " + count);
      }
      patients = count;
      return this;
    }

    /** Seed of all random choices (default 1). */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** One patient object per line instead of a JSON array (default false). */
    public Builder ndjson(boolean value) {
      ndjson = value;
      return this;
    }

    /**
     * Encounters per patient, drawn uniformly from {@code [min, max]}, {@code 0 <= min <= max <=
     * 255} (default 1 to 5, average 3).
     */
    public Builder encountersPerPatient(int min, int max) {
      checkRange("encountersPerPatient", min, max);
      minEncounters = min;
      maxEncounters = max;
      return this;
    }

    /**
     * Observations per encounter, drawn uniformly from {@code [min, max]}, {@code 0 <= min <= max
     * <= 255} (default 1 to 7, average 4, so about 12 per patient).
     */
    public Builder observationsPerEncounter(int min, int max) {
      checkRange("observationsPerEncounter", min, max);
      minObservations = min;
      maxObservations = max;
      return this;
    }

    /**
     * Probability that a record gets a {@link Defect} of its kind, in {@code [0, 1]} (default 0).
     * Applied to each patient, encounter and observation independently.
     */
    public Builder invalidRate(double rate) {
      invalidRate = checkRate("invalidRate", rate);
      return this;
    }

    /**
     * Probability that a patient is followed by a verbatim copy of a recent valid patient, in
     * {@code [0, 1]} (default 0). Copies come on top of {@link #patients(long)}.
     */
    public Builder duplicateRate(double rate) {
      duplicateRate = checkRate("duplicateRate", rate);
      return this;
    }

    /**
     * Probability that an observation has a {@code notes} text, in {@code [0, 1]} (default 0.9).
     */
    public Builder notesRate(double rate) {
      notesRate = checkRate("notesRate", rate);
      return this;
    }

    /**
     * Threads that generate patients, at least 1 (default: the processors, at most 4). With more
     * than one, {@code .gz} files are also compressed on threads of their own. The output does not
     * depend on this option.
     */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be >= 1, was " + count);
      }
      threads = count;
      return this;
    }

    private static void checkRange(String option, int min, int max) {
      if (min < 0 || max < min || max > 255) {
        throw new IllegalArgumentException(
            option + " must satisfy 0 <= min <= max <= 255, was " + min + ".." + max);
      }
    }

    private static double checkRate(String option, double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(option + " must be in [0, 1], was " + rate);
      }
      return rate;
    }

    /** A generator with these options. */
    public SyntheticDataGenerator build() {
      return new SyntheticDataGenerator(this);
    }
  }

  private static RecordCounts counts(long[] byKind) {
    return new RecordCounts(byKind[0], byKind[1], byKind[2]);
  }
}
