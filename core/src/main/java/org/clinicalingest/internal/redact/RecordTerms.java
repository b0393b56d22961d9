package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

  /** Titles before a name, left out of name terms. */
  static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "mister", "madam");

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

  private static final String GAP_CHARS = " \t.,-'’()/";
  private static final String DIGIT_GAP_CHARS = " \t.-()+";

  /** Numbers of fewer digits are not terms. */
  static final int MIN_DIGITS = 5;

  /** The role of a given name among a name term's roles. */
  static final int GIVEN = 1;

  /** The role of a family name among a name term's roles. */
  static final int FAMILY = 2;

  /** The terms of a patient who has none. */
  static final RecordTerms EMPTY = new RecordTerms(TermTable.EMPTY, List.of());

  /**
   * A term of words, in lower case; {@code gaps} hold the exact separators of a strict term; {@code
   * roles} say whether a name part is a given or family name.
   */
  record WordTerm(
      List<String> words, List<String> gaps, PhiType type, boolean ambiguous, int roles) {}

  /** A number term, as its digits. */
  record DigitTerm(String digits, PhiType type) {}

  private record Match(int firstWord, int lastWord, WordTerm term) {}

  private final TermTable byFirstWord;
  private final List<DigitTerm> digitTerms;

  RecordTerms(TermTable byFirstWord, List<DigitTerm> digitTerms) {
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
    RecordTermCollector collector = new RecordTermCollector();
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
    return find(RecordWords.borrow(text));
  }

  /** As {@link #find(String)}, for a text already scanned. */
  List<PhiSpan> find(ScannedText text) {
    if (isEmpty() || text.length() == 0) {
      return List.of();
    }
    return find(RecordWords.borrow(text));
  }

  private List<PhiSpan> find(RecordWords words) {
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

  private void findWords(RecordWords words, List<PhiSpan> spans) {
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

  private static boolean matchesAt(RecordWords words, int index, WordTerm term) {
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
  private static boolean readsAsName(RecordWords words, List<Match> matches, int i) {
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
  private static boolean introducesPerson(RecordWords words, int word) {
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
  private static boolean fullName(RecordWords words, Match match, Match neighbour, boolean before) {
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

  private static boolean adjacentName(
      RecordWords words, Match match, Match neighbour, boolean before) {
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
      RecordWords words, List<Match> matches, boolean[] accepted, int i) {
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
  private static boolean readsAsPlace(RecordWords words, Match match) {
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

  private void findDigits(RecordWords words, List<PhiSpan> spans) {
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

  /**
   * Finds digit terms in the numbers {@code first..last}, read as one digit string: a term is found
   * where it spells whole numbers from one to another, the gaps between them skipped.
   */
  private void findDigitsInGroup(RecordWords words, int first, int last, List<PhiSpan> spans) {
    int length = 0;
    for (int word = first; word <= last; word++) {
      length += words.length(word);
    }
    if (length < MIN_DIGITS) {
      return;
    }
    boolean[] taken = null;
    for (DigitTerm term : digitTerms) {
      if (term.digits().length() > length) {
        continue;
      }
      for (int startWord = first; startWord <= last; startWord++) {
        int endWord = lastNumberSpelling(words, startWord, last, term.digits());
        if (endWord < 0 || taken != null && anyTaken(taken, startWord - first, endWord - first)) {
          continue;
        }
        if (taken == null) {
          taken = new boolean[last - first + 1];
        }
        Arrays.fill(taken, startWord - first, endWord - first + 1, true);
        spans.add(new PhiSpan(words.start(startWord), words.end(endWord), term.type()));
      }
    }
  }

  /**
   * The last of the numbers from {@code startWord} on (up to {@code last}) that together spell
   * {@code digits}, or -1 if they spell something else or {@code digits} end inside a number.
   */
  private static int lastNumberSpelling(RecordWords words, int startWord, int last, String digits) {
    int spelled = 0;
    for (int word = startWord; word <= last; word++) {
      int wordLength = words.length(word);
      if (!words.textOf().regionMatches(words.start(word), digits, spelled, wordLength)) {
        return -1; // also where the number runs past the digits' end
      }
      spelled += wordLength;
      if (spelled == digits.length()) {
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
    if (gap.isEmpty() || gap.length() > RecordWords.MAX_GAP) {
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

  private static boolean allCapitalised(RecordWords words, Match match) {
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
}
