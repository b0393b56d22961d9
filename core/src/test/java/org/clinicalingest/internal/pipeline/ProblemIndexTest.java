package org.clinicalingest.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinicalingest.spi.FieldProblem;
import org.junit.jupiter.api.Test;

class ProblemIndexTest {

  @Test
  void assignsEachProblemToTheSmallestUnitItsPathNames() {
    ProblemIndex index =
        ProblemIndex.of(
            List.of(
                new FieldProblem("family_name", "family_name must be a string"),
                new FieldProblem("encounters[2].period_end", "period_end is bad"),
                new FieldProblem("encounters[3]", "encounter must be an object"),
                new FieldProblem("encounters[2].observations[0].code", "code is required"),
                new FieldProblem("encounters[2].observations[0].status", "status is bad")));

    assertThat(index.patientReasons()).containsExactly("family_name must be a string");
    assertThat(index.encounterReasons(2)).containsExactly("period_end is bad");
    assertThat(index.encounterReasons(3)).containsExactly("encounter must be an object");
    assertThat(index.observationReasons(2, 0)).containsExactly("code is required", "status is bad");
    assertThat(index.observationReasons(2, 1)).isEmpty();
    assertThat(index.encounterReasons(0)).isEmpty();
  }

  @Test
  void treatsTheListItselfAsPartOfItsParent() {
    ProblemIndex index =
        ProblemIndex.of(
            List.of(
                new FieldProblem("encounters", "encounters must be an array"),
                new FieldProblem("encounters[1].observations", "observations must be an array")));

    assertThat(index.patientReasons()).containsExactly("encounters must be an array");
    assertThat(index.encounterReasons(1)).containsExactly("observations must be an array");
  }

  @Test
  void mergesRepeatedReasons() {
    ProblemIndex index =
        ProblemIndex.of(
            List.of(
                new FieldProblem("gender", "gender is not a known code"),
                new FieldProblem("gender", "gender is not a known code")));

    assertThat(index.patientReasons()).containsExactly("gender is not a known code");
    assertThat(ProblemIndex.of(List.of()).isEmpty()).isTrue();
  }
}
