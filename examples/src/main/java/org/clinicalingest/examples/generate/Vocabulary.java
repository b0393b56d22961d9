package org.clinicalingest.examples.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The word lists the generator draws from, read once from {@code /generate/*} on the classpath.
 *
 * <p>Names come from public frequency lists (see {@code generate/NOTICE.md}); cities, streets,
 * observation kinds, reasons and the lists in {@code terms.txt} are written for this project.
 * Loaded lazily into one shared immutable instance, so it is thread-safe.
 */
final class Vocabulary {

  /** A US city with a real three-digit ZIP prefix and an area code used there. */
  record City(String name, String state, String zip3, String areaCode) {}

  /**
   * An encounter reason, a SNOMED CT concept, for patients aged {@code [minAge, maxAge]} of gender
   * {@code f}, {@code m} or any ({@code x}).
   */
  record Reason(String code, String display, int minAge, int maxAge, char gender) {

    boolean fits(int age, char patientGender) {
      return age >= minAge && age <= maxAge && (gender == 'x' || gender == patientGender);
    }
  }

  /** A relationship word and the gender of the relative ({@code f}, {@code m}, {@code x}). */
  record Relation(String word, char gender) {

    /**
     * Whether a patient of this age plausibly has such a relative: a spouse, partner, child or
     * grandchild only from 18, a living parent only under 65.
     */
    boolean fits(int age) {
      return switch (word) {
        case "wife",
            "husband",
            "spouse",
            "partner",
            "daughter",
            "son",
            "granddaughter",
            "grandson" ->
            age >= 18;
        case "mother", "father" -> age < 65;
        default -> true;
      };
    }
  }

  /**
   * A kind of observation: numeric with a UCUM unit and a plausible range, or textual with a list
   * of values (then {@code unit} is empty).
   */
  record ObservationKind(
      String category,
      String code,
      String display,
      String shortName,
      String unit,
      double min,
      double max,
      int decimals,
      double normalLow,
      double normalHigh,
      List<String> textValues) {

    boolean numeric() {
      return !unit.isEmpty();
    }
  }

  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern BAR = Pattern.compile("\\|");

  final WeightedList<String> surnames;
  final WeightedList<String> femaleNames;
  final WeightedList<String> maleNames;
  final WeightedList<String> classicFemaleNames;
  final WeightedList<String> classicMaleNames;
  final WeightedList<String> wordFemaleNames;
  final WeightedList<String> wordMaleNames;
  final WeightedList<String> eponymSurnames;
  final List<City> cities;
  final List<String> streets;
  final List<Reason> reasons;
  final WeightedList<ObservationKind> observationKinds;
  final Map<String, List<String>> terms;
  final List<Relation> relations;
  final List<Relation> contactRelations;

  private Vocabulary() {
    surnames = weighted(lines("surnames.csv"), 0, 1);
    List<String[]> given = rows(lines("given-names.csv"), COMMA);
    femaleNames = gendered(given, "f", 0, 2);
    maleNames = gendered(given, "m", 0, 2);
    List<String[]> extra = rows(lines("given-names-extra.csv"), COMMA);
    classicFemaleNames = gendered(section(extra, "classic"), "f", 1, 3);
    classicMaleNames = gendered(section(extra, "classic"), "m", 1, 3);
    wordFemaleNames = gendered(section(extra, "word"), "fo", 1, 3);
    wordMaleNames = gendered(section(extra, "word"), "mo", 1, 3);
    eponymSurnames = gendered(section(extra, "eponym"), "x", 1, 3);
    List<City> cityList = new ArrayList<>();
    for (String[] row : rows(lines("cities.csv"), COMMA)) {
      cityList.add(new City(row[0], row[1], row[2], row[3]));
    }
    cities = List.copyOf(cityList);
    streets = List.copyOf(lines("streets.txt"));
    List<Reason> reasonList = new ArrayList<>();
    for (String[] row : rows(lines("reasons.csv"), BAR)) {
      reasonList.add(
          new Reason(
              row[0],
              row[1],
              Integer.parseInt(row[2]),
              Integer.parseInt(row[3]),
              row[4].charAt(0)));
    }
    reasons = List.copyOf(reasonList);
    observationKinds = observationKinds(rows(lines("observations.csv"), BAR));
    terms = terms(lines("terms.txt"));
    relations = relations(terms("relation"));
    contactRelations = relations(terms("contact-relationship"));
  }

  private static List<Relation> relations(List<String> entries) {
    List<Relation> relations = new ArrayList<>(entries.size());
    for (String entry : entries) {
      int comma = entry.indexOf(',');
      relations.add(new Relation(entry.substring(0, comma), entry.charAt(comma + 1)));
    }
    return List.copyOf(relations);
  }

  static Vocabulary get() {
    return Holder.INSTANCE;
  }

  List<String> terms(String list) {
    List<String> found = terms.get(list);
    if (found == null) {
      throw new IllegalStateException("generate/terms.txt has no list [" + list + "]");
    }
    return found;
  }

  /** Lines of a resource without comments and blank lines. */
  static List<String> lines(String resource) {
    String path = "/generate/" + resource;
    try (InputStream in = Vocabulary.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + path, e);
    }
  }

  private static List<String[]> rows(List<String> lines, Pattern separator) {
    List<String[]> rows = new ArrayList<>(lines.size());
    for (String line : lines) {
      rows.add(separator.split(line, -1));
    }
    return rows;
  }

  private static WeightedList<String> weighted(List<String> lines, int name, int weight) {
    WeightedList.Builder<String> builder = WeightedList.builder();
    for (String[] row : rows(lines, COMMA)) {
      builder.add(row[name], Long.parseLong(row[weight]));
    }
    return builder.build();
  }

  private static List<String[]> section(List<String[]> rows, String section) {
    List<String[]> selected = new ArrayList<>();
    for (String[] row : rows) {
      if (row[0].equals(section)) {
        selected.add(row);
      }
    }
    return selected;
  }

  /** Names whose gender column is one of the letters in {@code genders}. */
  private static WeightedList<String> gendered(
      List<String[]> rows, String genders, int name, int weight) {
    WeightedList.Builder<String> builder = WeightedList.builder();
    for (String[] row : rows) {
      if (genders.contains(row[name + 1])) {
        builder.add(row[name], Long.parseLong(row[weight]));
      }
    }
    return builder.build();
  }

  private static WeightedList<ObservationKind> observationKinds(List<String[]> rows) {
    WeightedList.Builder<ObservationKind> builder = WeightedList.builder();
    for (String[] row : rows) {
      List<String> textValues = row.length > 11 ? List.of(row[11].split(";")) : List.of();
      ObservationKind kind =
          new ObservationKind(
              row[0],
              row[1],
              row[2],
              row[3],
              row[4],
              Double.parseDouble(row[5]),
              Double.parseDouble(row[6]),
              Integer.parseInt(row[7]),
              Double.parseDouble(row[8]),
              Double.parseDouble(row[9]),
              textValues);
      builder.add(kind, Long.parseLong(row[10]));
    }
    return builder.build();
  }

  private static Map<String, List<String>> terms(List<String> lines) {
    Map<String, List<String>> lists = new HashMap<>();
    List<String> current = null;
    for (String line : lines) {
      if (line.startsWith("[") && line.endsWith("]")) {
        current = new ArrayList<>();
        lists.put(line.substring(1, line.length() - 1), current);
      } else if (current == null) {
        throw new IllegalStateException("generate/terms.txt: entry before the first [list]");
      } else {
        current.add(line);
      }
    }
    Map<String, List<String>> frozen = new HashMap<>();
    lists.forEach((name, entries) -> frozen.put(name, List.copyOf(entries)));
    return Map.copyOf(frozen);
  }

  private static final class Holder {
    static final Vocabulary INSTANCE = new Vocabulary();
  }
}
