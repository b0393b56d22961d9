package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Sorts the tokens of a sentence into those the CRF must look at (candidates), those it may look at
 * when they stand next to a candidate, and the rest, which it labels O in practice.
 *
 * <p>Design: the English CRF tags names, places and organisations, and it almost only tags words
 * that are capitalised, or that it has not seen in lower case in its training data. A token is a
 * <em>candidate</em> if it follows a personal title or a relation word ("Dr.", "daughter"), or if
 * it is a capitalised word that is not merely a common word opening a sentence, a clause or a
 * heading, or a word in capitals that is not a common word or a short abbreviation, or, in a text
 * written in one case, a lower-case word the CRF does not know as a common word. "Common word"
 * means a word of the CRF's own lower-case vocabulary (its {@code knownLCWords}) that is not a
 * name: not a surname or given name that is also a word ("Hope", "Baker", {@code name-words.txt})
 * and not usually capitalised (the truecaser table). Clinical abbreviations and note words that are
 * never names ({@code clinical-words.txt}: "MRN", "SpO2", "Vitals") and month names next to a
 * number ("June 3") are never candidates. Capitalised tokens that are not candidates (titles,
 * allow-listed terms, abbreviations, common words) <em>join</em> a window next to a candidate, so
 * that "Dr. Kevin Foley" or "R.T. Jones" is labelled as a whole. Stateless apart from the shared
 * word sets; thread-safe.
 */
final class TokenKinds {

  /** A token the CRF labels O in practice. */
  static final byte OTHER = 0;

  /** A token that is labelled with the window of a neighbouring candidate. */
  static final byte JOINS = 1;

  /** A token whose label the CRF must compute. */
  static final byte CANDIDATE = 2;

  private static final Set<String> MONTHS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec");

  /** Words before or after a name that are never part of it. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
          "with", "from", "into", "as", "is", "are", "was", "were", "be", "been", "am", "has",
          "have", "had", "do", "does", "did", "will", "would", "shall", "should", "may", "might",
          "must", "can", "could", "not", "no", "he", "she", "it", "they", "we", "you", "me", "him",
          "her", "them", "us", "his", "hers", "its", "their", "our", "your", "my", "who", "whom",
          "whose", "which", "that", "this", "these", "those", "there", "here", "then", "than", "so",
          "if", "per", "via", "re", "also", "when", "while", "after", "before");

  private final Predicate<String> commonWords;
  private final Set<String> nameWords;
  private final Set<String> clinicalWords;
  private final UnaryOperator<String> caseForms;

  /**
   * Kinds using {@code commonWords} (the CRF's lower-case vocabulary), {@code nameWords} (names
   * that are also common words), {@code clinicalWords} (note words that are never names) and {@code
   * caseForms} (lower-case word to its usual written form, or null).
   */
  TokenKinds(
      Predicate<String> commonWords,
      Set<String> nameWords,
      Set<String> clinicalWords,
      UnaryOperator<String> caseForms) {
    this.commonWords = commonWords;
    this.nameWords = nameWords;
    this.clinicalWords = clinicalWords;
    this.caseForms = caseForms;
  }

  /**
   * The kind of each token of {@code sentence}.
   *
   * @param text the text the tokens' offsets point into (after case restoration)
   * @param sentence the tokens of one sentence
   * @param entries the entry of each token's word, whose facts its kind depends on
   * @param allowed character ranges of allow-listed terms, in text order
   * @param oneCase whether the text is written in one case
   */
  byte[] of(
      String text,
      List<CoreLabel> sentence,
      WordEntry[] entries,
      List<int[]> allowed,
      boolean oneCase) {
    byte[] kinds = new byte[sentence.size()];
    int range = 0;
    boolean afterAnnouncer = false;
    boolean inHeading = false;
    for (int i = 0; i < kinds.length; i++) {
      CoreLabel token = sentence.get(i);
      while (range < allowed.size() && allowed.get(range)[1] <= token.beginPosition()) {
        range++;
      }
      boolean inAllowed =
          range < allowed.size()
              && allowed.get(range)[0] <= token.beginPosition()
              && token.endPosition() <= allowed.get(range)[1];
      WordFacts facts = entries[i].facts();
      if (facts.announcer()) {
        kinds[i] = facts.upper() ? JOINS : OTHER;
      } else {
        kinds[i] = kind(text, sentence, i, facts, afterAnnouncer, inAllowed, inHeading, oneCase);
      }
      afterAnnouncer = facts.announcer();
      if (facts.upper() && facts.lower()) {
        inHeading = kinds[i] == JOINS && (facts.common() || facts.clinical());
      } else if (!isParticle(facts.word())) {
        inHeading = false;
      }
    }
    return kinds;
  }

  private byte kind(
      String text,
      List<CoreLabel> sentence,
      int index,
      WordFacts token,
      boolean afterAnnouncer,
      boolean inAllowed,
      boolean inHeading,
      boolean oneCase) {
    if (token.letters() == 0 || token.word().charAt(0) == '\'') {
      return OTHER;
    }
    if (afterAnnouncer) {
      return token.upper() || !token.common() ? CANDIDATE : OTHER;
    }
    if (inAllowed || token.clinical()) {
      return token.upper() || oneCase && inAllowed ? JOINS : OTHER;
    }
    if (token.month() && nextToNumber(sentence, index)) {
      return token.upper() ? JOINS : OTHER;
    }
    if (!token.upper()) {
      if (oneCase) {
        return !token.known() || token.name() ? CANDIDATE : OTHER;
      }
      return !token.known() && token.capitalisedName() ? CANDIDATE : OTHER;
    }
    if (token.digit()) {
      return isNameWithNumber(token.word()) ? CANDIDATE : JOINS;
    }
    if (!token.lower()) {
      if (token.letters() <= 2) {
        return token.word().indexOf('.') >= 0 || !token.known() && token.name() ? CANDIDATE : JOINS;
      }
      return token.common() ? JOINS : CANDIDATE;
    }
    return (inHeading || startsClause(text, sentence, index)) && token.common() ? JOINS : CANDIDATE;
  }

