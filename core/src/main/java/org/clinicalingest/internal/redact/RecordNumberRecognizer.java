package org.clinicalingest.internal.redact;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Medical record numbers and other record, account, plan, licence and device numbers.
 *
 * <p>Design: such numbers have no shape of their own, so they are found by the word before them.
 * {@code MRN}, {@code MR#}, {@code medical record number}, {@code chart #}, {@code patient ID} and
 * a bare {@code #} before five or more digits give {@link PhiType#MRN}. Account, policy, licence,
 * DEA, NPI, passport, serial, Medicare and similar words give {@link PhiType#ID}; words that are
 * also ordinary ({@code group}, {@code plan}, {@code case}, {@code member}, {@code order}...) count
 * only with {@code number}, {@code no.}, {@code #} or {@code ID} after them. All keywords sit in
 * one pattern so that the leftmost one wins: {@code account #123456} is an ID, not a bare-{@code #}
 * MRN. The value must hold at least three digits and not be followed by a unit ({@code plan 500
 * mg}). Two shapes stand alone because a checksum makes them precise: payment card numbers (13–19
 * digits, plain or in groups of four, passing the Luhn check) and IBANs (passing the mod-97 check),
 * both {@link PhiType#ID}.
 */
final class RecordNumberRecognizer implements Recognizer {

  private static final String QUALIFIER = "(?:id|identifier|number|num|nbr|no\\.?|#)";

  private static final String MRN_KEYWORDS =
      "mrn|mr[ \\t]*#|mr[ \\t]*no\\.?|med(?:ical)?[ \\t]*rec(?:ord)?s?(?:[ \\t]*"
          + QUALIFIER
          + ")?"
          + "|chart[ \\t]*"
          + QUALIFIER
          + "|hospital[ \\t]*"
          + QUALIFIER
          + "|unit[ \\t]*(?:number|no\\.?)"
          + "|(?:patient|pt)[ \\t]*(?:id|identifier|number|no\\.?|#)";

  private static final String ID_KEYWORDS =
      "acc(?:oun)?t|acct|policy|licen[cs]e|lic\\.?|(?-i:DL|SN|TIN|EIN)|dea|npi|upin|passport"
          + "|vin|serial|s/n|imei|udi|mbi|hicn|medicare|medicaid|accession|identification|id"
          + "|(?:member|subscriber|beneficiary|insurance|ins|group|grp|plan|claim|case|ref|reference"
          + "|order|confirmation|ticket|badge|employee|student|certificate|cert|device|specimen"
          + "|rx|prescription|visit|encounter|invoice|billing|card|pharmacy|tax)[ \\t]*"
          + QUALIFIER;

  private static final Pattern WITH_KEYWORD =
      Pattern.compile(
          "(?i)(?=[a-z#])(?<![\\w#])(?:(?<mrn>"
              + MRN_KEYWORDS
              + ")|(?<id>"
              + ID_KEYWORDS
              + ")|(?<hash>#))"
              + "[ \\t]*(?:"
              + QUALIFIER
              + "[ \\t]*)?(?:(?:is|was|of)[ \\t]+)?[:#=]?[ \\t]*"
              + "(?<value>(?=(?:[A-Za-z/-]*\\d){3})[A-Za-z0-9](?:[A-Za-z0-9/-]{0,38}[A-Za-z0-9])?)"
              + "(?![\\w-]|\\.\\d)"
              + "(?![ \\t]*(?:mg|mcg|g|ml|units?|%|mmhg|kg|lbs?|cm|mm|bpm|x)\\b)");

  private static final Pattern CARD =
      Pattern.compile(
          "(?<![\\d-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}"
              + "|\\d{4}([ -])\\d{6}\\2\\d{4,5})(?![\\d-]|\\.\\d)");

  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b");

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  @Override
  public void find(String text, List<PhiSpan> spans) {
    int digits = TextScan.digitCount(text);
    if (digits < 3) {
      return;
    }
    Matcher keyword = WITH_KEYWORD.matcher(text);
    while (keyword.find()) {
      String value = keyword.group("value");
      if (keyword.group("hash") != null
          && !value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
        continue;
      }
      if (keyword.group("hash") != null && TextScan.digits(value).length() < 5) {
        continue;
      }
      PhiType type = keyword.group("id") != null ? PhiType.ID : PhiType.MRN;
      spans.add(new PhiSpan(keyword.start("value"), keyword.end("value"), type));
    }
    Matcher card = CARD.matcher(text);
    while (digits >= 13 && TextScan.longestDigitRun(text, " -") >= 13 && card.find()) {
      if (luhn(TextScan.digits(card.group()))) {
        spans.add(new PhiSpan(card.start(), card.end(), PhiType.ID));
      }
    }
    Matcher iban = IBAN.matcher(text);
    while (digits >= 10 && iban.find()) {
      if (validIban(iban.group().replace(" ", ""))) {
        spans.add(new PhiSpan(iban.start(), iban.end(), PhiType.ID));
      }
    }
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
