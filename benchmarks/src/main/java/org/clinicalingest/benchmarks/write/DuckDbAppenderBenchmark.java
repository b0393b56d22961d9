package org.clinicalingest.benchmarks.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinicalingest.spi.Chunk;
import org.clinicalingest.spi.WriteResult;
import org.clinicalingest.store.duckdb.DuckDbAppenderWriter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second that {@link DuckDbAppenderWriter} writes into a DuckDB file, read from the {@code
 * rows} counter. {@code fresh} writes chunks of new keys (inserts); {@code rerun} writes again
 * chunks already in the table (every row replaces one). Each trial gets a new file.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DuckDbAppenderBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class DuckDbAppenderBenchmark {

  private static final int RERUN_CHUNKS = 4;

  @Param({"1000", "10000"})
  public int chunkRows;

  @Param({"fresh", "rerun"})
  public String keys;

  private Path directory;
  private DuckDbAppenderWriter writer;
  private SyntheticChunks chunks;
  private final List<Chunk> written = new ArrayList<>();
  private long sequence;
  private Chunk next;

  /** Rows written, reported by JMH as rows per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Rows {
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
      rows = 0;
    }
  }

  @Setup(Level.Trial)
  public void openDatabase() throws IOException {
    directory = Files.createTempDirectory("duckdb-benchmark");
    writer = DuckDbAppenderWriter.builder(directory.resolve("bench.duckdb")).build();
    chunks = new SyntheticChunks(42, chunkRows);
    if (keys.equals("rerun")) {
      for (int index = 0; index < RERUN_CHUNKS; index++) {
        Chunk chunk = chunks.chunk(index);
        writer.write(chunk);
        written.add(chunk);
      }
    }
  }

  @Setup(Level.Invocation)
  public void nextChunk() {
    next =
        keys.equals("rerun")
            ? written.get((int) (sequence++ % RERUN_CHUNKS))
            : chunks.chunk(sequence++);
  }

  @Benchmark
  public WriteResult write(Rows rows) {
    WriteResult result = writer.write(next);
    for (long written : result.rowsWritten().values()) {
      rows.rows += written;
    }
    return result;
  }

  @TearDown(Level.Trial)
  public void deleteDatabase() throws IOException {
    writer.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
