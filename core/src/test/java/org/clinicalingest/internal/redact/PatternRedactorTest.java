package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class PatternRedactorTest {

  private final PatternRedactor redactor = new PatternRedactor();

  @Test
  void findsNothingInAClinicalNoteFullOfNumbersButNoPhi() throws IOException {
    String note = resource("clinical-note-without-phi.txt");
    assertThat(Found.render(note, redactor.find(note))).isEmpty();
    String upper = note.toUpperCase(Locale.ROOT);
    assertThat(Found.render(upper, redactor.find(upper))).isEmpty();
    String lower = note.toLowerCase(Locale.ROOT);
    assertThat(Found.render(lower, redactor.find(lower))).isEmpty();
  }

  @Test
  void findsEveryPatternPhiInANote() throws IOException {
    String note = resource("clinical-note-with-phi.txt");
    assertThat(Found.render(note, redactor.find(note)))
        .containsExactly(
            Found.one(PhiType.MRN, "00482913"),
            Found.one(PhiType.DATE, "03/12/2019"),
            Found.one(PhiType.AGE, "93"),
            Found.one(PhiType.DATE, "4/7/1925"),
            Found.one(PhiType.ADDRESS, "1234 Elm Street, Apt 3B"),
            Found.one(PhiType.LOCATION, "Springfield"),
            Found.one(PhiType.ZIP, "62704"),
            Found.one(PhiType.PHONE, "(217) 555-0143"),
            Found.one(PhiType.FAX, "217-555-0199"),
            Found.one(PhiType.EMAIL, "jane.doe@example.org"),
            Found.one(PhiType.ID, "1EG4-TE5-MK73"),
            Found.one(PhiType.ID, "XJH123456789"),
            Found.one(PhiType.SSN, "123-45-6789"),
            Found.one(PhiType.URL, "https://portal.example.org/u/jdoe"),
            Found.one(PhiType.IP, "192.168.10.25"),
            Found.one(PhiType.DATE, "March 14, 2019"));
  }

  @Test
  void findsTheSamePhiInCapitalsAndLowerCase() throws IOException {
    String note = resource("clinical-note-with-phi.txt");
    int spans = redactor.find(note).size();
    assertThat(redactor.find(note.toUpperCase(Locale.ROOT))).hasSize(spans);
    String lower = note.toLowerCase(Locale.ROOT);
    assertThat(Found.render(lower, redactor.find(lower)))
        .contains(
            Found.one(PhiType.ADDRESS, "1234 elm street, apt 3b"),
            Found.one(PhiType.ZIP, "62704"),
            Found.one(PhiType.DATE, "march 14, 2019"));
  }

  @Test
  void returnsSortedNonOverlappingSpans() throws IOException {
    List<PhiSpan> spans = redactor.find(resource("clinical-note-with-phi.txt"));
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
    }
  }

  @Test
  void givesTheSameSpansFromManyThreads() throws Exception {
    String note = resource("clinical-note-with-phi.txt");
    List<PhiSpan> expected = redactor.find(note);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<PhiSpan>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> redactor.find(note)));
      }
      for (Future<List<PhiSpan>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void findsNothingInEmptyText() {
    assertThat(redactor.find("")).isEmpty();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = PatternRedactorTest.class.getResourceAsStream("/redact/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
