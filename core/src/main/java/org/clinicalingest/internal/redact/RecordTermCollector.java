package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiType;

/** Gathers the {@link RecordTerms} of one patient from its field values; not thread-safe. */
final class RecordTermCollector {

  private static final Set<String> CREDENTIALS =
      Set.of(
          "md", "do", "phd", "rn", "np", "pa", "dds", "dmd", "dnp", "lpn", "cnm", "crna", "facp",
          "facs", "mph", "msn", "bsn", "jr", "sr", "ii", "iii", "iv", "esq");

  private static final Set<String> UNIT_WORDS =
      Set.of(
          "apt",
          "apartment",
          "suite",
          "ste",
          "unit",
          "bldg",
          "building",
          "fl",
          "floor",
          "rm",
          "room");

  private static final Pattern IDENTIFIER_PREFIX =
      Pattern.compile("([A-Za-z][A-Za-z0-9_-]{0,15})\\s*:(.*)", Pattern.DOTALL);

  private static final Pattern NUMBER_ONLY = Pattern.compile("[\\d\\s().+-]+");

  private static final int MIN_ID_CHARS = 4;

  private final Map<String, List<RecordTerms.WordTerm>> byFirstWord = new HashMap<>();
  private final List<RecordTerms.DigitTerm> digitTerms = new ArrayList<>();

