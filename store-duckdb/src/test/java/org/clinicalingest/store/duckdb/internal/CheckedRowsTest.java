package org.clinicalingest.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.Row;
import org.clinicalingest.spi.RowFailure;
import org.clinicalingest.spi.Table;
import org.junit.jupiter.api.Test;

class CheckedRowsTest {

  private static final String MISFIT_REASON =
      "column given_names: expected List for TEXT_ARRAY, got java.lang.Integer";

  @Test
  void iteratingGivesTheFittingRowsInOrderAndKeepsTheMisfits() {
    CheckedRows rows =
        new CheckedRows(Table.PATIENTS, List.of(fits("p1"), misfit("p2"), fits("p3")));

    assertThat(rows).containsExactly(fits("p1"), fits("p3"));
    assertThat(rows.fitting()).containsExactly(fits("p1"), fits("p3"));
    assertThat(rows.misfits()).containsExactly(new RowFailure(Table.PATIENTS, "p2", MISFIT_REASON));
  }

  @Test
  void laterPassesGoOverTheFittingRowsAndReportNoMisfitTwice() {
    CheckedRows rows = new CheckedRows(Table.PATIENTS, List.of(misfit("p1"), fits("p2")));

    List<Row> firstPass = new ArrayList<>();
    rows.forEach(firstPass::add);
    List<Row> secondPass = new ArrayList<>();
    rows.forEach(secondPass::add);

    assertThat(secondPass).isEqualTo(firstPass).containsExactly(fits("p2"));
    assertThat(rows.misfits()).hasSize(1);
  }

  @Test
  void aPassAbandonedHalfWayKeepsNothingAndTheNextChecksAgain() {
    CheckedRows rows =
        new CheckedRows(Table.PATIENTS, List.of(fits("p1"), misfit("p2"), fits("p3")));

    Iterator<Row> abandoned = rows.iterator();
    assertThat(abandoned.next()).isEqualTo(fits("p1"));

    assertThat(rows.misfits()).extracting(RowFailure::key).containsExactly("p2");
    assertThat(rows.fitting()).containsExactly(fits("p1"), fits("p3"));
  }

  @Test
  void checksEveryRowWhenAskedBeforeAnyPass() {
    CheckedRows rows = new CheckedRows(Table.PATIENTS, List.of(misfit("p1"), misfit("p2")));

    assertThat(rows.isEmpty()).isFalse();
    assertThat(rows.fitting()).isEmpty();
    assertThat(rows.misfits()).extracting(RowFailure::key).containsExactly("p1", "p2");
    assertThat(rows.iterator().hasNext()).isFalse();
    assertThatThrownBy(() -> rows.iterator().next()).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aTableWithoutRowsIsEmpty() {
    CheckedRows rows = new CheckedRows(Table.PATIENTS, List.of());

    assertThat(rows.isEmpty()).isTrue();
    assertThat(rows).isEmpty();
    assertThat(rows.misfits()).isEmpty();
  }

  private static Row fits(String patientId) {
    return patient(patientId, List.of("Ann"));
  }

  private static Row misfit(String patientId) {
    return patient(patientId, 42);
  }

  /** A patient row with only its id and given names set. */
  private static Row patient(String patientId, Object givenNames) {
    Object[] values = new Object[Table.PATIENTS.columns().size()];
    values[0] = patientId;
    values[index("given_names")] = givenNames;
    return new Row(Arrays.asList(values));
  }

  private static int index(String column) {
    return Table.PATIENTS.columns().stream().map(Column::name).toList().indexOf(column);
  }
}
