package org.clinicalingest.internal.pipeline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.clinicalingest.Stage;

/** Nanoseconds spent in each stage, summed over the threads of a run. Thread-safe. */
final class StageTimes {
  private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);

  StageTimes() {
    for (Stage stage : Stage.values()) {
      nanos.put(stage, new LongAdder());
    }
  }

  void add(Stage stage, long elapsedNanos) {
    nanos.get(stage).add(elapsedNanos);
  }

  Map<Stage, Duration> snapshot() {
    Map<Stage, Duration> durations = new EnumMap<>(Stage.class);
    nanos.forEach((stage, total) -> durations.put(stage, Duration.ofNanos(total.sum())));
    return durations;
  }
}
