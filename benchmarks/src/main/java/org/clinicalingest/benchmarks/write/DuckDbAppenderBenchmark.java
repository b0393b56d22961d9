package org.clinicalingest.benchmarks.write;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinicalingest.spi.BulkWriter;
import org.clinicalingest.spi.Chunk;
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
 * Rows per second that a DuckDB load path writes into a new database file, read from the {@code
 * rows} counter. One invocation loads {@code loadRows} rows ({@link SyntheticChunks}, seed 42) in
 * chunks of {@code chunkRows} and closes the writer, so the checkpoints DuckDB runs along the way
 * and at the close are all counted; every iteration is one invocation.
 *
 * <p>{@code keys=fresh} writes new keys into empty tables; {@code keys=rerun} first loads the same
 * chunks and closes the writer (not measured), then opens a new writer and writes them again, every
 * row replacing one, as a repeated run does.
 *
 * <p>{@code path}:
 *
 * <ul>
 *   <li>{@code appender}: {@link DuckDbAppenderWriter} as built by default.
 *   <li>{@code appender16MiB}: the same with DuckDB's default checkpoint threshold of 16 MiB.
 *   <li>{@code baseline}: the writer before tuning ({@link DuckDbBaselineWriter}): 16 MiB, and
 *       deletes through the primary key index for replacing.
 *   <li>{@code staging}, {@code csv}, {@code appenderWithoutKeys}: the other load paths of {@link
 *       DuckDbLoadPathWriter}, at 256 MiB.
 * </ul>
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DuckDbAppenderBenchmark -f 1 -wi 0 -i 3 -p
 * path=baseline,appender,csv,appenderWithoutKeys -p chunkRows=10000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DuckDbAppenderBenchmark {

  @Param({"baseline", "appender", "appender16MiB", "staging", "csv", "appenderWithoutKeys"})
  public String path;

  @Param({"fresh", "rerun"})
  public String keys;

  @Param({"1000", "10000"})
  public int chunkRows;

  @Param({"200000"})
  public int loadRows;

  private final List<Chunk> chunks = new ArrayList<>();
  private Path directory;
  private BulkWriter writer;

  /**
   * CPU milliseconds of this process (all its threads, DuckDB's included) per iteration: rows per
   * CPU second ({@code rows} times seconds over {@code cpuMillis}) are less disturbed by other
   * processes on the machine than rows per second.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    public long cpuMillis;

    @Setup(Level.Iteration)
    public void reset() {
      cpuMillis = 0;
    }
  }

  @Setup(Level.Trial)
  public void makeChunks() {
    SyntheticChunks synthetic = new SyntheticChunks(42, chunkRows);
    int rows = 0;
    for (long sequence = 0; rows < loadRows; sequence++) {
      Chunk chunk = synthetic.chunk(sequence);
      chunks.add(chunk);
      rows += chunk.rowCount();
    }
  }

  @Setup(Level.Invocation)
  public void openDatabase() throws IOException {
    directory = Files.createTempDirectory("duckdb-benchmark");
    writer = open();
    if (keys.equals("rerun")) {
      for (Chunk chunk : chunks) {
        writer.write(chunk);
      }
      writer.close();
      writer = open();
    }
  }

  @Benchmark
  public long load(Rows rows, Cpu cpu) {
    long cpuAtStart = processCpuNanos();
    long written = 0;
    for (Chunk chunk : chunks) {
      for (long count : writer.write(chunk).rowsWritten().values()) {
        written += count;
      }
    }
    writer.close();
    writer = null;
    rows.rows += written;
    cpu.cpuMillis += (processCpuNanos() - cpuAtStart) / 1_000_000;
    return written;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @TearDown(Level.Invocation)
  public void deleteDatabase() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private BulkWriter open() {
    Path database = directory.resolve("bench.duckdb");
    return switch (path) {
      case "appender" -> DuckDbAppenderWriter.builder(database).build();
      case "appender16MiB" ->
          DuckDbAppenderWriter.builder(database).checkpointThreshold(16L << 20).build();
      case "baseline" -> new DuckDbBaselineWriter(database);
      case "staging" ->
          new DuckDbLoadPathWriter(DuckDbLoadPathWriter.Kind.STAGING, database, directory);
      case "csv" -> new DuckDbLoadPathWriter(DuckDbLoadPathWriter.Kind.CSV, database, directory);
      case "appenderWithoutKeys" ->
          new DuckDbLoadPathWriter(
              DuckDbLoadPathWriter.Kind.APPENDER_WITHOUT_KEYS, database, directory);
      default -> throw new IllegalArgumentException("unknown path " + path);
    };
  }
}
