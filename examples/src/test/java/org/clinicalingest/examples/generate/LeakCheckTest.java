package org.clinicalingest.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakCheckTest {

  @TempDir Path directory;

  /** Written texts by observation id and field. */
  private final Map<String, String> written = new HashMap<>();

  private TextLookup lookup() {
    return (observationId, field) -> Optional.ofNullable(written.get(observationId + "/" + field));
  }

  /** A gold file and redacted notes written by hand. */
  private Path handMadeExample() throws IOException {
    List<String> gold = new ArrayList<>();
    String first = "Mrs. May may call (617) 555-0134 on 3/4/2021 re Parkinson disease; BP 120/80.";
    gold.add(line("obs-1", "notes", first, "May", 0, "NAME", 1));
    gold.add(line("obs-1", "notes", first, "(617) 555-0134", 0, "PHONE", 0));
    gold.add(line("obs-1", "notes", first, "3/4/2021", 0, "DATE", 0));
    gold.add(line("obs-1", "notes", first, "Parkinson disease", 0, "KEEP", 0));
    gold.add(line("obs-1", "notes", first, "BP 120/80", 0, "KEEP", 0));
    written.put(
        "obs-1/notes",
        "Mrs. [NAME] may call (617) 555-0134 on [DATE] re [NAME] disease; BP 120/80.");
    String second = "SMITH, JOHN seen by Dr. Smith.";
    gold.add(line("obs-2", "notes", second, "SMITH", 0, "NAME", 0));
    gold.add(line("obs-2", "notes", second, "JOHN", 0, "NAME", 0));
    gold.add(line("obs-2", "notes", second, "Smith", 0, "NAME", 0));
    written.put("obs-2/notes", "[NAME], [NAME] seen by Dr. Smith.");
    String third = "Write to a.b@example.com please.";
    gold.add(line("obs-3", "notes", third, "a.b@example.com", 0, "EMAIL", 0));
    String fourth = "Discussed with Dr. Lee";
    gold.add(line("obs-4", "interpretation", fourth, "Lee", 0, "NAME", 0));
    written.put("obs-4/interpretation", "Discussed with Dr. Lee");
    Path file = directory.resolve("hand.gold.jsonl");
    Files.write(file, gold);
    return file;
  }

  /** A gold line for the {@code occurrence}-th appearance (from 0) of {@code text} in a note. */
  private static String line(
      String id,
      String field,
      String note,
      String text,
      int occurrence,
      String type,
      int background) {
    int start = note.indexOf(text);
    for (int skip = 0; skip < occurrence; skip++) {
      start = note.indexOf(text, start + 1);
    }
    return String.format(
        "{\"observation_id\":\"%s\",\"field\":\"%s\",\"start\":%d,\"end\":%d,\"type\":\"%s\","
            + "\"text\":\"%s\"%s}",
        id,
        field,
        start,
        start + text.length(),
        type,
        text,
        background > 0 ? ",\"background\":" + background : "");
  }

  @Test
  void countsLeaksPerCategoryOnAHandRedactedExample() throws IOException {
    LeakReport report = LeakCheck.run(handMadeExample(), lookup());

    assertThat(report.phi())
        .containsEntry(PhiType.NAME, new LeakReport.Count(5, 0, 2))
        .containsEntry(PhiType.PHONE, new LeakReport.Count(1, 0, 1))
        .containsEntry(PhiType.DATE, new LeakReport.Count(1, 0, 0))
        .containsEntry(PhiType.EMAIL, new LeakReport.Count(1, 1, 0))
        .hasSize(4);
    assertThat(report.keep()).isEqualTo(new LeakReport.Count(2, 0, 1));
    assertThat(report.leaked()).isEqualTo(3);
    assertThat(report.checked()).isEqualTo(7);
    assertThat(report.table()).contains("NAME", "PHONE", "EMAIL", "KEEP", "all PHI");
  }

  @Test
  void readsWrittenTextFromADatabaseTable() throws IOException, SQLException {
    Path gold = handMadeExample();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE observations (observation_id VARCHAR PRIMARY KEY, notes VARCHAR,"
                + " interpretation VARCHAR, value_string VARCHAR)");
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO observations VALUES (?, ?, ?, NULL)")) {
        for (String id : List.of("obs-1", "obs-2", "obs-4")) {
          insert.setString(1, id);
          insert.setString(2, written.get(id + "/notes"));
          insert.setString(3, written.get(id + "/interpretation"));
          insert.executeUpdate();
        }
      }
      LeakReport fromTable;
      try (TextLookup table = TextLookup.jdbc(connection, "observations")) {
        fromTable = LeakCheck.run(gold, table);
      }
      assertThat(fromTable).isEqualTo(LeakCheck.run(gold, lookup()));
    }
  }

  @Test
  void findsExactlyTheCategoryLeftUnredactedInGeneratedNotes() {
    Path gold = directory.resolve("generated.gold.jsonl.gz");
    SyntheticDataGenerator.builder()
        .patients(150)
        .seed(31)
        .build()
        .write(directory.resolve("generated.json.gz"), gold);
    Map<String, Map<String, Object>> observations =
        JsonTree.observationsById(JsonTree.patients(directory.resolve("generated.json.gz")));

    redact(gold, observations, line -> line.phiType() != PhiType.PHONE);
    LeakReport phoneLeft = LeakCheck.run(gold, lookup());
    LeakReport.Count phones = phoneLeft.phi().get(PhiType.PHONE);
    assertThat(phones.gold()).isPositive();
    assertThat(phones.found()).isEqualTo(phones.gold());
    assertThat(phoneLeft.leaked()).isEqualTo(phones.gold());
    assertThat(phoneLeft.keep().found()).isEqualTo(phoneLeft.keep().gold());

    redact(gold, observations, line -> true);
    LeakReport clean = LeakCheck.run(gold, lookup());
    assertThat(clean.leaked()).isZero();
    assertThat(clean.checked()).isEqualTo(phoneLeft.checked());
    assertThat(clean.keep().found()).isEqualTo(clean.keep().gold());

    written.clear();
    LeakReport nothingWritten = LeakCheck.run(gold, lookup());
    assertThat(nothingWritten.checked()).isZero();
    assertThat(nothingWritten.keep().absent()).isEqualTo(nothingWritten.keep().gold());
  }

  @Test
  void countsEveryGoldStringOfUnredactedNotesAsLeakedAndEveryPhraseAsKept() {
    Path gold = directory.resolve("raw.gold.jsonl");
    SyntheticDataGenerator.builder()
        .patients(300)
        .seed(33)
        .build()
        .write(directory.resolve("raw.json"), gold);
    Map<String, Map<String, Object>> observations =
        JsonTree.observationsById(JsonTree.patients(directory.resolve("raw.json")));

    LeakReport report =
        LeakCheck.run(
            gold,
            (observationId, field) ->
                Optional.ofNullable(text(observations.get(observationId), field)));

    assertThat(report.phi().keySet()).containsExactlyInAnyOrder(PhiType.values());
    report
        .phi()
        .forEach(
            (type, count) -> assertThat(count.found()).as(type.name()).isEqualTo(count.gold()));
    assertThat(report.keep().found()).isEqualTo(report.keep().gold());
  }

  @Test
  void databaseLookupMergesATableScanWithTheGoldFile() throws SQLException {
    Path gold = directory.resolve("scan.gold.jsonl");
    SyntheticDataGenerator.builder()
        .patients(60)
        .seed(32)
        .invalidRate(0.03)
        .build()
        .write(directory.resolve("scan.json"), gold);
    Map<String, Map<String, Object>> observations =
        JsonTree.observationsById(JsonTree.patients(directory.resolve("scan.json")));
    redact(gold, observations, line -> line.phiType() != PhiType.NAME);

    List<String> ids = new ArrayList<>(observations.keySet());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE observations (observation_id VARCHAR PRIMARY KEY, notes VARCHAR,"
                + " interpretation VARCHAR, value_string VARCHAR)");
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO observations VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < ids.size(); i++) {
          if (i % 7 == 3) {
            continue;
          }
          String id = ids.get(i);
          Map<String, Object> observation = observations.get(id);
          insert.setString(1, id);
          insert.setString(2, written.getOrDefault(id + "/notes", text(observation, "notes")));
          insert.setString(
              3, written.getOrDefault(id + "/interpretation", text(observation, "interpretation")));
          insert.setString(
              4, written.getOrDefault(id + "/value_string", text(observation, "value_string")));
          insert.executeUpdate();
        }
      }
      for (int i = 3; i < ids.size(); i += 7) {
        String id = ids.get(i);
        written.keySet().removeIf(key -> key.startsWith(id + "/"));
      }

      LeakReport expected = LeakCheck.run(gold, lookup());
      assertThat(expected.phi().get(PhiType.NAME).found()).isPositive();
      assertThat(expected.phi().get(PhiType.NAME).absent()).isPositive();
      try (TextLookup scan = new JdbcTextLookup(connection, "observations", 50)) {
        assertThat(LeakCheck.run(gold, scan)).isEqualTo(expected);
      }
      try (TextLookup scan = TextLookup.jdbc(connection, "observations")) {
        for (int i = ids.size() - 1; i >= 0; i--) {
          String id = ids.get(i);
          assertThat(scan.text(id, "notes")).as(id).isEqualTo(lookup().text(id, "notes"));
        }
      }
    }
  }

  private static String text(Map<String, Object> observation, String field) {
    return observation.get(field) instanceof String text ? text : null;
  }

  /** Replaces the gold PHI spans chosen by {@code redacted} with their placeholders. */
  private void redact(
      Path gold, Map<String, Map<String, Object>> observations, Predicate<GoldLine> redacted) {
    Map<String, List<GoldLine>> spans = new HashMap<>();
    GoldLine.forEach(
        gold,
        line ->
            spans
                .computeIfAbsent(
                    line.observationId() + "/" + line.field(), key -> new ArrayList<>())
                .add(line));
    written.clear();
    spans.forEach(
        (key, lines) -> {
          int slash = key.indexOf('/');
          Map<String, Object> observation = observations.get(key.substring(0, slash));
          StringBuilder text =
              new StringBuilder((String) observation.get(key.substring(slash + 1)));
          lines.sort(Comparator.comparingInt(GoldLine::start).reversed());
          for (GoldLine line : lines) {
            if (!line.keep() && redacted.test(line)) {
              text.replace(line.start(), line.end(), line.phiType().placeholder());
            }
          }
          written.put(key, text.toString());
        });
  }
}
