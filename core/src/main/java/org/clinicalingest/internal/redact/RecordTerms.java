package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
 * a name as surely as the record does. Terms are kept as lower-case word sequences in a hash table
 * keyed by their first word: the text is cut once into words (runs of letters and digits), and each
 * word is looked up once, by a hash of its lower-case characters, without making a string of it; so
 * matching is case-insensitive, on word boundaries, and linear in the text. Words of a term may be
 * separated in the text by up to three characters of punctuation or blanks on one line ({@code
 * Mary-Ann}, {@code 55 W. 4th Ave}); an e-mail address must match exactly. Numbers (phones, SSNs,
 * ZIP codes, numeric identifiers) are matched on their digits, whatever the formatting: {@code
 * (555) 814-8772} finds {@code 555-814-8772}; a match must start and end at a digit group's
 * boundary, and a slash does not join groups, so {@code 3/12/2019} is never read as a number.
 * Numbers of fewer than five digits and identifiers of fewer than four characters are not terms.
 * The patient's own key ({@code patient_id}, a medical record number) is a term too: the key column
 * keeps it, but a note that quotes it quotes an MRN.
 *
 * <p>Names: each part of a name is a term, with and without Synthea's digits ({@code Alva958} and
 * {@code Alva}), and so is the whole value of a name field of several words ({@code Ann Keeling}),
 * found as one span; names from different fields stay separate spans. Honorifics and credentials
 * ({@code Dr.}, {@code MD}) are left out, and parts of one character are not terms. A part that is
 * also a common word ({@link CommonWords}: {@code Will}, {@code Hope}, {@code May}) or has two
 * letters is found only where it reads as a name:
 *
 * <ul>
 *   <li>written in title case away from the start of a sentence ({@code seen with Will today});
 *   <li>capitalised next to another part of a name of the record ({@code WILL SMITH}, {@code Smith,
 *       Will}, but not {@code Smith will call});
 *   <li>in any case, in the order names are written next to a part that is a name here: a given
 *       name before a family name ({@code hope mcgregor}, {@code nolan wise}) or a family name,
 *       comma, given name ({@code wise, taylor});
 *   <li>after an honorific ({@code Mr. Hope}), a relation ({@code son jack}, {@code dtr genesis},
 *       but not {@code son will}: modal verbs never count this way) or a label ({@code Patient:
 *       reed});
 *   <li>before a verb that reports what a person says or does ({@code faith reports}, {@code Art
 *       agrees}; not {@code Hope is} or {@code May cause});
 *   <li>as a whole field value of several capitalised words (a contact {@code Will May}).
 * </ul>
 *
 * So {@code may cause}, {@code Will follow up.} and {@code HOPE TO SEE} are left alone; the price
 * is a bare common-word name elsewhere at the start of a sentence or in one-case text, which is
 * missed. A city that is a common word needs title case away from a sentence start, a state or ZIP
 * code after it ({@code concord, nh 03334}, {@code mobile, 36662}), or {@code in}, {@code from},
 * {@code near} or {@code to} before it and the end of a clause after it ({@code lives alone in
 * phoenix;}).
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

  /** Words for a person that a name often follows: {@code his son Jack}, {@code dtr Genesis}. */
  private static final Set<String> RELATIONS =
      Set.of(
          """
          son daughter dtr dau mother mom father dad wife husband spouse partner brother bro sister
          sis nephew niece grandson granddaughter grandmother grandma grandfather grandpa grandchild
          aunt uncle cousin friend neighbor neighbour guardian caregiver fiance fiancee boyfriend
          girlfriend stepson stepdaughter stepmother stepfather roommate sibling child
          """
              .strip()
              .split("\\s+"));

  /** Labels that a name follows after a colon: {@code Patient: Reed, Bill}. */
  private static final Set<String> LABELS = Set.of("name", "patient", "pt", "contact", "by");

  /** Verbs after which a common word is no name: {@code son will call}, {@code pt may need}. */
  private static final Set<String> MODALS =
      Set.of("will", "may", "can", "must", "might", "shall", "should", "would", "could");

  /** Verbs that report what a person says or does, after a name: {@code Faith reports}. */
  private static final Set<String> REPORTING_VERBS =
      Set.of(
          """
          reports reported states stated denies denied agrees agreed describes described rates
          rated complains complained endorses endorsed says said asks asked notes noted feels felt
          wants wanted wishes wished prefers preferred declines declined refuses refused
          understands understood verbalizes verbalized tolerates tolerated presents presented
          admits arrived returned called walks walked ambulates ambulated
          """
              .strip()
              .split("\\s+"));

  /** State codes, in lower case, that may follow a city: {@code phoenix, az 85061}. */
  private static final Set<String> STATE_CODES =
      Set.of(
          """
          al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj
          nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc pr gu vi as mp
          """
              .strip()
              .split("\\s+"));

  private static final Pattern STATE_NAME = Pattern.compile("(?i)" + UsPlaces.STATE_NAME + "\\b");

  private static final Pattern IDENTIFIER_PREFIX =
      Pattern.compile("([A-Za-z][A-Za-z0-9_-]{0,15})\\s*:(.*)", Pattern.DOTALL);

  private static final Pattern NUMBER_ONLY = Pattern.compile("[\\d\\s().+-]+");

  private static final String GAP_CHARS = " \t.,-'’()/";
  private static final String DIGIT_GAP_CHARS = " \t.-()+";
  private static final int MAX_GAP = 3;
  private static final int MIN_DIGITS = 5;
  private static final int MIN_ID_CHARS = 4;

  private static final int GIVEN = 1;
  private static final int FAMILY = 2;

  private static final RecordTerms EMPTY = new RecordTerms(TermTable.EMPTY, List.of());

  /**
   * A term of words, in lower case; {@code gaps} hold the exact separators of a strict term; {@code
   * roles} say whether a name part is a given or family name.
   */
  private record WordTerm(
      List<String> words, List<String> gaps, PhiType type, boolean ambiguous, int roles) {}

  private record DigitTerm(String digits, PhiType type) {}

  private record Match(int firstWord, int lastWord, WordTerm term) {}

  private final TermTable byFirstWord;
  private final List<DigitTerm> digitTerms;

  private RecordTerms(TermTable byFirstWord, List<DigitTerm> digitTerms) {
    this.byFirstWord = byFirstWord;
    this.digitTerms = digitTerms;
  }

  /**
   * Collects the terms of a patient: names (family, given, emergency contact, providers of its
   * encounters), identifiers and the patient's own id, phone, fax and emergency phone, e-mail,
   * address lines, city and postal code. Missing or blank fields are skipped.
   *
   * @param patient the patient record, as read
   * @return the terms; empty when the patient has none
   */
  public static RecordTerms of(Patient patient) {
    Objects.requireNonNull(patient, "patient");
    Collector collector = new Collector();
    collector.name(patient.familyName(), FAMILY);
    for (String given : patient.givenNames()) {
      collector.name(given, GIVEN);
    }
    collector.name(patient.emergencyContactName(), 0);
    for (Encounter encounter : patient.encounters()) {
      collector.name(encounter.providerName(), 0);
    }
    patient.identifiers().forEach(collector::identifier);
    collector.patientId(patient.patientId());
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
    Words words = Words.borrow(text);
    List<PhiSpan> spans = new ArrayList<>();
    try {
      if (!byFirstWord.isEmpty()) {
        findWords(words, spans);
      }
      if (!digitTerms.isEmpty() && words.hasNumber()) {
        findDigits(words, spans);
      }
    } finally {
      words.giveBack();
    }
    return SpanMerger.merge(spans);
  }

  private void findWords(Words words, List<PhiSpan> spans) {
    List<Match> matches = new ArrayList<>();
    int index = 0;
    while (index < words.count()) {
      Match best = null;
      WordTerm[] candidates = byFirstWord.get(words, index);
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
    boolean[] accepted = new boolean[matches.size()];
    boolean ambiguous = false;
    for (int i = 0; i < matches.size(); i++) {
      accepted[i] = !matches.get(i).term().ambiguous() || readsAsName(words, matches, i);
      ambiguous |= !accepted[i];
    }
    boolean changed = ambiguous;
    while (changed) {
      changed = false;
      for (int i = 0; i < matches.size(); i++) {
        if (!accepted[i] && nextToAcceptedName(words, matches, accepted, i)) {
          accepted[i] = true;
          changed = true;
        }
      }
    }
    for (int i = 0; i < matches.size(); i++) {
      if (accepted[i]) {
        Match match = matches.get(i);
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
      if (!words.is(word, term.words().get(k))) {
        return false;
      }
      boolean gapFits =
          term.gaps() == null
              ? words.gapIsOf(word, GAP_CHARS)
              : words.gapEquals(word, term.gaps().get(k - 1));
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
    if (match.term().type() == PhiType.LOCATION) {
      return readsAsPlace(words, match);
    }
    if (match.term().type() != PhiType.NAME) {
      return false;
    }
    int before = match.firstWord() - 1;
    if (before >= 0 && isGap(words.gapBefore(match.firstWord()), ". \t")) {
      String previous = words.lower(before);
      if (HONORIFICS.contains(previous)
          || RELATIONS.contains(previous) && !MODALS.contains(words.lower(match.firstWord()))) {
        return true;
      }
    }
    if (before >= 0
        && LABELS.contains(words.lower(before))
        && isGap(words.gapBefore(match.firstWord()), ": \t")
        && words.gapBefore(match.firstWord()).indexOf(':') >= 0) {
      return true;
    }
    if ((match.term().roles() & FAMILY) != 0
        && before >= 1
        && isGap(words.gapBefore(match.firstWord()), " \t")
        && introducesPerson(words, before - 1)) {
      return true;
    }
    int after = match.lastWord() + 1;
    if (after < words.count()
        && isGap(words.gapBefore(after), " \t")
        && REPORTING_VERBS.contains(words.lower(after))) {
      return true;
    }
    return adjacentName(words, match, i > 0 ? matches.get(i - 1) : null, true)
        || adjacentName(words, match, i + 1 < matches.size() ? matches.get(i + 1) : null, false)
        || fullName(words, match, i > 0 ? matches.get(i - 1) : null, true)
        || fullName(words, match, i + 1 < matches.size() ? matches.get(i + 1) : null, false);
  }

  /**
   * Whether the word is a relation or honorific two words before a family name, with a given name
   * between: {@code his daughter joan short}, {@code Mrs. Joan Hall}.
   */
  private static boolean introducesPerson(Words words, int word) {
    String lower = words.lower(word);
    return (RELATIONS.contains(lower) || HONORIFICS.contains(lower))
        && isGap(words.gapBefore(word + 1), ". \t")
        && !words.isNumber(word + 1);
  }

  /**
   * Whether a given and a family name of the record stand together in the order names are written,
   * both ambiguous, as in {@code bill friend} or {@code carter, grant}; not with a modal verb
   * ({@code will call}).
   */
  private static boolean fullName(Words words, Match match, Match neighbour, boolean before) {
    if (neighbour == null || neighbour.term().type() != PhiType.NAME) {
      return false;
    }
    Match first = before ? neighbour : match;
    Match second = before ? match : neighbour;
    if (first.lastWord() + 1 != second.firstWord()
        || MODALS.contains(words.lower(first.firstWord()))
        || MODALS.contains(words.lower(second.firstWord()))) {
      return false;
    }
    String gap = words.gapBefore(second.firstWord());
    int firstRoles = first.term().roles();
    int secondRoles = second.term().roles();
    return (firstRoles & GIVEN) != 0 && (secondRoles & FAMILY) != 0 && isGap(gap, " \t")
        || (firstRoles & FAMILY) != 0 && (secondRoles & GIVEN) != 0 && isCommaGap(gap);
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

  /**
   * Whether an ambiguous name part stands, in the order names are written, next to a part accepted
   * as a name: a given name before a family name, or a family name, comma, given name.
   */
  private static boolean nextToAcceptedName(
      Words words, List<Match> matches, boolean[] accepted, int i) {
    Match match = matches.get(i);
    if (match.term().type() != PhiType.NAME) {
      return false;
    }
    int roles = match.term().roles();
    if (i + 1 < matches.size() && accepted[i + 1]) {
      Match next = matches.get(i + 1);
      if (next.firstWord() == match.lastWord() + 1 && next.term().type() == PhiType.NAME) {
        String gap = words.gapBefore(next.firstWord());
        if ((roles & GIVEN) != 0 && (next.term().roles() & FAMILY) != 0 && isGap(gap, " \t")) {
          return true;
        }
        if ((roles & FAMILY) != 0 && (next.term().roles() & GIVEN) != 0 && isCommaGap(gap)) {
          return true;
        }
      }
    }
    if (i > 0 && accepted[i - 1]) {
      Match previous = matches.get(i - 1);
      if (previous.lastWord() == match.firstWord() - 1 && previous.term().type() == PhiType.NAME) {
        String gap = words.gapBefore(match.firstWord());
        if ((roles & FAMILY) != 0 && (previous.term().roles() & GIVEN) != 0 && isGap(gap, " \t")) {
          return true;
        }
        if ((roles & GIVEN) != 0 && (previous.term().roles() & FAMILY) != 0 && isCommaGap(gap)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether an ambiguous city reads as a place: followed by a state and ZIP code, a state name or a
   * ZIP code; or after {@code in}, {@code from}, {@code near} or {@code to} at the end of a clause.
   */
  private static boolean readsAsPlace(Words words, Match match) {
    int after = match.lastWord() + 1;
    if (after < words.count() && isGap(words.gapBefore(after), ", \t")) {
      if (words.isNumber(after) && words.length(after) == 5) {
        return true;
      }
      String next = words.text(after);
      boolean zipFollows =
          after + 1 < words.count()
              && words.isNumber(after + 1)
              && words.length(after + 1) == 5
              && isGap(words.gapBefore(after + 1), ", \t");
      if (next.length() == 2
          && STATE_CODES.contains(words.lower(after))
          && (zipFollows || Character.isUpperCase(next.charAt(0)) && isCapitalised(next, 1))) {
        return true;
      }
      if (words.lookingAt(STATE_NAME, words.start(after))) {
        return true;
      }
    }
    int before = match.firstWord() - 1;
    if (before < 0 || !isGap(words.gapBefore(match.firstWord()), " \t")) {
      return false;
    }
    String preposition = words.lower(before);
    if (!preposition.equals("in")
        && !preposition.equals("from")
        && !preposition.equals("near")
        && !preposition.equals("to")) {
      return false;
    }
    int end = words.end(match.lastWord());
    char next = end < words.textLength() ? words.charAt(end) : '.';
    return ".;,:!?)\n\r".indexOf(next) >= 0;
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
          && words.gapIsOf(last + 1, DIGIT_GAP_CHARS)) {
        last++;
      }
      findDigitsInGroup(words, index, last, spans);
      index = last + 1;
    }
  }

  /** Finds digit terms in the numbers {@code first..last}, joined as one digit string. */
  private void findDigitsInGroup(Words words, int first, int last, List<PhiSpan> spans) {
    int length = 0;
    for (int word = first; word <= last; word++) {
      length += words.length(word);
    }
    if (length < MIN_DIGITS) {
      return;
    }
    int[] wordAt = new int[last - first + 2];
    StringBuilder digits = new StringBuilder(length);
    for (int word = first; word <= last; word++) {
      wordAt[word - first] = digits.length();
      digits.append(words.textOf(), words.start(word), words.end(word));
    }
    wordAt[last - first + 1] = digits.length();
    String joined = digits.toString();
    boolean[] taken = new boolean[last - first + 1];
    for (DigitTerm term : digitTerms) {
      if (term.digits().length() > joined.length()) {
        continue;
      }
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

  private static boolean isCommaGap(String gap) {
    return isGap(gap, ", \t") && gap.charAt(0) == ',';
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

  /** Whether the letters of {@code word} from {@code from} on are all upper case. */
  private static boolean isCapitalised(String word, int from) {
    for (int i = from; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Lower case, one character at a time, as {@link Words} compares. */
  static String lower(String value) {
    char[] lower = new char[value.length()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = Character.toLowerCase(value.charAt(i));
    }
    return new String(lower);
  }

  /**
   * The words of a text: runs of letters and digits, with their offsets and the hash of their
   * lower-case characters ({@link TermTable}), found in one pass that lower-cases ASCII by a table.
   */
  private static final class Words {
    private static final char[] ASCII_LOWER = new char[128];

    static {
      for (char c = '0'; c <= '9'; c++) {
        ASCII_LOWER[c] = c;
      }
      for (char c = 'a'; c <= 'z'; c++) {
        ASCII_LOWER[c] = c;
        ASCII_LOWER[c - 'a' + 'A'] = c;
      }
    }

    private static final ThreadLocal<Words> SCRATCH = ThreadLocal.withInitial(() -> new Words(64));

    /** Arrays grown past this many words are not kept for the next text of the thread. */
    private static final int KEPT_WORDS = 1 << 14;

    private String text;
    private int[] starts;
    private int[] ends;
    private int[] hashes;
    private boolean[] numbers;
    private int count;
    private boolean anyNumber;
    private boolean lent;

    private Words(int capacity) {
      this.starts = new int[capacity];
      this.ends = new int[capacity];
      this.hashes = new int[capacity];
      this.numbers = new boolean[capacity];
    }

    /** The words of {@code text}, in arrays of their own. */
    static Words of(String text) {
      Words words = new Words(Math.max(8, text.length() / 4));
      words.split(text);
      return words;
    }

    /**
     * The words of {@code text}, in the arrays of the calling thread (the words of the finder's hot
     * path were half of what it allocated), or of their own if the thread's are lent out; {@link
     * #giveBack} when done.
     */
    static Words borrow(String text) {
      Words words = SCRATCH.get();
      if (words.lent) {
        return of(text);
      }
      words.lent = true;
      words.split(text);
      return words;
    }

    /** Gives borrowed words back to the thread; they must not be used afterwards. */
    void giveBack() {
      if (!lent) {
        return; // words of their own
      }
      lent = false;
      text = null;
      if (starts.length > KEPT_WORDS) {
        SCRATCH.remove();
      }
    }

    private void split(String text) {
      this.text = text;
      count = 0;
      anyNumber = false;
      int length = text.length();
      int position = 0;
      while (position < length) {
        char c = text.charAt(position);
        char lower = lowerCase(c);
        if (lower == 0) {
          position++;
          continue;
        }
        int start = position;
        int hash = 0;
        boolean number = true;
        do {
          hash = 31 * hash + lower;
          number &= c <= '9';
          position++;
        } while (position < length && (lower = lowerCase(c = text.charAt(position))) != 0);
        add(start, position, hash, number);
      }
    }

    /** The lower case of a letter or digit, 0 for any other character. */
    private static char lowerCase(char c) {
      if (c < 128) {
        return ASCII_LOWER[c];
      }
      return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }

    private void add(int start, int end, int hash, boolean number) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        hashes = Arrays.copyOf(hashes, count * 2);
        numbers = Arrays.copyOf(numbers, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      hashes[count] = hash;
      numbers[count] = number;
      anyNumber |= number;
      count++;
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

    int length(int word) {
      return ends[word] - starts[word];
    }

    int hash(int word) {
      return hashes[word];
    }

    String textOf() {
      return text;
    }

    int textLength() {
      return text.length();
    }

    char charAt(int index) {
      return text.charAt(index);
    }

    boolean hasNumber() {
      return anyNumber;
    }

    String text(int word) {
      return text.substring(starts[word], ends[word]);
    }

    String lower(int word) {
      return RecordTerms.lower(text(word));
    }

    /** Whether the word, in lower case, is {@code lowerCase}. */
    boolean is(int word, String lowerCase) {
      int start = starts[word];
      if (ends[word] - start != lowerCase.length()) {
        return false;
      }
      for (int i = 0; i < lowerCase.length(); i++) {
        if (lowerCase(text.charAt(start + i)) != lowerCase.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    String gapBefore(int word) {
      return text.substring(ends[word - 1], starts[word]);
    }

    /** Whether the gap before the word is one to three characters, all of {@code allowed}. */
    boolean gapIsOf(int word, String allowed) {
      int from = ends[word - 1];
      int to = starts[word];
      if (to == from || to - from > MAX_GAP) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if (allowed.indexOf(text.charAt(i)) < 0) {
          return false;
        }
      }
      return true;
    }

    boolean gapEquals(int word, String gap) {
      int from = ends[word - 1];
      return starts[word] - from == gap.length()
          && text.regionMatches(true, from, gap, 0, gap.length());
    }

    boolean isNumber(int word) {
      return numbers[word];
    }

    boolean lookingAt(Pattern pattern, int from) {
      Matcher matcher = pattern.matcher(text).region(from, text.length());
      return matcher.lookingAt();
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

  /**
   * Terms by their first word, in an open-addressing table looked up by the hash of a word's
   * lower-case characters, so that no string is made for the words of the text.
   */
  private static final class TermTable {
    static final TermTable EMPTY = new TermTable(Map.of());

    private final String[] keys;
    private final int[] hashes;
    private final WordTerm[][] values;
    private final int mask;
    private final int size;

    TermTable(Map<String, List<WordTerm>> terms) {
      size = terms.size();
      int capacity = Integer.highestOneBit(Math.max(4, terms.size() * 3)) * 2;
      keys = new String[capacity];
      hashes = new int[capacity];
      values = new WordTerm[capacity][];
      mask = capacity - 1;
      terms.forEach(
          (word, list) -> {
            int hash = hash(word);
            int slot = hash & mask;
            while (keys[slot] != null) {
              slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            hashes[slot] = hash;
            values[slot] = list.toArray(new WordTerm[0]);
          });
    }

    boolean isEmpty() {
      return size == 0;
    }

    WordTerm[] get(Words words, int word) {
      int hash = words.hash(word);
      for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
        if (hashes[slot] == hash && words.is(word, keys[slot])) {
          return values[slot];
        }
      }
      return null;
    }

    private static int hash(String lowerCase) {
      int hash = 0;
      for (int i = 0; i < lowerCase.length(); i++) {
        hash = 31 * hash + lowerCase.charAt(i);
      }
      return hash;
    }
  }

  /** Gathers terms from field values; not thread-safe. */
  private static final class Collector {
    private final Map<String, List<WordTerm>> byFirstWord = new HashMap<>();
    private final List<DigitTerm> digitTerms = new ArrayList<>();

    /**
     * Adds a name; {@code roles} is {@link #GIVEN} or {@link #FAMILY} for a field of that part, 0
     * for a whole name (its first words given, its last family).
     */
    void name(String value, int roles) {
      List<String> parts = lowerWords(value);
      while (parts.size() > 1 && HONORIFICS.contains(parts.get(0))) {
        parts.remove(0);
      }
      while (parts.size() > 1 && CREDENTIALS.contains(parts.get(parts.size() - 1))) {
        parts.remove(parts.size() - 1);
      }
      if (parts.size() > 1) {
        List<String> bare = parts.stream().map(Collector::withoutDigits).toList();
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
        return GIVEN | FAMILY;
      }
      return index == size - 1 ? FAMILY : GIVEN;
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
      if (digits.length() >= MIN_DIGITS) {
        digitTerms.add(new DigitTerm(digits, type));
      }
    }

    private void add(
        List<String> words, List<String> gaps, PhiType type, boolean ambiguous, int roles) {
      List<WordTerm> terms = byFirstWord.computeIfAbsent(words.get(0), key -> new ArrayList<>());
      WordTerm term =
          new WordTerm(
              List.copyOf(words), gaps == null ? null : List.copyOf(gaps), type, ambiguous, roles);
      for (int i = 0; i < terms.size(); i++) {
        WordTerm existing = terms.get(i);
        if (existing.words().equals(term.words())) {
          boolean better =
              (existing.ambiguous() && !ambiguous)
                  || (existing.type() != PhiType.NAME && type == PhiType.NAME);
          WordTerm kept = better ? term : existing;
          terms.set(
              i,
              new WordTerm(
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
        return EMPTY;
      }
      List<DigitTerm> longestFirst = new ArrayList<>(digitTerms);
      longestFirst.sort(
          Comparator.comparingInt((DigitTerm term) -> term.digits().length()).reversed());
      return new RecordTerms(new TermTable(byFirstWord), List.copyOf(longestFirst));
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