  /**
   * Adds a name; {@code roles} is {@link RecordTerms#GIVEN} or {@link RecordTerms#FAMILY} for a
   * field of that part, 0 for a whole name (its first words given, its last family).
   */
  void name(String value, int roles) {
    List<String> parts = lowerWords(value);
    while (parts.size() > 1 && RecordTerms.HONORIFICS.contains(parts.get(0))) {
      parts.remove(0);
    }
    while (parts.size() > 1 && CREDENTIALS.contains(parts.get(parts.size() - 1))) {
      parts.remove(parts.size() - 1);
    }
    if (parts.size() > 1) {
      List<String> bare = parts.stream().map(RecordTermCollector::withoutDigits).toList();
      add(parts, null, PhiType.NAME, parts.stream().allMatch(CommonWords::isAmbiguous), roles);
      if (!bare.equals(parts) && bare.stream().noneMatch(String::isEmpty)) {
        add(bare, null, PhiType.NAME, bare.stream().allMatch(CommonWords::isAmbiguous), roles);
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      int role = roles != 0 ? roles : roleInName(i, parts.size());
      String bare = withoutDigits(part);
      if (part.length() > 1) {
        add(List.of(part), null, PhiType.NAME, CommonWords.isAmbiguous(part), role);
      }
      if (bare.length() > 1 && !bare.equals(part)) {
        add(List.of(bare), null, PhiType.NAME, CommonWords.isAmbiguous(bare), role);
      }
    }
  }

  private static int roleInName(int index, int size) {
    if (size == 1) {
      return RecordTerms.GIVEN | RecordTerms.FAMILY;
    }
    return index == size - 1 ? RecordTerms.FAMILY : RecordTerms.GIVEN;
  }

  void identifier(String value) {
    identifier(value, null);
  }

  /** Adds the patient's key as a medical record number, if it holds a digit as one does. */
  void patientId(String value) {
    if (value != null && value.chars().anyMatch(c -> c >= '0' && c <= '9')) {
      identifier(value, PhiType.MRN);
    }
  }

  /** Adds an identifier, typed by its prefix, or as {@code type} when that is given. */
  void identifier(String value, PhiType type) {
    if (value == null || value.isBlank()) {
      return;
    }
    String identifier = value.strip();
    PhiType typed = type == null ? PhiType.ID : type;
    Matcher prefixed = IDENTIFIER_PREFIX.matcher(identifier);
    if (type == null && prefixed.matches() && !prefixed.group(2).isBlank()) {
      typed = FieldRedactor.identifierType(prefixed.group(1));
      identifier = prefixed.group(2).strip();
    }
    if (NUMBER_ONLY.matcher(identifier).matches()) {
      digits(TextScan.digits(identifier), typed);
    } else {
      List<String> words = lowerWords(identifier);
      if (words.stream().mapToInt(String::length).sum() >= MIN_ID_CHARS) {
        add(words, null, typed, false, 0);
      }
    }
  }

  void phone(String value, PhiType type) {
    if (value == null) {
      return;
    }
    String digits = TextScan.digits(value);
    if (digits.length() == 11 && digits.charAt(0) == '1') {
      digits = digits.substring(1);
    }
    if (digits.length() >= 7) {
      digits(digits, type);
    }
    if (digits.length() == 10) {
      digits(digits.substring(3), type);
    }
  }

  void email(String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    String email = value.strip();
    RecordWords words = RecordWords.of(email);
    if (words.count() == 0) {
      return;
    }
    List<String> lower = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    for (int word = 0; word < words.count(); word++) {
      lower.add(words.lower(word));
      if (word > 0) {
        gaps.add(words.gapBefore(word));
      }
    }
    add(lower, gaps, PhiType.EMAIL, false, 0);
  }

  void addressLine(String value) {
    List<String> words = lowerWords(value);
    if (words.isEmpty()) {
      return;
    }
    words(words, PhiType.ADDRESS);
    int unit = 0;
    while (unit < words.size() && !UNIT_WORDS.contains(words.get(unit))) {
      unit++;
    }
    List<String> street = words.subList(0, unit);
    if (street.size() > 1 && street.size() < words.size()) {
      words(street, PhiType.ADDRESS);
    }
    if (street.size() > 2 && street.get(0).chars().allMatch(Character::isDigit)) {
      words(street.subList(1, street.size()), PhiType.ADDRESS);
    }
  }

  void words(String value, PhiType type) {
    words(lowerWords(value), type);
  }

  void postalCode(String value) {
    if (value == null) {
      return;
    }
    String digits = TextScan.digits(value);
    if (digits.length() == 9) {
      digits(digits, PhiType.ZIP);
    }
    if (digits.length() >= 5) {
      digits(digits.substring(0, 5), PhiType.ZIP);
    }
  }

  private void words(List<String> words, PhiType type) {
    if (words.isEmpty() || words.size() == 1 && words.get(0).length() < 2) {
      return;
    }
    boolean ambiguous = words.size() == 1 && CommonWords.isAmbiguous(words.get(0));
    add(words, null, type, ambiguous, 0);
  }

  private void digits(String digits, PhiType type) {
    if (digits.length() >= RecordTerms.MIN_DIGITS) {
      digitTerms.add(new RecordTerms.DigitTerm(digits, type));
    }
  }

  private void add(
      List<String> words, List<String> gaps, PhiType type, boolean ambiguous, int roles) {
    List<RecordTerms.WordTerm> terms =
        byFirstWord.computeIfAbsent(words.get(0), key -> new ArrayList<>());
    RecordTerms.WordTerm term =
        new RecordTerms.WordTerm(
            List.copyOf(words), gaps == null ? null : List.copyOf(gaps), type, ambiguous, roles);
    for (int i = 0; i < terms.size(); i++) {
      RecordTerms.WordTerm existing = terms.get(i);
      if (existing.words().equals(term.words())) {
        boolean better =
            (existing.ambiguous() && !ambiguous)
                || (existing.type() != PhiType.NAME && type == PhiType.NAME);
        RecordTerms.WordTerm kept = better ? term : existing;
        terms.set(
            i,
            new RecordTerms.WordTerm(
                kept.words(),
                kept.gaps(),
                kept.type(),
                kept.ambiguous(),
                existing.roles() | roles));
        return;
      }
    }
    terms.add(term);
  }

  RecordTerms build() {
    if (byFirstWord.isEmpty() && digitTerms.isEmpty()) {
      return RecordTerms.EMPTY;
    }
    List<RecordTerms.DigitTerm> longestFirst = new ArrayList<>(digitTerms);
    longestFirst.sort(
        Comparator.comparingInt((RecordTerms.DigitTerm term) -> term.digits().length()).reversed());
    return new RecordTerms(new TermTable(byFirstWord), List.copyOf(longestFirst));
  }

  private static List<String> lowerWords(String value) {
    List<String> words = new ArrayList<>();
    if (value == null) {
      return words;
    }
    RecordWords split = RecordWords.of(value);
    for (int word = 0; word < split.count(); word++) {
      words.add(split.lower(word));
    }
    return words;
  }

  private static String withoutDigits(String word) {
    StringBuilder letters = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isDigit(word.charAt(i))) {
        letters.append(word.charAt(i));
      }
    }
    return letters.toString();
  }
}
