package org.clinicalingest.benchmarks.validate;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.benchmarks.GeneratedData;
import org.clinicalingest.internal.validate.RecordValidator;
import org.clinicalingest.model.Patient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Patients per second that the validator checks, each with its encounters and observations (about 1
 * : 3 : 12 records), from generated data.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar RecordValidatorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RecordValidatorBenchmark {

  private List<Patient> patients;
  private RecordValidator validator;
  private int next;

  @Setup
  public void readPatients() throws IOException {
    patients = GeneratedData.patients("validate-benchmark", 1_000);
    validator = new RecordValidator(Clock.systemUTC());
  }

  @Benchmark
  public void validatePatient(Blackhole blackhole) {
    blackhole.consume(validator.validate(patients.get(next)));
    next = (next + 1) % patients.size();
  }
}
