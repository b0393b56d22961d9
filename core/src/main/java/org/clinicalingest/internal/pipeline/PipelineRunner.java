package org.clinicalingest.internal.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicalingest.IngestException;
import org.clinicalingest.Progress;
import org.clinicalingest.ProgressListener;
import org.clinicalingest.ReadException;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.RunSummary;
import org.clinicalingest.Stage;
import org.clinicalingest.internal.redact.FieldRedactor;
import org.clinicalingest.internal.validate.RecordValidator;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.InputFormat;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.QuarantineSink;
import org.clinicalingest.spi.RecordRange;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingestion: a reader thread streams the sources into batches, worker threads validate and
 * redact them, and the calling thread commits them in order.
 *
 * <p>A semaphore bounds the batches in flight (read but not yet committed), so memory stays bounded
 * whatever the file size and a slow writer or recogniser slows the reader down instead of filling
 * the heap. The first failure in any thread stops the others and is rethrown; batches committed
 * before it stay committed.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
  private static final CompletableFuture<PreparedBatch> END =
      CompletableFuture.completedFuture(null);

  private final PipelineSettings settings;

  /** Creates a runner; it holds no threads until {@link #run} is called. */
  public PipelineRunner(PipelineSettings settings) {
    this.settings = settings;
  }

  /** Ingests the sources in order and returns the run's summary. */
  public RunSummary run(List<Path> sources) {
    long startNanos = System.nanoTime();
    List<SourcePlan> plans = plan(sources);
    String runId =
        plans.stream()
            .map(SourcePlan::earlierRunId)
            .filter(id -> !id.isEmpty())
            .findFirst()
            .orElseGet(() -> UUID.randomUUID().toString());
    long totalBytes = totalBytes(sources);
    StageTimes times = new StageTimes();
    Clock clock = settings.clock();
    RedactionPolicy policy = settings.policy();
    ExecutorService workers =
        Executors.newFixedThreadPool(settings.threads(), threads("clinical-ingest-worker"));
    RecordProcessor processor =
        new RecordProcessor(
            new RecordValidator(clock),
            new RowMapper(new FieldRedactor(policy, clock)),
            new FreeTextRedaction(
                settings.ner(),
                policy,
                times::add,
                new SharedLoop(workers, settings.threads() - 1)),
            times);
    ChunkCommitter committer =
        new ChunkCommitter(runId, settings.writer(), settings.quarantineSink(), clock, times);
    AtomicLong bytesRead = new AtomicLong();
    AtomicLong alreadyCommitted = new AtomicLong();

    LOG.info("run {} started: {} source(s), {} bytes", runId, sources.size(), totalBytes);
    BlockingQueue<Future<PreparedBatch>> inOrder = new LinkedBlockingQueue<>();
    Semaphore inFlight = new Semaphore(settings.threads() + 2);
    Thread reader =
        threads("clinical-ingest-reader")
            .newThread(
                () ->
                    read(
                        plans,
                        processor,
                        workers,
                        inOrder,
                        inFlight,
                        bytesRead,
                        alreadyCommitted,
                        times));
    reader.start();
    OrderedWrites writes =
        new OrderedWrites(
            committer,
            settings.writer().maxConcurrentWrites(),
            threads("clinical-ingest-writer"),
            written -> {
              inFlight.release();
              reportProgress(committer, bytesRead.get(), totalBytes, startNanos);
            });
    IdMemoryForecast idMemory = new IdMemoryForecast(totalBytes, Runtime.getRuntime().maxMemory());
    try (writes) {
      while (true) {
        PreparedBatch prepared = nextPrepared(inOrder, writes);
        if (prepared == null) {
          break;
        }
        writes.submit(prepared);
        idMemory
            .check(bytesRead.get(), committer.rememberedIds())
            .ifPresent(warning -> LOG.warn("run {}: {}", runId, warning));
      }
      writes.completeAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("run " + runId + " was interrupted", e);
    } finally {
      reader.interrupt();
      workers.shutdownNow();
      joinQuietly(reader);
    }

    RunSummary summary =
        new RunSummary(
            runId,
            sources.stream().map(Path::toString).toList(),
            Duration.ofNanos(System.nanoTime() - startNanos),
            committer.read(),
            committer.written(),
            committer.quarantined(),
            committer.duplicates(),
            committer.unknownFields(),
            committer.spanCounts(),
            times.snapshot(),
            bytesRead.get(),
            alreadyCommitted.get(),
            committer.quarantineReasons());
    LOG.info(
        "run {} finished: read {}, written {}, quarantined {}, duplicates {}",
        runId,
        summary.read().total(),
        summary.written().total(),
        summary.quarantined().total(),
        summary.duplicates().total());
    return summary;
  }

  /**
   * Identifies each source and, when resuming, reads what the store already holds of it. Without
   * resume nothing is skipped: a plain rerun writes everything again, idempotently.
   */
  private List<SourcePlan> plan(List<Path> sources) {
    List<SourcePlan> plans = new ArrayList<>();
    for (Path source : sources) {
      String key = SourceIdentity.keyOf(source);
      Optional<SourceCheckpoint> checkpoint =
          settings.resume() ? settings.writer().checkpoint(key) : Optional.empty();
      plans.add(
          new SourcePlan(
              source,
              key,
              checkpoint.map(SourceCheckpoint::committed).orElse(List.of()),
              checkpoint.map(SourceCheckpoint::runId).orElse("")));
      checkpoint.ifPresent(
          found ->
              LOG.info(
                  "resuming {}: {} records committed by run {}",
                  source,
                  found.committedRecords(),
                  found.runId()));
    }
    return plans;
  }

  private void read(
      List<SourcePlan> plans,
      RecordProcessor processor,
      ExecutorService workers,
      BlockingQueue<Future<PreparedBatch>> inOrder,
      Semaphore inFlight,
      AtomicLong bytesRead,
      AtomicLong alreadyCommitted,
      StageTimes times) {
    SequenceCounter sequences = new SequenceCounter();
    long bytesOfFinishedSources = 0;
    long skippedBefore = 0;
    try {
      for (SourcePlan plan : plans) {
        Path source = plan.path();
        try (RecordReader reader = settings.format().open(source, settings.quarantineRaw())) {
          ChunkAssembler assembler =
              new ChunkAssembler(
                  reader,
                  source.toString(),
                  plan.key(),
                  plan.committed(),
                  settings.chunkRows(),
                  sequences);
          while (true) {
            inFlight.acquire();
            long start = System.nanoTime();
            Optional<RecordBatch> batch = assembler.next();
            times.add(Stage.READ, System.nanoTime() - start);
            bytesRead.set(bytesOfFinishedSources + reader.bytesRead());
            alreadyCommitted.set(skippedBefore + assembler.skipped());
            if (batch.isEmpty()) {
              inFlight.release();
              break;
            }
            RecordBatch next = batch.get();
            inOrder.put(workers.submit(() -> processor.process(next)));
          }
          bytesOfFinishedSources += reader.bytesRead();
          skippedBefore += assembler.skipped();
        }
      }
      inOrder.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inOrder.add(CompletableFuture.failedFuture(e));
    } catch (RuntimeException | Error e) {
      inOrder.add(CompletableFuture.failedFuture(e));
    }
  }

  /**
   * The next prepared batch in read order. When reading or preparing failed, the writes already
   * started are first awaited and accounted for, so that every record read before the failure is
   * committed and counted (written, or quarantined through the sink) before the failure is thrown.
   */
  private static PreparedBatch nextPrepared(
      BlockingQueue<Future<PreparedBatch>> inOrder, OrderedWrites writes)
      throws InterruptedException {
    Future<PreparedBatch> next = inOrder.take();
    try {
      return Futures.await(next);
    } catch (RuntimeException failure) {
      try {
        writes.completeAll();
      } catch (RuntimeException writeFailure) {
        failure.addSuppressed(writeFailure);
      }
      throw failure;
    }
  }

  private void reportProgress(
      ChunkCommitter committer, long bytesRead, long totalBytes, long startNanos) {
    ProgressListener listener = settings.progressListener();
    if (listener != null) {
      listener.onProgress(
          new Progress(
              committer.read().total(),
              committer.written().total(),
              committer.quarantined().total(),
              bytesRead,
              totalBytes,
              Duration.ofNanos(System.nanoTime() - startNanos)));
    }
  }

  private static long totalBytes(List<Path> sources) {
    long total = 0;
    for (Path source : sources) {
      try {
        total += Files.size(source);
      } catch (IOException e) {
        throw new ReadException(source + ": cannot read the file size", e);
      }
    }
    return total;
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A source with its identity and the ranges an earlier run committed. */
  private record SourcePlan(
      Path path, String key, List<RecordRange> committed, String earlierRunId) {}

  /** Collects the parts a run needs; built by {@link org.clinicalingest.IngestionPipeline}. */
  public record PipelineSettings(
      InputFormat format,
      RedactionPolicy policy,
      NerRedactor ner,
      BulkWriter writer,
      QuarantineSink quarantineSink,
      boolean quarantineRaw,
      boolean resume,
      int chunkRows,
      int threads,
      ProgressListener progressListener,
      Clock clock) {}
}
