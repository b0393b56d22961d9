package org.clinicalingest.benchmarks.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.JsonInputFormat;
import org.clinicalingest.benchmarks.GeneratedData;
import org.clinicalingest.benchmarks.Records;
import org.clinicalingest.spi.RecordReader;
import org.clinicalingest.spi.SourceRecord;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-level records per second that {@link JsonInputFormat} streams out of a generated file
 * (counter {@code records}), by input shape.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar JsonInputFormatBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class JsonInputFormatBenchmark {

  @Param({"ndjson", "array"})
  public String shape;

  private Path file;

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    file =
        GeneratedData.write(
            Files.createTempDirectory("parse-benchmark").resolve("patients.json"),
            2_000,
            shape.equals("ndjson"));
  }

  @Benchmark
  public long readWholeFile(Records counter) {
    long read = 0;
    try (RecordReader reader = JsonInputFormat.defaults().open(file, false)) {
      for (Optional<SourceRecord> record = reader.next();
          record.isPresent();
          record = reader.next()) {
        read++;
      }
    }
    counter.records += read;
    return read;
  }
}
