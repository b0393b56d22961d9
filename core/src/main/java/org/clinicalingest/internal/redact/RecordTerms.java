package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * The PHI values of one patient's structured fields, found again in that patient's free text.
 *
 * <p>Design: a note often repeats what the record already says (Synthea notes start with the
 * patient's name, {@code Alva958}), and no pattern or language model knows that {@code Keeling} is
 * a name as surely as the record does. Terms are kept as lower-case word sequences, looked up by
 * their first word: the text is cut once into words (runs of letters and digits), so matching is
 * case-insensitive, on word boundaries, and linear in the text. Words of a term may be separated in
 * the text by up to three characters of punctuation or blanks on one line ({@code Mary-Ann}, {@code
 * 55 W. 4th Ave}); an e-mail address must match exactly. Numbers (phones, SSNs, ZIP codes, numeric
 * identifiers) are matched on their digits, whatever the formatting: {@code (555) 814-8772} finds
 * {@code 555-814-8772}; a match must start and end at a digit group's boundary, and a slash does
 * not join groups, so {@code 3/12/2019} is never read as a number. Numbers of fewer than five
 * digits and identifiers of fewer than four characters are not terms.
 *
 * <p>Names: each part of a name is a term, with and without Synthea's digits ({@code Alva958} and
 * {@code Alva}), and so is the whole value of a name field of several words ({@code Ann Keeling}),
 * found as one span; names from different fields stay separate spans. Honorifics and credentials
 * ({@code Dr.}, {@code MD}) are left out, and parts of one character are not terms. A part that is
 * also a common word ({@link CommonWords}: {@code Will}, {@code Hope}, {@code May}) or has two
 * letters is found only where it reads as a name: written in title case away from the start of a
 * sentence ({@code seen with Will today}), capitalised next to another part of a name of the record
 * ({@code WILL SMITH}, {@code Smith, Will}, but not {@code Smith will call}), after an honorific
 * ({@code Mr. Hope}), or as a whole field value of several capitalised words (a contact {@code Will
 * May}). So {@code may cause}, {@code Will follow up.} and {@code HOPE TO SEE} are left alone; the
 * price is a bare common-word name at the start of a sentence or in lower case, which is missed. A
 * city that is a common word needs title case away from a sentence start.
 *
 * <p>Types: names are {@code NAME}; identifiers {@code SSN}, {@code MRN} or {@code ID} by their
 * prefix; phones {@code PHONE}, the fax {@code FAX}; e-mail {@code EMAIL}; address lines {@code
 * ADDRESS} (also without the unit and without the house number); the city {@code LOCATION}; the
 * postal code {@code ZIP}. Immutable and thread-safe.
 */
public final class RecordTerms {

