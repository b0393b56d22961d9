package org.clinicalingest.benchmarks.redact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clinicalingest.benchmarks.GeneratedData;

/**
 * What the build comparisons share: two builds of one stage, each loaded by its own class loader,
 * run over the same generated free texts in alternating order, round after round, with the ratio of
 * their costs taken as the median over the rounds after the first third (warm-up).
 *
 * <p>Design: on a shared machine two runs in turn differ by more than a change of a few percent;
 * alternating in one JVM gives both builds the same load and the same JIT state.
 *
 * @param baseline the baseline build's jar
 * @param candidate the candidate build's jar
 * @param rounds how many rounds to run
 * @param patients how many patients were generated
 * @param texts the free texts of the generated patients
 */
record BuildRounds(Path baseline, Path candidate, int rounds, int patients, List<String> texts) {

  /** What one build's pass over the texts cost: CPU time, and how to print the pass. */
  record Cost(long cpuNanos, String summary) {}

  /** One build's pass over the texts. */
  interface Pass {
    Cost run() throws ReflectiveOperationException;
  }

  /**
   * The jars, rounds and texts named by {@code args} (baseline jar, candidate jar, [rounds],
   * [patients]); prints {@code usage} and exits if a jar is missing.
   */
  static BuildRounds of(String[] args, String usage, int defaultRounds, int defaultPatients)
      throws IOException {
    if (args.length < 2) {
      System.err.println("usage: " + usage + " [rounds] [patients]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : defaultRounds;
    int patients = args.length > 3 ? Integer.parseInt(args[3]) : defaultPatients;
    List<String> texts = GeneratedData.freeTexts(GeneratedData.patients("builds", patients));
    System.out.printf(Locale.ROOT, "%,d free texts of %,d patients%n", texts.size(), patients);
    return new BuildRounds(Path.of(args[0]), Path.of(args[1]), rounds, patients, texts);
  }

  /** Prints in how many texts the two builds' results (one per text, as text) differ. */
  static void printDiffering(List<String> baseline, List<String> candidate) {
    int differing = 0;
    for (int i = 0; i < baseline.size(); i++) {
      if (!baseline.get(i).equals(candidate.get(i))) {
        differing++;
      }
    }
    System.out.printf(Locale.ROOT, "spans differ in %,d texts%n", differing);
  }

  /**
   * Runs the rounds, prints each, and then the median ratio of the candidate's CPU time to the
   * baseline's, naming it {@code measure}.
   */
  void run(Pass baselinePass, Pass candidatePass, String measure)
      throws ReflectiveOperationException {
    double[] ratios = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      boolean baselineFirst = round % 2 == 0;
      Cost first = (baselineFirst ? baselinePass : candidatePass).run();
      Cost second = (baselineFirst ? candidatePass : baselinePass).run();
      Cost baselineCost = baselineFirst ? first : second;
      Cost candidateCost = baselineFirst ? second : first;
      ratios[round] = (double) candidateCost.cpuNanos() / baselineCost.cpuNanos();
      System.out.printf(
          Locale.ROOT,
          "round %d: baseline %s, candidate %s, candidate/baseline %.3f%n",
          round,
          baselineCost.summary(),
          candidateCost.summary(),
          ratios[round]);
    }
    double[] warm = Arrays.copyOfRange(ratios, rounds / 3, rounds);
    Arrays.sort(warm);
    System.out.printf(
        Locale.ROOT,
        "candidate/baseline %s, median of rounds %d..%d: %.3f (%.3f to %.3f)%n",
        measure,
        rounds / 3,
        rounds - 1,
        warm[warm.length / 2],
        warm[0],
        warm[warm.length - 1]);
  }
}
