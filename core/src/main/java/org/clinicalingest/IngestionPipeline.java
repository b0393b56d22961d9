package org.clinicalingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.clinicalingest.internal.pipeline.PipelineRunner;
import org.clinicalingest.internal.pipeline.PipelineRunner.PipelineSettings;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.InputFormat;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.QuarantineSink;

/**
 * Streams clinical JSON files into a store: read, validate, redact, write, with every record
 * accounted for.
 *
 * <pre>{@code
 * IngestionPipeline pipeline = IngestionPipeline.builder()
 *     .redactor(CoreNlpRedactor.builder().threads(4).build())
 *     .writer(DuckDbAppenderWriter.builder(Path.of("clinical.duckdb")).build())
 *     .chunkRows(10_000)
 *     .build();
 *
 * try (pipeline) {
 *   RunSummary summary = pipeline.run(Path.of("patients.ndjson.gz"));
 * }
 * }</pre>
 *
 * <p>Records are read in chunks of about {@code chunkRows} rows; invalid records are quarantined
 * (the smallest invalid unit, with its position and reasons) and the run goes on. Structured PHI is
 * redacted by the {@link RedactionPolicy}, free text by pattern recognisers, by the patient's own
 * names and identifiers wherever they appear in that patient's notes, and by the optional
 * named-entity {@link NerRedactor}, before anything is written or logged. The recogniser is told of
 * the spans the first two found ({@link NerRedactor#redactAll(java.util.List, java.util.List)}), so
 * that it may skip what they cover.
 *
 * <p>Memory: at most {@code threads + 2} chunks are between the reader and the writer, so the input
 * streams through whatever its size. What a run keeps for its whole length is the ids it has
 * written, as 64-bit hashes (11 to 21 bytes a row), to count duplicates and to order writes: about
 * 176 MB for 9 million rows. Once a twentieth of the input is read, a run whose ids are projected
 * to need more than half the heap logs a warning. A thread of the run that dies of an {@link
 * OutOfMemoryError} can leave {@link #run} waiting for its work; a host should end the JVM on that
 * error (as the command line does, or with {@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Immutable and thread-safe; runs may follow one another. {@link #close()} closes the writer,
 * the redactor and the quarantine sink it was given.
 */
public final class IngestionPipeline implements AutoCloseable {
  private final Builder builder;

  private IngestionPipeline(Builder builder) {
    this.builder = builder.copy();
  }

  /** Returns a builder with the defaults: JSON input, Safe Harbor policy, no NER. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this pipeline's parts and options, to make a variant. */
  public Builder toBuilder() {
    return builder.copy();
  }

  /**
   * Ingests the files in order.
   *
   * @return what the run read, wrote and quarantined
   * @throws ReadException if a file cannot be read on; chunks before the failure stay committed
   * @throws RedactionException if the named-entity recogniser fails
   * @throws WriteException if the store fails
   */
  public RunSummary run(Path... sources) {
    return run(List.of(sources));
  }

  /**
   * Ingests the files in order.
   *
   * @see #run(Path...)
   */
  public RunSummary run(List<Path> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("run needs at least one source file");
    }
    return new PipelineRunner(settings()).run(List.copyOf(sources));
  }

  private PipelineSettings settings() {
    return new PipelineSettings(
        builder.format,
        builder.policy,
        builder.redactor,
        builder.writer,
        builder.quarantineSink,
        builder.quarantineRawRecords,
        builder.resume,
        builder.chunkRows,
        builder.threads,
        builder.progressListener,
        builder.clock);
  }

  /** Closes the writer, the redactor and the quarantine sink. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable part :
        new AutoCloseable[] {builder.writer, builder.redactor, builder.quarantineSink}) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IngestException("closing " + part.getClass().getName() + " failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Builds an {@link IngestionPipeline}; not thread-safe. A writer is required. */
  public static final class Builder {
    private InputFormat format = JsonInputFormat.defaults();
    private RedactionPolicy policy = RedactionPolicy.safeHarbor();
    private NerRedactor redactor;
    private BulkWriter writer;
    private QuarantineSink quarantineSink;
    private boolean quarantineRawRecords;
    private boolean resume;
    private int chunkRows = 10_000;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ProgressListener progressListener;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.format = format;
      copy.policy = policy;
      copy.redactor = redactor;
      copy.writer = writer;
      copy.quarantineSink = quarantineSink;
      copy.quarantineRawRecords = quarantineRawRecords;
      copy.resume = resume;
      copy.chunkRows = chunkRows;
      copy.threads = threads;
      copy.progressListener = progressListener;
      copy.clock = clock;
      return copy;
    }

    /** The input format; default {@link JsonInputFormat#defaults()}. */
    public Builder inputFormat(InputFormat format) {
      this.format = Objects.requireNonNull(format, "inputFormat");
      return this;
    }

    /**
     * How structured fields and free-text spans are redacted; default {@link
     * RedactionPolicy#safeHarbor()}.
     */
    public Builder policy(RedactionPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** A named-entity recogniser for names in free text; none by default. */
    public Builder redactor(NerRedactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** The store to write to; required. */
    public Builder writer(BulkWriter writer) {
      this.writer = Objects.requireNonNull(writer, "writer");
      return this;
    }

    /** Also sends every rejected record to this sink, besides the writer's quarantine table. */
    public Builder quarantineSink(QuarantineSink sink) {
      this.quarantineSink = Objects.requireNonNull(sink, "quarantineSink");
      return this;
    }

    /**
     * Keeps the raw text of rejected records in quarantine. Off by default: raw records hold
     * unredacted PHI; turn it on only where the quarantine is protected like the source.
     */
    public Builder quarantineRawRecords(boolean enabled) {
      this.quarantineRawRecords = enabled;
      return this;
    }

    /**
     * Continues an interrupted run: records of each source that the writer's checkpoints show
     * committed are skipped, and the earlier run's id is kept. Off by default; a plain rerun is
     * idempotent anyway, only slower. A source that changed since (size, modification time or
     * content of its head) is ingested in full.
     */
    public Builder resume(boolean enabled) {
      this.resume = enabled;
      return this;
    }

    /** Target rows per chunk, patients, encounters and observations together; default 10,000. */
    public Builder chunkRows(int rows) {
      if (rows <= 0) {
        throw new IllegalArgumentException("chunkRows must be > 0, was " + rows);
      }
      this.chunkRows = rows;
      return this;
    }

    /**
     * Worker threads for validation and redaction; default the available processors. Each chunk is
     * prepared by one worker, and workers with no chunk of their own help redact the free texts of
     * the others (a run of one chunk, the last chunks of a run).
     */
    public Builder threads(int threads) {
      if (threads <= 0) {
        throw new IllegalArgumentException("threads must be > 0, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Receives progress after each chunk is written. */
    public Builder progressListener(ProgressListener listener) {
      this.progressListener = Objects.requireNonNull(listener, "progressListener");
      return this;
    }

    /** The clock for "not in the future" rules, ages and timestamps; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @throws IllegalStateException if no writer was set
     */
    public IngestionPipeline build() {
      if (writer == null) {
        throw new IllegalStateException("a writer is required: call writer(...) before build()");
      }
      return new IngestionPipeline(this);
    }
  }
}