  /**
   * What the kind of a token depends on in its own word: its letters and case, and the word tables'
   * answers for it in lower case, computed once per word and kept in its {@link WordEntry}.
   */
  record WordFacts(
      String word,
      int letters,
      boolean upper,
      boolean lower,
      boolean digit,
      boolean announcer,
      boolean month,
      boolean known,
      boolean capitalisedName,
      boolean name,
      boolean clinical) {

    /** Whether the word is a common word, known in lower case and not a name. */
    boolean common() {
      return known && !name;
    }
  }

  /**
   * The facts of {@code word}, from its characters and the word tables; a word's kind asks up to
   * five word tables, and notes repeat their words, so they are worth keeping.
   */
  WordFacts factsOf(String word) {
    int letters = 0;
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        upper |= Character.isUpperCase(c) || Character.isTitleCase(c);
        lower |= Character.isLowerCase(c);
      } else if (Character.isDigit(c)) {
        digit = true;
      }
    }
    String key = upper ? word.toLowerCase(Locale.ROOT) : word;
    boolean capitalisedName = isCapitalisedName(key);
    return new WordFacts(
        word,
        letters,
        upper,
        lower,
        digit,
        Titles.announcesName(word),
        isMonth(key),
        commonWords.test(key),
        capitalisedName,
        isNameWord(key) || capitalisedName,
        isClinical(key));
  }

  private static boolean nextToNumber(List<CoreLabel> sentence, int index) {
    return index + 1 < sentence.size() && startsWithDigit(sentence.get(index + 1).word())
        || index > 0 && startsWithDigit(sentence.get(index - 1).word());
  }

  private static boolean startsWithDigit(String word) {
    return !word.isEmpty() && Character.isDigit(word.charAt(0));
  }

  /** A word that may sit inside a heading or a name: "of", "and", "de", "&amp;", "-". */
  static boolean isParticle(String word) {
    if (word.equals("-") || word.equals("&")) {
      return true;
    }
    if (word.length() > 3) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLowerCase(word.charAt(i))) {
        return false;
      }
    }
    return !word.isEmpty();
  }

  /**
   * Whether {@code key}, a lower-case word, is a function word that is never part of a name: an
   * article, conjunction, preposition, pronoun or auxiliary ("the", "by", "was").
   */
  static boolean isFunctionWord(String key) {
    return FUNCTION_WORDS.contains(key);
  }

  /** Whether {@code key}, a normalised word, names a month. */
  static boolean isMonth(String key) {
    return MONTHS.contains(key);
  }

  /**
   * Whether {@code key}, a lower-case word, may be a name: unknown to the CRF in lower case,
   * written capitalised by the truecaser, or a name that is also a common word.
   */
  boolean mayBeName(String key) {
    return isNameWord(key) || isUsuallyCapitalised(key);
  }

  /**
   * Whether {@code key}, a lower-case word, is usually capitalised: unknown to the CRF in lower
   * case, or written capitalised by the truecaser.
   */
  boolean isUsuallyCapitalised(String key) {
    return isCapitalisedName(key) || !commonWords.test(key);
  }

  /** Whether {@code key}, a lower-case word, is a name that is also a common word ("hope"). */
  boolean isNameWord(String key) {
    return nameWords.contains(key);
  }

  /** Whether {@code key}, a lower-case word, is a note word that is never a name ("mrn"). */
  boolean isClinical(String key) {
    return clinicalWords.contains(key);
  }

  /** Whether the truecaser writes the word capitalised but not in capitals ("Smith"). */
  private boolean isCapitalisedName(String key) {
    String form = caseForms.apply(key);
    if (form == null || !Character.isUpperCase(form.charAt(0))) {
      return false;
    }
    for (int i = 1; i < form.length(); i++) {
      if (Character.isLowerCase(form.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A capitalised word with a number after it, as synthetic records write names ("Alva958"). */
  private static boolean isNameWithNumber(String word) {
    int i = 1;
    while (i < word.length() && Character.isLowerCase(word.charAt(i))) {
      i++;
    }
    if (i < 3) {
      return false;
    }
    while (i < word.length() && Character.isDigit(word.charAt(i))) {
      i++;
    }
    return i == word.length();
  }

  /**
   * Whether the token starts a sentence, a line or a clause (after a colon, semicolon, bracket,
   * dash, bullet or full stop), where a common word is capitalised without being a name.
   */
  private static boolean startsClause(String text, List<CoreLabel> sentence, int index) {
    int previous = index - 1;
    while (previous >= 0 && !hasLetterOrDigit(sentence.get(previous).word())) {
      if (isClauseMark(sentence.get(previous).word())) {
        return true;
      }
      previous--;
    }
    if (previous < 0) {
      return true;
    }
    int end = sentence.get(previous).endPosition();
    int start = sentence.get(index).beginPosition();
    for (int position = end; position < start && position < text.length(); position++) {
      if (text.charAt(position) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean isClauseMark(String word) {
    switch (word) {
      case ":":
      case ";":
      case "(":
      case ")":
      case "[":
      case "]":
      case "-LRB-":
      case "-RRB-":
      case "-LSB-":
      case "-RSB-":
      case "-":
      case "--":
      case "*":
      case "#":
      case "\u2022":
      case ".":
      case "!":
      case "?":
      case "\"":
      case "``":
      case "'":
      case "`":
        return true;
      default:
        return false;
    }
  }

  private static boolean hasLetterOrDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetterOrDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
