package org.clinicalingest.benchmarks.redact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.benchmarks.GeneratedData;
import org.clinicalingest.internal.redact.PatternRedactor;
import org.clinicalingest.internal.redact.RecordTerms;
import org.clinicalingest.internal.redact.SpanMerger;
import org.clinicalingest.internal.redact.TextRedactor;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Observation;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.PhiSpan;
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

/**
 * Notes per second through the free-text redaction of {@code core} without a named-entity
 * recogniser: pattern recognisers, the patient's own terms, merging and replacement, on generated
 * notes (about 600 characters with PHI of every category).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar PatternRedactorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class PatternRedactorBenchmark {

  private record Note(String text, RecordTerms terms) {}

  private final List<Note> notes = new ArrayList<>();
  private final PatternRedactor patterns = new PatternRedactor();
  private final TextRedactor replacer = new TextRedactor(RedactionPolicy.safeHarbor());
  private int next;

  @Setup
  public void readNotes() throws IOException {
    for (Patient patient : GeneratedData.patients("redact-benchmark", 500)) {
      RecordTerms terms = RecordTerms.of(patient);
      for (Encounter encounter : patient.encounters()) {
        for (Observation observation : encounter.observations()) {
          if (observation.notes() != null) {
            notes.add(new Note(observation.notes(), terms));
          }
        }
      }
    }
  }

  @Benchmark
  public String redactNote() {
    Note note = notes.get(next);
    next = (next + 1) % notes.size();
    List<PhiSpan> spans = new ArrayList<>(patterns.find(note.text()));
    spans.addAll(note.terms().find(note.text()));
    return replacer.apply(note.text(), SpanMerger.merge(spans));
  }
}
