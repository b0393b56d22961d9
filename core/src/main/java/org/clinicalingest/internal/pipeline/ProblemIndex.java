package org.clinicalingest.internal.pipeline;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicalingest.spi.FieldProblem;

/**
 * Sorts the problems of one patient record by the smallest unit they invalidate: the patient, one
 * encounter, or one observation, read off the JSON path ({@code encounters[2].observations[0].code}
 * belongs to observation 0 of encounter 2; {@code encounters[2]} or {@code
 * encounters[2].period_end} to encounter 2; anything else, the {@code encounters} list itself
 * included, to the patient).
 */
final class ProblemIndex {
  private static final String ENCOUNTERS = "encounters[";
  private static final String OBSERVATIONS = ".observations[";

  private final Set<String> patientReasons = new LinkedHashSet<>();
  private final Map<Integer, Set<String>> encounterReasons = new HashMap<>();
  private final Map<Long, Set<String>> observationReasons = new HashMap<>();

  private ProblemIndex() {}

  static ProblemIndex of(List<FieldProblem> problems) {
    ProblemIndex index = new ProblemIndex();
    for (FieldProblem problem : problems) {
      index.add(problem);
    }
    return index;
  }

  boolean isEmpty() {
    return patientReasons.isEmpty() && encounterReasons.isEmpty() && observationReasons.isEmpty();
  }

  List<String> patientReasons() {
    return List.copyOf(patientReasons);
  }

  List<String> encounterReasons(int encounter) {
    return copyOf(encounterReasons.get(encounter));
  }

  List<String> observationReasons(int encounter, int observation) {
    return copyOf(observationReasons.get(key(encounter, observation)));
  }

  /** The reasons as an immutable list; none, the common case, allocates nothing. */
  private static List<String> copyOf(Set<String> reasons) {
    return reasons == null ? List.of() : List.copyOf(reasons);
  }

  private void add(FieldProblem problem) {
    String path = problem.path();
    if (!path.startsWith(ENCOUNTERS)) {
      patientReasons.add(problem.message());
      return;
    }
    int encounterEnd = path.indexOf(']', ENCOUNTERS.length());
    Integer encounter = parseIndex(path, ENCOUNTERS.length(), encounterEnd);
    if (encounter == null) {
      patientReasons.add(problem.message());
      return;
    }
    String rest = path.substring(encounterEnd + 1);
    if (rest.startsWith(OBSERVATIONS)) {
      int observationEnd = rest.indexOf(']', OBSERVATIONS.length());
      Integer observation = parseIndex(rest, OBSERVATIONS.length(), observationEnd);
      if (observation != null) {
        observationReasons
            .computeIfAbsent(key(encounter, observation), ignored -> new LinkedHashSet<>())
            .add(problem.message());
        return;
      }
    }
    encounterReasons
        .computeIfAbsent(encounter, ignored -> new LinkedHashSet<>())
        .add(problem.message());
  }

  private static Integer parseIndex(String path, int start, int end) {
    if (end <= start) {
      return null;
    }
    try {
      return Integer.parseInt(path, start, end, 10);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long key(int encounter, int observation) {
    return ((long) encounter << 32) | (observation & 0xFFFFFFFFL);
  }
}
