package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.spi.PhiSpan;

/**
 * Properties of pattern redaction as the pipeline runs it ({@link PatternRedactor#find}, {@link
 * SpanMerger#merge}, {@link TextRedactor#apply} under the Safe Harbor policy): a generated PHI
 * value of each pattern category, in a format the recognisers' own tests say must match and with
 * the context its category needs, embedded in random clinical-looking text, never survives. Neither
 * does any part of it: the surrounding text has no digit, so no digit may remain, and no
 * identifying word of the value (a month, an e-mail or host name) may remain either. Over any text
 * at all (random Unicode, pieces of PHI formats, PHI phrases with a character put in), the
 * recognisers and the redactor never throw and find only spans inside the text.
 */
class PatternRedactionPropertyTest {
  private static final PatternRedactor RECOGNISERS = new PatternRedactor();
  private static final TextRedactor SAFE_HARBOR = new TextRedactor(RedactionPolicy.safeHarbor());
  private static final List<String> WORDS =
      List.of(
          "patient",
          "reports",
          "mild",
          "chest",
          "pain",
          "denies",
          "fever",
          "chills",
          "lungs",
          "clear",
          "to",
          "auscultation",
          "no",
          "acute",
          "distress",
          "plan",
          "continue",
          "current",
          "medications",
          "follow",
          "up",
          "with",
          "cardiology",
          "discussed",
          "wife",
          "at",
          "bedside",
          "the",
          "and",
          "of",
          "stable",
          "overnight",
          "tolerating",
          "diet",
          "Patient",
          "Denies",
          "Plan:",
          "Assessment:",
          "BP",
          "stable.",
          "afebrile,",
          "HPI:",
          "Social",
          "history:",
          "lives",
          "alone",
          "smoker",
          "quit",
          "ago",
          "Exam:",
          "soft",
          "nontender",
          "abdomen");
  private static final Set<String> NOT_IDENTIFYING =
      Set.of("http", "https", "www", "com", "org", "net", "edu", "ftp");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]{3,}");
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  /** A PHI value in its context: {@code before + value + after} is the phrase put into the text. */
  record Phi(String before, String value, String after) {}

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void socialSecurityNumbersNeverSurvive(@ForAll("ssns") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void phoneNumbersNeverSurvive(@ForAll("phones") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void faxNumbersWithTheirKeywordNeverSurvive(
      @ForAll("faxes") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void emailAddressesNeverSurvive(@ForAll("emails") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void webAddressesNeverSurvive(@ForAll("urls") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  void ipAddressesNeverSurvive(@ForAll("ipAddresses") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void medicalRecordNumbersWithTheirKeywordNeverSurvive(
      @ForAll("recordNumbers") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
  void datesNeverSurvive(@ForAll("dates") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void agesOver89NeverSurvive(@ForAll("ages") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
  void zipCodesInAnAddressContextNeverSurvive(
      @ForAll("zipCodes") Phi phi, @ForAll("texts") Text text) {
    assertRedacted(phi, text);
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void findsSpansInsideAnyTextAndRedactsItWithoutThrowing(@ForAll("anyTexts") String text) {
    List<PhiSpan> found = RECOGNISERS.find(text);
    List<PhiSpan> merged = SpanMerger.merge(found);
    String redacted = SAFE_HARBOR.apply(text, merged);

    assertThat(found).allSatisfy(span -> assertThat(span.end()).isLessThanOrEqualTo(text.length()));
    for (int i = 1; i < merged.size(); i++) {
      assertThat(merged.get(i).start()).isGreaterThanOrEqualTo(merged.get(i - 1).end());
    }
    if (merged.isEmpty()) {
      assertThat(redacted).isEqualTo(text);
    } else {
      assertThat(redacted)
          .startsWith(text.substring(0, merged.get(0).start()))
          .endsWith(text.substring(merged.get(merged.size() - 1).end()));
    }
  }

  /**
   * Any Unicode (unpaired surrogates included), a soup of the pieces recognisers look for, and PHI
   * phrases of every category cut, with a character put in, at a random point.
   */
  @Provide
  Arbitrary<String> anyTexts() {
    Arbitrary<String> soup =
        Arbitraries.oneOf(
                Arbitraries.of(WORDS),
                Arbitraries.of(MONTHS),
                Arbitraries.of(
                    " ", "\n", ".", ",", ":", "::", "-", "/", "@", "#", "(", ")", "+1", "x", "MRN",
                    "SSN", "aged", "DOB:", "zip", "fax", "http://", "www.", ".com", "MA", "yo",
                    "F"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6))
            .list()
            .ofMaxSize(60)
            .map(pieces -> String.join("", pieces));
    Arbitrary<String> phrase =
        Arbitraries.oneOf(
                ssns(),
                phones(),
                faxes(),
                emails(),
                urls(),
                ipAddresses(),
                recordNumbers(),
                dates(),
                ages(),
                zipCodes())
            .map(phi -> phi.before() + phi.value() + phi.after());
    Arbitrary<String> mutated =
        Combinators.combine(phrase, Arbitraries.doubles().between(0, 1), Arbitraries.chars().all())
            .as(
                (text, at, inserted) -> {
                  int index = (int) Math.floor(at * text.length());
                  return text.substring(0, index) + inserted + text.substring(index);
                });
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300), soup, mutated);
  }

  /** Clinical-looking text around the phrase: {@code before + phrase + after}. */
  record Text(String before, String after) {}

  @Provide
  Arbitrary<Text> texts() {
    Arbitrary<String> filler =
        Arbitraries.of(WORDS).list().ofMaxSize(14).map(words -> String.join(" ", words));
    return Combinators.combine(
            filler,
            Arbitraries.of(" ", ". ", ", ", "\n", ": ", " ("),
            Arbitraries.of("", ".", ",", ";", " ", ".\n"),
            filler)
        .as(
            (start, opening, closing, end) -> {
              boolean parenthesis = opening.equals(" (");
              return new Text(
                  start + opening,
                  (parenthesis ? ")" : "") + closing + (end.isEmpty() ? "" : " " + end));
            });
  }

  @Provide
  Arbitrary<Phi> ssns() {
    Arbitrary<String> area =
        Arbitraries.integers().between(1, 899).filter(n -> n != 666).map(n -> pad(n, 3));
    Arbitrary<String> group = Arbitraries.integers().between(1, 99).map(n -> pad(n, 2));
    Arbitrary<String> serial = Arbitraries.integers().between(1, 9999).map(n -> pad(n, 4));
    Arbitrary<Phi> dashed =
        Combinators.combine(
                Arbitraries.of("", "SSN ", "ssn: ", "SSN: ", "patient's number is "),
                area,
                group,
                serial)
            .as((context, a, g, s) -> new Phi(context, a + "-" + g + "-" + s, ""));
    Arbitrary<Phi> withKeyword =
        Combinators.combine(
                Arbitraries.of("SOCIAL SECURITY NUMBER ", "social security no. ", "SSN "),
                Arbitraries.of(" ", "", "."),
                area,
                group,
                serial)
            .as(
                (context, separator, a, g, s) ->
                    new Phi(context, a + separator + g + separator + s, ""));
    return Arbitraries.oneOf(dashed, withKeyword);
  }

  @Provide
  Arbitrary<Phi> phones() {
    Arbitrary<Phi> formatted =
        Combinators.combine(
                Arbitraries.of(
                    "", "Call daughter at ", "home ", "reach her on ", "cell ", "PHONE: "),
                areaCodes(),
                exchanges(),
                lines(),
                Arbitraries.of(
                    PhoneFormat.DASHED,
                    PhoneFormat.PARENTHESES,
                    PhoneFormat.DOTTED,
                    PhoneFormat.INTERNATIONAL,
                    PhoneFormat.LEADING_ONE))
            .as(
                (context, area, exchange, line, format) ->
                    new Phi(context, format.render(area, exchange, line), ""));
    Arbitrary<Phi> digitsOnly =
        Combinators.combine(
                Arbitraries.of("phone ", "Office: ", "PHONE: "), areaCodes(), exchanges(), lines())
            .as((context, area, exchange, line) -> new Phi(context, area + exchange + line, ""));
    return Arbitraries.oneOf(formatted, digitsOnly);
  }

  @Provide
  Arbitrary<Phi> faxes() {
    return Combinators.combine(
            Arbitraries.of("Fax: ", "FAX ", "facsimile ", "fax "),
            areaCodes(),
            exchanges(),
            lines(),
            Arbitraries.of(PhoneFormat.DASHED, PhoneFormat.PARENTHESES, PhoneFormat.PLAIN))
        .as(
            (context, area, exchange, line, format) ->
                new Phi(context, format.render(area, exchange, line), ""));
  }

  @Provide
  Arbitrary<Phi> emails() {
    Arbitrary<String> local =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("", ".", "_", "+"),
                Arbitraries.strings()
                    .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                    .ofMinLength(1)
                    .ofMaxLength(6))
            .as((first, separator, rest) -> first + separator + rest);
    return Combinators.combine(
            Arbitraries.of("", "email ", "EMAIL: ", "mailto:", "write to "),
            local,
            hostNames(true),
            Arbitraries.of(false, true))
        .as(
            (context, user, host, upper) -> {
              String address = user + "@" + host;
              return new Phi(context, upper ? address.toUpperCase(Locale.ROOT) : address, "");
            });
  }

  @Provide
  Arbitrary<Phi> urls() {
    Arbitrary<String> path =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
            .ofMinLength(1)
            .ofMaxLength(8)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(parts -> "/" + String.join("/", parts));
    return Combinators.combine(
            Arbitraries.of("", "see ", "blog at ", "VISIT ", "portal "),
            Arbitraries.of("https://", "http://", "http://www.", "www.", ""),
            hostNames(false),
            path.injectNull(0.3))
        .as(
            (context, scheme, host, rest) -> {
              String tail = rest == null ? "" : rest;
              if (scheme.isEmpty() && tail.isEmpty()) {
                tail = "/about";
              }
              return new Phi(context, scheme + host + tail, "");
            });
  }

  @Provide
  Arbitrary<Phi> ipAddresses() {
    Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
    Arbitrary<String> ipv4 =
        Combinators.combine(octet, octet, octet, octet)
            .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    Arbitrary<String> group =
        Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(1).ofMaxLength(4);
    Arbitrary<String> full = group.list().ofSize(8).map(groups -> String.join(":", groups));
    Arbitrary<String> compressed =
        Combinators.combine(
                Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(3).ofMaxLength(4),
                group.list().ofMaxSize(2),
                group.list().ofMinSize(1).ofMaxSize(3))
            .as(
                (first, head, tail) ->
                    String.join(":", concat(first, head)) + "::" + String.join(":", tail));
    Arbitrary<String> ipv6 =
        Combinators.combine(Arbitraries.oneOf(full, compressed), Arbitraries.of(false, true))
            .as((address, upper) -> upper ? address.toUpperCase(Locale.ROOT) : address);
    return Combinators.combine(
            Arbitraries.of("", "login from ", "IP: ", "client "), Arbitraries.oneOf(ipv4, ipv6))
        .as((context, address) -> new Phi(context, address, ""));
  }

  @Provide
  Arbitrary<Phi> recordNumbers() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(10);
    Arbitrary<String> lettered =
        Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                Arbitraries.strings().numeric().ofLength(6))
            .as((letters, number) -> letters + "-" + number);
    return Combinators.combine(
            Arbitraries.of(
                "MRN ",
                "MRN: ",
                "mrn#",
                "MR# ",
                "Medical record number is ",
                "MEDICAL RECORD NO. ",
                "chart # "),
            Arbitraries.oneOf(digits, lettered))
        .as((context, number) -> new Phi(context, number, ""));
  }

  @Provide
  Arbitrary<Phi> dates() {
    Arbitrary<Integer> year = Arbitraries.integers().between(1920, 2030);
    Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
    Arbitrary<Integer> day = Arbitraries.integers().between(1, 28);
    Arbitrary<String> date =
        Combinators.combine(year, month, day, Arbitraries.of(DateFormat.class))
            .as((y, m, d, format) -> format.render(y, m, d));
    return Combinators.combine(
            Arbitraries.of("", "admitted ", "seen ", "DOB: ", "on ", "collected ", "dated "), date)
        .as((context, value) -> new Phi(context, value, ""));
  }

  @Provide
  Arbitrary<Phi> ages() {
    Arbitrary<Phi> numberFirst =
        Combinators.combine(
                ages90To119(),
                Arbitraries.of(
                    "A |-year-old woman",
                    "| year old male",
                    "| years old",
                    "patient is | y/o",
                    "| y.o. female",
                    "| yo with CHF",
                    "| years of age"))
            .as(PatternRedactionPropertyTest::fill);
    Arbitrary<Phi> keywordFirst =
        Combinators.combine(
                ages90To119(),
                Arbitraries.of("aged |", "AGE: |", "age |", "at the age of |"),
                Arbitraries.of(", lives alone", " with CHF", ";", ",", ".", "\n"))
            .as((age, template, after) -> fill(age, template + after));
    return Arbitraries.oneOf(numberFirst, keywordFirst);
  }

  private static Arbitrary<Integer> ages90To119() {
    return Arbitraries.integers().between(90, 119);
  }

  /** The phrase of {@code template} with the age in place of its {@code |}. */
  private static Phi fill(int age, String template) {
    int bar = template.indexOf('|');
    return new Phi(template.substring(0, bar), Integer.toString(age), template.substring(bar + 1));
  }

  /**
   * ZIP codes after a keyword or a state; after a lower-case state code the ZIP code must end the
   * clause, as {@link ZipCodeRecognizer} requires, so a comma follows it there.
   */
  @Provide
  Arbitrary<Phi> zipCodes() {
    Arbitrary<String> zip =
        Combinators.combine(
                Arbitraries.integers().between(501, 99950).map(n -> pad(n, 5)),
                Arbitraries.strings().numeric().ofLength(4).injectNull(0.6))
            .as((five, four) -> four == null ? five : five + "-" + four);
    return Combinators.combine(
            Arbitraries.of(
                "zip ",
                "ZIP CODE: ",
                "postal code is ",
                "Boston, MA ",
                "Springfield, IL ",
                "Austin, TX ",
                "from town, ma "),
            zip)
        .as((context, value) -> new Phi(context, value, context.endsWith(" ma ") ? "," : ""));
  }

  private static void assertRedacted(Phi phi, Text text) {
    String note = text.before() + phi.before() + phi.value() + phi.after() + text.after();
    String redacted = SAFE_HARBOR.apply(note, SpanMerger.merge(RECOGNISERS.find(note)));

    assertThat(redacted).as("redacted %s", note).doesNotContain(phi.value());
    assertThat(redacted).as("digits left in the redacted %s", note).doesNotContainPattern("\\d");
    Set<String> context =
        words(text.before() + " " + phi.before() + " " + phi.after() + " " + text.after());
    Set<String> left = words(redacted);
    for (String token : words(phi.value())) {
      if (!NOT_IDENTIFYING.contains(token) && !context.contains(token)) {
        assertThat(left).as("part %s left in the redacted %s", token, note).doesNotContain(token);
      }
    }
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * Host names; {@code co.uk} only where asked, since a bare host under a two-label suffix ({@code
   * jane.co.uk/about}) is not among the formats the URL recogniser's tests require.
   */
  private static Arbitrary<String> hostNames(boolean twoLabelSuffix) {
    Arbitrary<String> label =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10);
    Arbitrary<String> topLevel =
        twoLabelSuffix
            ? Arbitraries.of("com", "org", "net", "co.uk", "edu")
            : Arbitraries.of("com", "org", "net", "edu");
    return Combinators.combine(
            label,
            Arbitraries.of("", "-family", "-clinic"),
            Arbitraries.of("", "mail.", "portal."),
            topLevel)
        .as((name, suffix, sub, tld) -> sub + name + suffix + "." + tld);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static Arbitrary<Integer> areaCodes() {
    return Arbitraries.integers().between(201, 989);
  }

  private static Arbitrary<Integer> exchanges() {
    return Arbitraries.integers().between(200, 999);
  }

  private static Arbitrary<String> lines() {
    return Arbitraries.integers().between(0, 9999).map(n -> pad(n, 4));
  }

  private static String pad(int number, int digits) {
    return String.format("%0" + digits + "d", number);
  }

  /** The phone number layouts of {@code PhoneRecognizerTest}. */
  enum PhoneFormat {
    DASHED,
    PARENTHESES,
    DOTTED,
    INTERNATIONAL,
    LEADING_ONE,
    PLAIN;

    String render(int area, int exchange, String line) {
      return switch (this) {
        case DASHED -> area + "-" + exchange + "-" + line;
        case PARENTHESES -> "(" + area + ") " + exchange + "-" + line;
        case DOTTED -> area + "." + exchange + "." + line;
        case INTERNATIONAL -> "+1 " + area + " " + exchange + " " + line;
        case LEADING_ONE -> "1-" + area + "-" + exchange + "-" + line;
        case PLAIN -> "" + area + exchange + line;
      };
    }
  }

  /** The date layouts of {@code DateRecognizerTest}. */
  enum DateFormat {
    US_SLASHES,
    US_SHORT,
    ISO,
    ISO_TIMESTAMP,
    DOTTED,
    DAY_MONTH_YEAR,
    DAY_MON_YEAR_UPPER,
    MONTH_DAY_YEAR,
    DAY_MONTH_NAME_YEAR,
    MONTH_YEAR,
    YEAR_SLASHES;

    String render(int year, int month, int day) {
      String name = MONTHS[month - 1];
      String shortName = name.substring(0, 3);
      return switch (this) {
        case US_SLASHES -> pad(month, 2) + "/" + pad(day, 2) + "/" + year;
        case US_SHORT -> month + "/" + day + "/" + pad(year % 100, 2);
        case ISO -> year + "-" + pad(month, 2) + "-" + pad(day, 2);
        case ISO_TIMESTAMP -> year + "-" + pad(month, 2) + "-" + pad(day, 2) + "T14:30:00Z";
        case DOTTED -> pad(day, 2) + "." + pad(month, 2) + "." + year;
        case DAY_MONTH_YEAR -> pad(day, 2) + "-" + shortName + "-" + year;
        case DAY_MON_YEAR_UPPER ->
            pad(day, 2) + "-" + shortName.toUpperCase(Locale.ROOT) + "-" + year;
        case MONTH_DAY_YEAR -> name + " " + day + ", " + year;
        case DAY_MONTH_NAME_YEAR -> day + " " + name + " " + year;
        case MONTH_YEAR -> name + " " + year;
        case YEAR_SLASHES -> year + "/" + month + "/" + day;
      };
    }
  }
}
