package org.clinicalingest.benchmarks.redact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.spi.Redaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Notes per second of {@link CoreNlpRedactor} (scores are notes/s: one operation is one note): one
 * {@code redact(text)} call per note, as the old pipeline did; {@code redactAll} on one thread;
 * {@code redactAll} on all available processors. The text and sentence caches are off, so every
 * note goes through the model. The first setup of each fork prints the model's load time and the
 * heap it holds (used heap after GC, before and after loading). The fork lets the JIT compile
 * CoreNLP's huge methods, as the README recommends for every run with NER.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CoreNlpRedactorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:-DontCompileHugeMethods"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@OperationsPerInvocation(CoreNlpRedactorBenchmark.NOTES)
public class CoreNlpRedactorBenchmark {

  static final int NOTES = 400;

  /** Whether the CRF runs only on windows around candidate words (false: on whole sentences). */
  @Param({"true", "false"})
  public boolean windowed;

  private List<String> notes;
  private CoreNlpRedactor oneThread;
  private CoreNlpRedactor allThreads;

  @Setup(Level.Trial)
  public void setUp() {
    notes = ClinicalNotes.generate(20_240_601L, NOTES);
    measureModelLoad();
    oneThread =
        CoreNlpRedactor.builder()
            .threads(1)
            .cacheSize(0)
            .sentenceCacheSize(0)
            .windowed(windowed)
            .build();
    allThreads =
        CoreNlpRedactor.builder()
            .threads(Runtime.getRuntime().availableProcessors())
            .batchSize(32)
            .cacheSize(0)
            .sentenceCacheSize(0)
            .windowed(windowed)
            .build();
  }

  private static void measureModelLoad() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    long start = System.nanoTime();
    CoreNlpRedactor.preloadModel();
    long loadNanos = System.nanoTime() - start;
    System.gc();
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    System.out.printf(
        "%n[model] load %.1f s, heap used after GC %d MB -> %d MB (+%d MB)%n",
        loadNanos / 1e9, before >> 20, after >> 20, (after - before) >> 20);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    oneThread.close();
    allThreads.close();
  }

  /** The seed's design: one {@code redact(text)} call per note. */
  @Benchmark
  public void oneCallPerNote(Blackhole blackhole) {
    for (String note : notes) {
      blackhole.consume(oneThread.redact(note));
    }
  }

  /** All notes in one {@code redactAll} call, on one worker thread. */
  @Benchmark
  public List<Redaction> batchedOneThread() {
    return oneThread.redactAll(notes);
  }

  /** All notes in one {@code redactAll} call, spread over all available processors. */
  @Benchmark
  public List<Redaction> batchedAllThreads() {
    return allThreads.redactAll(notes);
  }
}
