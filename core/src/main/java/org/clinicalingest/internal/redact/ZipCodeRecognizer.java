package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * ZIP codes and the city before them, outside a full street address.
 *
 * <p>Design: five digits are everywhere in clinical text (counts, codes, doses), so a ZIP code is
 * taken only where an address puts it: after {@code ZIP}, {@code zip code} or {@code postal code}
 * (which also takes foreign codes such as {@code B0J 2H0} or {@code 7412 SL}); after a state
 * ({@code Boston, MA 02115}, {@code Springfield Illinois 62704}); or after a state code (in
 * capitals) that starts a line or (any case) follows a comma, when the ZIP code ends the line or
 * clause ({@code , ma 02115} in a lower-case note). A capitalised city before {@code , ST} is a
 * {@link PhiType#LOCATION}, with a ZIP code or, without one, after {@code in}, {@code from} or
 * {@code near} ({@code lives in Woburn, MA}); after {@code from}, state codes that are also
 * credentials ({@code MD}, {@code PA}, {@code MA}, {@code DC}: {@code a letter from Smith, MD})
 * count only as full names. Street addresses and their tails are {@link StreetAddressRecognizer}'s.
 */
final class ZipCodeRecognizer implements Recognizer {

  private static final Pattern KEYWORD =
      Pattern.compile(
          "(?i)\\b(?:zip(?:[ \\t]*code)?|zipcode|postal[ \\t]*code|post[ \\t]*code)[ \\t]*"
              + "(?:is[ \\t]+)?[:#]?[ \\t]*("
              + UsPlaces.ZIP
              + "|(?=(?:[A-Za-z -]*\\d){3})[A-Za-z0-9]{2,5}(?:[ -][A-Za-z0-9]{2,4})?(?![\\w-]))");

  private static final Pattern ZIP_CANDIDATE = Pattern.compile("(?=\\d)(?<![\\w-])" + UsPlaces.ZIP);

  private static final String STATE =
      "(?<state>" + UsPlaces.STATE_CODE + "|" + UsPlaces.STATE_NAME + ")";

  private static final Pattern CITY_STATE_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}'’.-])(?<city>"
              + UsPlaces.CITY
              + ")[ \\t]*,?[ \\t]+"
              + STATE
              + "\\.?,?[ \\t]+(?<zip>"
              + UsPlaces.ZIP
              + ")$");

  private static final Pattern STATE_BEFORE =
      Pattern.compile(
          "(?:(?<![^\\n])[ \\t]*"
              + UsPlaces.STATE_CODE
              + "|,[ \\t]*(?i:"
              + UsPlaces.STATE_CODE
              + "))\\.?,?[ \\t]+(?<zip>"
              + UsPlaces.ZIP
              + ")(?![ \\t]*[^ \\t\\n,.;)])$");

  private static final Pattern CITY_IN_STATE =
      Pattern.compile(
          "(?=[iIfFnN])(?i:\\b(?<preposition>in|from|near))[ \\t]+(?<city>"
              + UsPlaces.CITY
              + "),[ \\t]*"
              + STATE
              + "(?![\\w])");

  private static final int LOOK_BACK = 60;

  @Override
  public void find(String text, List<PhiSpan> spans) {
    Matcher city = CITY_IN_STATE.matcher(text);
    while (text.indexOf(',') >= 0 && city.find()) {
      if (!city.group("preposition").equalsIgnoreCase("from")
          || !UsPlaces.CREDENTIAL_STATE_CODES.contains(city.group("state"))) {
        spans.add(new PhiSpan(city.start("city"), city.end("city"), PhiType.LOCATION));
      }
    }
    if (!TextScan.hasDigit(text)) {
      return;
    }
    Matcher keyword = KEYWORD.matcher(text);
    while (TextScan.containsAny(TextScan.lower(text), "zip", "post") && keyword.find()) {
      spans.add(new PhiSpan(keyword.start(1), keyword.end(1), PhiType.ZIP));
    }
    if (TextScan.longestDigitRun(text, "") < 5) {
      return;
    }
    Matcher candidate = ZIP_CANDIDATE.matcher(text);
    while (candidate.find()) {
      int from = Math.max(0, candidate.start() - LOOK_BACK);
      Matcher cityState =
          CITY_STATE_BEFORE.matcher(text).region(from, candidate.end()).useTransparentBounds(true);
      if (cityState.find()) {
        spans.add(new PhiSpan(cityState.start("city"), cityState.end("city"), PhiType.LOCATION));
        spans.add(new PhiSpan(cityState.start("zip"), cityState.end("zip"), PhiType.ZIP));
        continue;
      }
      Matcher state =
          STATE_BEFORE.matcher(text).region(from, candidate.end()).useTransparentBounds(true);
      if (state.find()) {
        spans.add(new PhiSpan(state.start("zip"), state.end("zip"), PhiType.ZIP));
      }
    }
  }
}
