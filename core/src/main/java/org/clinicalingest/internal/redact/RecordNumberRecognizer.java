package org.clinicalingest.internal.redact;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Medical record numbers and other record, account, plan, licence and device numbers.
 *
 * <p>Design: such numbers have no shape of their own, so they are found by the word before them.
 * {@code MRN}, {@code MR#}, {@code medical record number}, {@code Med Rec No.}, {@code record #},
 * {@code chart #}, {@code hosp #}, {@code EMPI}, {@code patient ID} and a bare {@code #} before
 * five or more digits give {@link PhiType#MRN}. Account, policy, licence, DEA, NPI, CSN, FIN,
 * passport, serial, Medicare and similar words give {@link PhiType#ID}. Words that are also
 * ordinary ({@code group}, {@code plan}, {@code case}, {@code member}, {@code claim}, {@code
 * order}...) count with {@code number}, {@code no.}, {@code #} or {@code ID} after them, or without
 * one before a value that reads as an identifier: five digits or more with a letter ({@code Claim
 * H54771505}, {@code 3ZF0-KZ4-FV62}) or six digits or more, and not a date. Where the number was
 * given may stand between keyword and colon: {@code Prior MRN at St. Luke's Hospital: MR-855418}.
 * All keywords sit in one pattern so that the leftmost one wins: {@code account #123456} is an ID,
 * not a bare-{@code #} MRN. The value must hold at least three digits and not be followed by a unit
 * ({@code plan 500 mg}). Two shapes stand alone because a checksum makes them precise: payment card
 * numbers (13–19 digits, plain or in groups of four, passing the Luhn check) and IBANs in any case
 * (passing the mod-97 check), both {@link PhiType#ID}. The keyword pattern is tried only at words
 * with a {@link Cue#RECORD_NUMBER} cue and at {@code #}, when a number follows on the line and, at
 * a word, what follows the word lets a keyword start there ({@link #mayStartKeyword}) and a value
 * follow it ({@link #valueMayFollow}); after a bare {@code MRN}, the commonest keyword, the value
 * is mostly matched by hand ({@link BareMrnValue}).
 */
final class RecordNumberRecognizer implements Recognizer {

  private static final String QUALIFIER = "(?:id|identifier|number|num|nbr|no\\.?|#)";

  /** The keywords of an MRN, each a regex that starts with a letter. */
  private static final List<String> MRN_KEYWORDS =
      List.of(
          "mrn",
          "mr[ \\t]*#",
          "mr[ \\t]*no\\.?",
          "med(?:ical)?[ \\t]*rec(?:ord)?s?\\.?(?:[ \\t]*" + QUALIFIER + ")?",
          "chart[ \\t]*" + QUALIFIER,
          "hospital[ \\t]*" + QUALIFIER,
          "hosp\\.?[ \\t]*" + QUALIFIER,
          "rec(?:ord)?s?\\.?[ \\t]*" + QUALIFIER,
          "unit[ \\t]*(?:number|no\\.?)",
          "empi",
          "mpi",
          "patient[ \\t]*(?:id|identifier|number|no\\.?|#)",
          "pt[ \\t]*(?:id|identifier|number|no\\.?|#)");

  /** Words that are also ordinary ({@code claim}, {@code case}): without a qualifier, see above. */
  private static final List<String> ORDINARY_ID_WORDS =
      List.of(
          ("member subscriber beneficiary insurance ins group grp plan claim case ref reference"
                  + " order confirmation ticket badge employee student certificate cert device"
                  + " specimen rx prescription visit encounter enc\\.? invoice billing card"
                  + " pharmacy tax")
              .split(" "));

  /** The keywords of other identifiers, each a regex that starts with a letter. */
  private static final List<String> ID_KEYWORDS =
      Stream.concat(
              Stream.of(
                  ("acc(?:oun)?t acct\\.? policy licen[cs]e lic\\.? (?-i:DL) (?-i:SN) (?-i:TIN)"
                          + " (?-i:EIN) (?-i:CSN) (?-i:FIN) dea npi upin passport vin serial s/n"
                          + " imei udi mbi hicn medicare medicaid accession identification id")
                      .split(" ")),
              ORDINARY_ID_WORDS.stream().map(word -> word + "[ \\t]*" + QUALIFIER))
          .toList();

  /** The words that may start a clause naming where a number was given ({@link #SOURCE}). */
  static final List<String> SOURCE_PREPOSITIONS = List.of("at", "from", "with", "in", "for", "per");

  /**
   * Where the number was given, between keyword and colon: {@code MRN at St. Luke's Hospital:},
   * {@code account with Acme Billing #}.
   */
  private static final String SOURCE =
      "[ \\t]+(?:"
          + String.join("|", SOURCE_PREPOSITIONS)
          + ")[ \\t]+(?:[\\p{L}\\d'’.&-]+[ \\t]+){0,6}?"
          + "[\\p{L}\\d'’.&-]+[ \\t]*[:#=][ \\t]*";

  /**
   * The keyword pattern for keywords that start with each letter {@code a}–{@code z}, and at index
   * 26 for {@code #}.
   *
   * <p>Design: a keyword starts where the pattern is tried, so only the keywords that start with
   * the letter there can match; a pattern holding only those fails in a few steps where the one
   * with all hundred keywords tried each in turn. Each keeps the order of the keywords, so it
   * matches exactly what the pattern with all of them matches at such a place.
   */
  private static final Pattern[] WITH_KEYWORD = new Pattern[27];

  static {
    for (char letter = 'a'; letter <= 'z'; letter++) {
      WITH_KEYWORD[letter - 'a'] = withKeyword(String.valueOf(letter));
    }
    WITH_KEYWORD[26] = withKeyword("#");
  }

  /**
   * The words that may stand between a keyword's first word and its value: the rest of a keyword
   * ({@code Med Rec No.}, {@code patient ID}), a qualifier, {@code is}, {@code was}, {@code of}.
   */
  private static final List<String> KEYWORD_TAIL_WORDS =
      List.of(
          "id",
          "identifier",
          "number",
          "num",
          "nbr",
          "no",
          "is",
          "was",
          "of",
          "rec",
          "recs",
          "record",
          "records");

  /**
   * The most words of {@link #KEYWORD_TAIL_WORDS} between a keyword's first word and its value:
   * {@code Medical Record No. ID is}.
   */
  private static final int MAX_TAIL_WORDS = 4;

  /**
   * How many words may come before the mark that ends a clause naming where a number was given:
   * three of the keyword, a qualifier, and the clause's preposition and at most seven words.
   */
  private static final int SOURCE_CLAUSE_WORDS = 12;

  /** A date or a range of numbers, which an ordinary word without qualifier does not take. */
  private static final Pattern DATE_OR_RANGE =
      Pattern.compile("\\d{1,4}[-/.]\\d{1,4}(?:[-/.]\\d{1,4})?");

  private static final Pattern CARD =
      Pattern.compile(
          "(?<![\\d-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}"
              + "|\\d{4}([ -])\\d{6}\\2\\d{4,5})(?![\\d-]|\\.\\d)");

  private static final Pattern IBAN =
      Pattern.compile(
          "\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    int digits = text.digits();
    if (digits < 3) {
      return;
    }
    int next = 0;
    for (int start : keywordStarts(text)) {
      if (start < next) {
        continue;
      }
      BareMrnValue.Range bareMrn = BareMrnValue.at(text, start);
      if (bareMrn != BareMrnValue.UNDECIDED) {
        if (bareMrn != null) {
          spans.add(new PhiSpan(bareMrn.start(), bareMrn.end(), PhiType.MRN));
          next = bareMrn.end();
        }
        continue;
      }
      Matcher keyword = text.lookingAt(withKeywordAt(text, start), start);
      if (keyword == null) {
        continue;
      }
      next = keyword.end();
      String number = keyword.group("value");
      if (keyword.group("hash") != null
          && (!number.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')
              || TextScan.digits(number).length() < 5)) {
        continue;
      }
      if (keyword.group("ordinary") != null
          && keyword.group("qualifier") == null
          && !looksLikeIdentifier(number)) {
        continue;
      }
      PhiType type = keyword.group("mrn") != null ? PhiType.MRN : PhiType.ID;
      if (keyword.group("hash") != null) {
        type = PhiType.MRN;
      }
      spans.add(new PhiSpan(keyword.start("value"), keyword.end("value"), type));
    }
    if (digits >= 13 && text.longestDigitChain(" -") >= 13) {
      next = 0;
      for (int number = 0; number < text.numbers(); number++) {
        int start = text.numberStart(number);
        int length = text.numberLength(number);
        boolean grouped = length == 4 && " -".indexOf(text.charAt(text.numberEnd(number))) >= 0;
        Matcher card = start < next || length < 13 && !grouped ? null : text.lookingAt(CARD, start);
        if (card != null) {
          if (luhn(TextScan.digits(card.group()))) {
            spans.add(new PhiSpan(card.start(), card.end(), PhiType.ID));
          }
          next = card.end();
        }
      }
    }
    if (digits >= 10) {
      next = 0;
      for (int word = 0; word < text.words(); word++) {
        int start = text.wordStart(word);
        if (start < next || text.wordLength(word) != 2 || !text.isDigitAt(text.wordEnd(word))) {
          continue;
        }
        Matcher iban = text.lookingAt(IBAN, start);
        if (iban != null) {
          if (validIban(iban.group().replace(" ", "").toUpperCase(Locale.ROOT))) {
            spans.add(new PhiSpan(iban.start(), iban.end(), PhiType.ID));
          }
          next = iban.end();
        }
      }
    }
  }

  static Pattern withKeywordAt(ScannedText text, int start) {
    char first = text.charAt(start);
    return first == '#' ? WITH_KEYWORD[26] : WITH_KEYWORD[(first | 0x20) - 'a'];
  }

  /** The keyword pattern with only the keywords that start with {@code first}, in any case. */
  private static Pattern withKeyword(String first) {
    return Pattern.compile(
        "(?i)(?=[a-z#])(?<![\\w#])(?:(?<mrn>"
            + startingWith(first, MRN_KEYWORDS)
            + ")|(?<id>"
            + startingWith(first, ID_KEYWORDS)
            + ")|(?<ordinary>"
            + startingWith(first, ORDINARY_ID_WORDS)
            + ")|(?<hash>"
            + startingWith(first, List.of("#"))
            + "))"
            + "[ \\t]*(?<qualifier>"
            + QUALIFIER
            + "[ \\t]*)?(?:"
            + SOURCE
            + "|(?:(?:is|was|of)[ \\t]+)?[:#=]?[ \\t]*)"
            + "(?<value>(?=(?:[A-Za-z/-]*\\d){3})[A-Za-z0-9](?:[A-Za-z0-9/-]{0,38}[A-Za-z0-9])?)"
            + "(?![\\w-]|\\.\\d)"
            + "(?![ \\t]*(?:"
            + String.join("|", UnitWords.AFTER_RECORD_NUMBER)
            + ")\\b)");
  }

  /**
   * The alternation of the keywords whose first letter (after a {@code (?-i:} prefix) is {@code
   * first} in any case, in their order; one that never matches if there are none.
   */
  private static String startingWith(String first, List<String> keywords) {
    String alternation =
        keywords.stream()
            .filter(keyword -> keyword.replace("(?-i:", "").substring(0, 1).equalsIgnoreCase(first))
            .collect(Collectors.joining("|"));
    return alternation.isEmpty() ? "(?!)" : alternation;
  }

  /**
   * Whether a value after an ordinary word reads as an identifier: five digits or more with a
   * letter ({@code H54771505}, {@code 3ZF0-KZ4-FV62}), or six digits or more; not a date.
   */
  private static boolean looksLikeIdentifier(String value) {
    int digits = TextScan.digits(value).length();
    boolean letter = value.chars().anyMatch(Character::isLetter);
    return (digits >= 6 || digits >= 5 && letter) && !DATE_OR_RANGE.matcher(value).matches();
  }

  /**
   * The words with a record-number cue and each {@code #}, in order, where a number follows on the
   * same line, as the value must. The tests that turn away the most cue words run first: over the
   * free texts of 3,000 generated patients, 40,711 of 128,136 cue words may start a keyword, and
   * 26,627 of those may have a value after them.
   */
  private static int[] keywordStarts(ScannedText text) {
    IntList starts = new IntList();
    for (int word = 0; word < text.words(); word++) {
      if (text.wordHas(word, Cue.RECORD_NUMBER)
          && mayStartKeyword(text, word)
          && valueMayFollow(text, word)
          && text.numberFollowsOnLine(text.wordEnd(word))) {
        starts.add(text.wordStart(word));
      }
    }
    String value = text.text();
    for (int hash = value.indexOf('#'); hash >= 0; hash = value.indexOf('#', hash + 1)) {
      if (text.numberFollowsOnLine(hash)) {
        starts.add(hash);
      }
    }
    return starts.sorted();
  }

  /**
   * Whether a keyword may start at the cue word, judged by what follows it. Most cue words are
   * keywords on their own, but some only begin one, and the pattern tried at them fails wherever
   * possessives ("patient's"), titles ("Mr. Shah"), places ("Medical Center") and units ("mg/dL")
   * put them in a note:
   *
   * <ul>
   *   <li>{@code s} only begins {@code s/n} (not {@code s/p}, status post);
   *   <li>{@code mr} only begins {@code mr #} and {@code mr no};
   *   <li>{@code med} and {@code medical} only begin {@code med rec} and {@code medical records};
   *   <li>{@code DL}, {@code SN}, {@code TIN}, {@code EIN}, {@code CSN} and {@code FIN} are
   *       keywords only in capitals ({@link Cue#KEYWORD_IN_CAPITALS});
   *   <li>the words of {@link Cue#KEYWORD_BEFORE_QUALIFIER} are keywords only with a qualifier
   *       ({@code ID}, {@code number}, {@code no.}, {@code #}) after them, and no other keyword
   *       starts as they do.
   * </ul>
   *
   * A word is judged whole: a longer letter run that only starts with one ({@code MRN123456},
   * {@code DLno}) is left to the pattern. The tests here are looser than the pattern, never
   * stricter, so every match is still tried.
   */
  static boolean mayStartKeyword(ScannedText text, int word) {
    int end = text.wordEnd(word);
    if (text.wordIs(word, "s")) {
      return text.charAt(end) == '/' && (text.charAt(end + 1) | 0x20) == 'n';
    }
    if (text.wordIs(word, "mr")) {
      int at = text.skip(end, " \t");
      return text.charAt(at) == '#' || text.hasAtIgnoringCase(at, "no");
    }
    if (text.wordIs(word, "med") || text.wordIs(word, "medical")) {
      return text.hasAtIgnoringCase(text.skip(end, " \t"), "rec");
    }
    if (text.wordHas(word, Cue.KEYWORD_IN_CAPITALS)) {
      return isInCapitals(text, word);
    }
    if (text.wordHas(word, Cue.KEYWORD_BEFORE_QUALIFIER)) {
      return qualifierMayFollow(text, end);
    }
    return true;
  }

  /**
   * Whether a value may follow a keyword starting at the cue word, judged by the rest of its line:
   * three digits in a run of letters, digits, {@code /} and {@code -} that only runs of the words a
   * keyword, qualifier or {@code is} may hold ({@link #KEYWORD_TAIL_WORDS}) stand before, counted
   * from the word's run on, as the value needs; or a {@code :}, {@code #} or {@code =} that may end
   * a clause naming where the number was given ({@link #markEndsSourceClause}). This test is looser
   * than the pattern, never stricter; it leaves out the ordinary words of running text, {@code
   * visit for Dylan Lewis at Minneapolis Children's Hospital on 01-31-2022}, {@code visit: Jacob
   * Reid, born 09/29/1947}.
   */
  static boolean valueMayFollow(ScannedText text, int word) {
    String value = text.text();
    int at = text.wordStart(word);
    for (boolean first = true; at < value.length() && value.charAt(at) != '\n'; first = false) {
      int runStart = at;
      int digits = 0;
      for (; at < value.length() && isValueCharacter(value.charAt(at)); at++) {
        digits += ScannedText.isDigit(value.charAt(at)) ? 1 : 0;
      }
      if (digits >= 3) {
        return true;
      }
      if (!first && !isMadeOf(text, runStart, at, KEYWORD_TAIL_WORDS, MAX_TAIL_WORDS)) {
        break;
      }
      while (at < value.length()
          && value.charAt(at) != '\n'
          && !isValueCharacter(value.charAt(at))) {
        at++;
      }
    }
    return markEndsSourceClause(text, word);
  }

  /**
   * Whether a {@code :}, {@code #} or {@code =} comes after the cue word with nothing before it but
   * blanks and at most {@link #SOURCE_CLAUSE_WORDS} words of letters, digits and {@code '’.&-/},
   * one of them a preposition that may start such a clause, as in {@code MRN at St. Luke's
   * Hospital: MR-855418}.
   */
  private static boolean markEndsSourceClause(ScannedText text, int word) {
    String value = text.text();
    int words = 0;
    int wordStart = -1;
    boolean preposition = false;
    for (int at = text.wordStart(word); at <= value.length(); at++) {
      char c = at < value.length() ? value.charAt(at) : '\n';
      boolean blank = c == ' ' || c == '\t';
      boolean mark = c == ':' || c == '#' || c == '=';
      boolean wordCharacter = Character.isLetterOrDigit(c) || "'’.&-/".indexOf(c) >= 0;
      if (wordStart >= 0 && !wordCharacter) {
        preposition |= isMadeOf(text, wordStart, at, SOURCE_PREPOSITIONS, 1);
        wordStart = -1;
      }
      if (mark) {
        return preposition;
      }
      if (wordCharacter && wordStart < 0) {
        wordStart = at;
        if (++words > SOURCE_CLAUSE_WORDS) {
          return false;
        }
      } else if (!wordCharacter && !blank) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether {@code from..to} is one to {@code most} of {@code words} (lower case) in a row, in any
   * ASCII case: the pattern lets keyword, qualifier and {@code is} touch ({@code recno}, {@code
   * Recordnumber}).
   */
  private static boolean isMadeOf(
      ScannedText text, int from, int to, List<String> words, int most) {
    if (from == to) {
      return true;
    }
    for (String candidate : words) {
      int end = from + candidate.length();
      if (most > 0
          && end <= to
          && text.hasAtIgnoringCase(from, candidate)
          && isMadeOf(text, end, to, words, most - 1)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code c} may stand in a value: an ASCII letter or digit, {@code /} or {@code -}. */
  static boolean isValueCharacter(char c) {
    return ScannedText.isLetterOrDigit(c) || c == '/' || c == '-';
  }

  /** Whether a qualifier may start after the word ending at {@code end} and a full stop. */
  private static boolean qualifierMayFollow(ScannedText text, int end) {
    int at = text.skip(text.afterFullStop(end), " \t");
    return text.charAt(at) == '#'
        || text.hasAtIgnoringCase(at, "id")
        || text.hasAtIgnoringCase(at, "nu")
        || text.hasAtIgnoringCase(at, "nb")
        || text.hasAtIgnoringCase(at, "no");
  }

  private static boolean isInCapitals(ScannedText text, int word) {
    for (int at = text.wordStart(word); at < text.wordEnd(word); at++) {
      if (text.charAt(at) < 'A' || text.charAt(at) > 'Z') {
        return false;
      }
    }
    return true;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  static boolean validIban(String iban) {
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
