package org.clinicalingest.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.spi.FieldProblem;
import org.junit.jupiter.api.Test;

class PathOrderTest {

  @Test
  void ordersListIndicesNumericallyThenByMessage() {
    List<FieldProblem> problems =
        new ArrayList<>(
            List.of(
                new FieldProblem("encounters[10].period_end", "b"),
                new FieldProblem("gender", "a"),
                new FieldProblem("encounters[2].observations[11].code", "a"),
                new FieldProblem("encounters[2].observations[3].code", "b"),
                new FieldProblem("encounters[2].observations[3].code", "a"),
                new FieldProblem("date_of_birth", "a"),
                new FieldProblem("encounters[2]", "a")));

    problems.sort(PathOrder.PROBLEMS);

    assertThat(problems)
        .extracting(problem -> problem.path() + " " + problem.message())
        .containsExactly(
            "date_of_birth a",
            "encounters[2] a",
            "encounters[2].observations[3].code a",
            "encounters[2].observations[3].code b",
            "encounters[2].observations[11].code a",
            "encounters[10].period_end b",
            "gender a");
  }
}
