package org.clinicalingest.benchmarks.write;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Rows a benchmark wrote, reported by JMH as rows per second: add to {@link #rows}. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Rows {
  public long rows;

  @Setup(Level.Iteration)
  public void reset() {
    rows = 0;
  }
}
