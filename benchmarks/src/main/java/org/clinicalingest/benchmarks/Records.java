package org.clinicalingest.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Records (patients, encounters and observations) a benchmark processed, reported by JMH as records
 * per second: add to {@link #records} in the benchmark method.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Records {
  public long records;

  @Setup(Level.Iteration)
  public void reset() {
    records = 0;
  }
}