  private static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "mister", "madam");

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

  private static final String GAP_CHARS = " \t.,-'’()/";
  private static final String DIGIT_GAP_CHARS = " \t.-()+";
  private static final int MAX_GAP = 3;
  private static final int MIN_DIGITS = 5;
  private static final int MIN_ID_CHARS = 4;

  private static final RecordTerms EMPTY = new RecordTerms(Map.of(), List.of());

  /** A term of words, in lower case; {@code gaps} hold the exact separators of a strict term. */
  private record WordTerm(List<String> words, List<String> gaps, PhiType type, boolean ambiguous) {}

  private record DigitTerm(String digits, PhiType type) {}

  private record Match(int firstWord, int lastWord, WordTerm term) {}

  private final Map<String, List<WordTerm>> byFirstWord;
  private final List<DigitTerm> digitTerms;

  private RecordTerms(Map<String, List<WordTerm>> byFirstWord, List<DigitTerm> digitTerms) {
    this.byFirstWord = byFirstWord;
    this.digitTerms = digitTerms;
  }

  /**
   * Collects the terms of a patient: names (family, given, emergency contact, providers of its
   * encounters), identifiers, phone, fax and emergency phone, e-mail, address lines, city and
   * postal code. Missing or blank fields are skipped.
   *
   * @param patient the patient record, as read
   * @return the terms; empty when the patient has none
   */
  public static RecordTerms of(Patient patient) {
    Objects.requireNonNull(patient, "patient");
    Collector collector = new Collector();
    collector.name(patient.familyName());
    patient.givenNames().forEach(collector::name);
    collector.name(patient.emergencyContactName());
    for (Encounter encounter : patient.encounters()) {
      collector.name(encounter.providerName());
    }
    patient.identifiers().forEach(collector::identifier);
    collector.phone(patient.phone(), PhiType.PHONE);
    collector.phone(patient.fax(), PhiType.FAX);
    collector.phone(patient.emergencyContactPhone(), PhiType.PHONE);
    collector.email(patient.email());
    collector.addressLine(patient.addressLine1());
    collector.addressLine(patient.addressLine2());
    collector.words(patient.city(), PhiType.LOCATION);
    collector.postalCode(patient.postalCode());
    return collector.build();
  }

  /** Whether the patient has no term at all, so that {@link #find} always returns nothing. */
  public boolean isEmpty() {
    return byFirstWord.isEmpty() && digitTerms.isEmpty();
  }

  /**
   * Finds the patient's terms in a text. Thread-safe.
   *
   * @param text free text of this patient, not null
   * @return merged spans (sorted, non-overlapping), UTF-16 offsets into {@code text}
   */
  public List<PhiSpan> find(String text) {
    Objects.requireNonNull(text, "text");
    if (isEmpty() || text.isEmpty()) {
      return List.of();
    }
    Words words = Words.of(text);
    List<PhiSpan> spans = new ArrayList<>();
    if (!byFirstWord.isEmpty()) {
      findWords(words, spans);
    }
    if (!digitTerms.isEmpty()) {
      findDigits(words, spans);
    }
    return SpanMerger.merge(spans);
  }

  private void findWords(Words words, List<PhiSpan> spans) {
    List<Match> matches = new ArrayList<>();
    int index = 0;
    while (index < words.count()) {
      Match best = null;
      List<WordTerm> candidates = byFirstWord.get(words.lower(index));
      if (candidates != null) {
        for (WordTerm term : candidates) {
          if ((best == null || term.words().size() > best.term().words().size())
              && matchesAt(words, index, term)) {
            best = new Match(index, index + term.words().size() - 1, term);
          }
        }
      }
      if (best == null) {
        index++;
      } else {
        matches.add(best);
        index = best.lastWord() + 1;
      }
    }
    for (int i = 0; i < matches.size(); i++) {
      Match match = matches.get(i);
      if (!match.term().ambiguous() || readsAsName(words, matches, i)) {
        spans.add(
            new PhiSpan(
                words.start(match.firstWord()), words.end(match.lastWord()), match.term().type()));
      }
    }
  }

  private static boolean matchesAt(Words words, int index, WordTerm term) {
    int size = term.words().size();
    if (index + size > words.count()) {
      return false;
    }
    for (int k = 1; k < size; k++) {
      int word = index + k;
      if (!words.lower(word).equals(term.words().get(k))) {
        return false;
      }
      String gap = words.gapBefore(word);
      boolean gapFits =
          term.gaps() == null
              ? isGap(gap, GAP_CHARS)
              : gap.equalsIgnoreCase(term.gaps().get(k - 1));
      if (!gapFits) {
        return false;
      }
    }
    return true;
  }

  /** Whether an ambiguous match reads as a name or place here; see the class comment. */
  private static boolean readsAsName(Words words, List<Match> matches, int i) {
    Match match = matches.get(i);
    String first = words.text(match.firstWord());
    if (isTitleCase(first) && !words.startsSentence(match.firstWord())) {
      return true;
    }
    if (match.lastWord() > match.firstWord() && allCapitalised(words, match)) {
      return true;
    }
    if (match.term().type() != PhiType.NAME) {
      return false;
    }
    if (match.firstWord() > 0
        && HONORIFICS.contains(words.lower(match.firstWord() - 1))
        && isGap(words.gapBefore(match.firstWord()), ". \t")) {
      return true;
    }
    return adjacentName(words, match, i > 0 ? matches.get(i - 1) : null, true)
        || adjacentName(words, match, i + 1 < matches.size() ? matches.get(i + 1) : null, false);
  }

  private static boolean adjacentName(Words words, Match match, Match neighbour, boolean before) {
    if (neighbour == null || neighbour.term().type() != PhiType.NAME) {
      return false;
    }
    int gapWord = before ? match.firstWord() : neighbour.firstWord();
    boolean adjacent =
        before
            ? neighbour.lastWord() == match.firstWord() - 1
            : neighbour.firstWord() == match.lastWord() + 1;
    if (!adjacent || !isGap(words.gapBefore(gapWord), " \t,.")) {
      return false;
    }
    return isCapitalised(words.text(match.firstWord()))
        && (!neighbour.term().ambiguous() || isCapitalised(words.text(neighbour.firstWord())));
  }

  private void findDigits(Words words, List<PhiSpan> spans) {
    int index = 0;
    while (index < words.count()) {
      if (!words.isNumber(index)) {
        index++;
        continue;
      }
      int last = index;
      while (last + 1 < words.count()
          && words.isNumber(last + 1)
          && isGap(words.gapBefore(last + 1), DIGIT_GAP_CHARS)) {
        last++;
      }
      findDigitsInGroup(words, index, last, spans);
      index = last + 1;
    }
  }

  /** Finds digit terms in the numbers {@code first..last}, joined as one digit string. */
  private void findDigitsInGroup(Words words, int first, int last, List<PhiSpan> spans) {
    StringBuilder digits = new StringBuilder();
    int[] wordAt = new int[last - first + 2];
    for (int word = first; word <= last; word++) {
      wordAt[word - first] = digits.length();
      digits.append(words.text(word));
    }
    wordAt[last - first + 1] = digits.length();
    String joined = digits.toString();
    boolean[] taken = new boolean[last - first + 1];
    for (DigitTerm term : digitTerms) {
      for (int startWord = first; startWord <= last; startWord++) {
        int from = wordAt[startWord - first];
        if (!joined.startsWith(term.digits(), from)) {
          continue;
        }
        int endWord = wordEndingAt(wordAt, from + term.digits().length(), startWord - first);
        if (endWord < 0 || anyTaken(taken, startWord - first, endWord)) {
          continue;
        }
        Arrays.fill(taken, startWord - first, endWord + 1, true);
        spans.add(new PhiSpan(words.start(startWord), words.end(first + endWord), term.type()));
      }
    }
  }

  private static int wordEndingAt(int[] wordAt, int end, int fromWord) {
    for (int word = fromWord; word + 1 < wordAt.length; word++) {
      if (wordAt[word + 1] == end) {
        return word;
      }
    }
    return -1;
  }

  private static boolean anyTaken(boolean[] taken, int from, int to) {
    for (int i = from; i <= to; i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGap(String gap, String allowed) {
    if (gap.isEmpty() || gap.length() > MAX_GAP) {
      return false;
    }
    for (int i = 0; i < gap.length(); i++) {
      if (allowed.indexOf(gap.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTitleCase(String word) {
    if (!Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean allCapitalised(Words words, Match match) {
    for (int word = match.firstWord(); word <= match.lastWord(); word++) {
      if (!isCapitalised(words.text(word))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCapitalised(String word) {
    return Character.isUpperCase(word.charAt(0));
  }

  /** The words of a text: runs of letters and digits, with their offsets. */
  private static final class Words {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final int count;
    private final String[] lower;

    private Words(String text, int[] starts, int[] ends, int count) {
      this.text = text;
      this.starts = starts;
      this.ends = ends;
      this.count = count;
      this.lower = new String[count];
    }

    static Words of(String text) {
      int[] starts = new int[text.length() / 2 + 1];
      int[] ends = new int[starts.length];
      int count = 0;
      int position = 0;
      while (position < text.length()) {
        if (!Character.isLetterOrDigit(text.charAt(position))) {
          position++;
          continue;
        }
        int start = position;
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
          position++;
        }
        starts[count] = start;
        ends[count] = position;
        count++;
      }
      return new Words(text, starts, ends, count);
    }

    int count() {
      return count;
    }

    int start(int word) {
      return starts[word];
    }

    int end(int word) {
      return ends[word];
    }

    String text(int word) {
      return text.substring(starts[word], ends[word]);
    }

    String lower(int word) {
      String cached = lower[word];
      if (cached == null) {
        cached = text(word).toLowerCase(Locale.ROOT);
        lower[word] = cached;
      }
      return cached;
    }

    String gapBefore(int word) {
      return text.substring(ends[word - 1], starts[word]);
    }

    boolean isNumber(int word) {
      for (int i = starts[word]; i < ends[word]; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }

    /** Whether only blanks, quotes or bullets stand between the word and a sentence's start. */
    boolean startsSentence(int word) {
      int position = starts[word] - 1;
      while (position >= 0 && " \t\"'(*•-".indexOf(text.charAt(position)) >= 0) {
        position--;
      }
      return position < 0 || ".!?:;\n\r".indexOf(text.charAt(position)) >= 0;
    }
  }

  /** Gathers terms from field values; not thread-safe. */
  private static final class Collector {
    private final Map<String, List<WordTerm>> byFirstWord = new HashMap<>();
    private final List<DigitTerm> digitTerms = new ArrayList<>();

    void name(String value) {
      List<String> parts = lowerWords(value);
      while (parts.size() > 1 && HONORIFICS.contains(parts.get(0))) {
        parts.remove(0);
      }
      while (parts.size() > 1 && CREDENTIALS.contains(parts.get(parts.size() - 1))) {
        parts.remove(parts.size() - 1);
      }
      if (parts.size() > 1) {
        List<String> bare = parts.stream().map(Collector::withoutDigits).toList();
        add(parts, null, PhiType.NAME, parts.stream().allMatch(CommonWords::isAmbiguous));
        if (!bare.equals(parts) && bare.stream().noneMatch(String::isEmpty)) {
          add(bare, null, PhiType.NAME, bare.stream().allMatch(CommonWords::isAmbiguous));
        }
      }
      for (String part : parts) {
        String bare = withoutDigits(part);
        if (part.length() > 1) {
          add(List.of(part), null, PhiType.NAME, CommonWords.isAmbiguous(part));
        }
        if (bare.length() > 1 && !bare.equals(part)) {
          add(List.of(bare), null, PhiType.NAME, CommonWords.isAmbiguous(bare));
        }
      }
    }

    void identifier(String value) {
      if (value == null || value.isBlank()) {
        return;
      }
      String identifier = value.strip();
      PhiType type = PhiType.ID;
      Matcher prefixed = IDENTIFIER_PREFIX.matcher(identifier);
      if (prefixed.matches() && !prefixed.group(2).isBlank()) {
        type = FieldRedactor.identifierType(prefixed.group(1));
        identifier = prefixed.group(2).strip();
      }
      if (NUMBER_ONLY.matcher(identifier).matches()) {
        digits(TextScan.digits(identifier), type);
      } else {
        List<String> words = lowerWords(identifier);
        if (words.stream().mapToInt(String::length).sum() >= MIN_ID_CHARS) {
          add(words, null, type, false);
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
      Words words = Words.of(email);
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
      add(lower, gaps, PhiType.EMAIL, false);
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
      add(words, null, type, ambiguous);
    }

    private void digits(String digits, PhiType type) {
      if (digits.length() >= MIN_DIGITS) {
        digitTerms.add(new DigitTerm(digits, type));
      }
    }

    private void add(List<String> words, List<String> gaps, PhiType type, boolean ambiguous) {
      List<WordTerm> terms = byFirstWord.computeIfAbsent(words.get(0), key -> new ArrayList<>());
      WordTerm term =
          new WordTerm(
              List.copyOf(words), gaps == null ? null : List.copyOf(gaps), type, ambiguous);
      for (int i = 0; i < terms.size(); i++) {
        WordTerm existing = terms.get(i);
        if (existing.words().equals(term.words())) {
          boolean better =
              (existing.ambiguous() && !ambiguous)
                  || (existing.type() != PhiType.NAME && type == PhiType.NAME);
          if (better) {
            terms.set(i, term);
          }
          return;
        }
      }
      terms.add(term);
    }

    RecordTerms build() {
      if (byFirstWord.isEmpty() && digitTerms.isEmpty()) {
        return EMPTY;
      }
      Map<String, List<WordTerm>> frozen = new HashMap<>();
      byFirstWord.forEach((word, terms) -> frozen.put(word, List.copyOf(terms)));
      List<DigitTerm> longestFirst = new ArrayList<>(digitTerms);
      longestFirst.sort(
          Comparator.comparingInt((DigitTerm term) -> term.digits().length()).reversed());
      return new RecordTerms(Map.copyOf(frozen), List.copyOf(longestFirst));
    }

    private static List<String> lowerWords(String value) {
      List<String> words = new ArrayList<>();
      if (value == null) {
        return words;
      }
      Words split = Words.of(value);
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
}
