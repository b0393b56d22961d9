package org.clinicalingest.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.IngestionPipeline;
import org.clinicalingest.RunSummary;
import org.clinicalingest.benchmarks.GeneratedData;
import org.clinicalingest.benchmarks.Records;
import org.clinicalingest.ner.corenlp.CoreNlpRedactor;
import org.clinicalingest.store.duckdb.DuckDbAppenderWriter;
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
 * Records per second (patients, encounters and observations) of the whole pipeline: read, validate,
 * redact (with or without the CoreNLP recogniser) and write into a new DuckDB file per invocation,
 * on generated data. The fork lets the JIT compile CoreNLP's huge methods, as the README recommends
 * for every run with NER.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar PipelineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-XX:-DontCompileHugeMethods"})
@Warmup(iterations = 1, time = 20)
@Measurement(iterations = 3, time = 20)
public class PipelineBenchmark {

  @Param({"none", "corenlp"})
  public String ner;

  @Param({"1000"})
  public int patients;

  private Path directory;
  private Path input;
  private int invocation;

  @Setup(Level.Trial)
  public void writeInput() throws IOException {
    directory = Files.createTempDirectory("pipeline-benchmark");
    input = GeneratedData.write(directory.resolve("patients.ndjson"), patients, true);
    if (ner.equals("corenlp")) {
      CoreNlpRedactor.preloadModel();
    }
  }

  @Benchmark
  public RunSummary ingest(Records counter) {
    IngestionPipeline.Builder builder =
        IngestionPipeline.builder()
            .writer(
                DuckDbAppenderWriter.builder(directory.resolve("run-" + invocation++ + ".duckdb"))
                    .build());
    if (ner.equals("corenlp")) {
      builder.redactor(CoreNlpRedactor.builder().build());
    }
    try (IngestionPipeline pipeline = builder.build()) {
      RunSummary summary = pipeline.run(input);
      counter.records += summary.read().total();
      return summary;
    }
  }
}
