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
 * A five-digit number is looked at only when a word that may end a state ends just before it.
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
  public void find(ScannedText text, List<PhiSpan> spans) {
    String value = text.text();
    if (text.has(Cue.CITY_PREPOSITION) && value.indexOf(',') >= 0) {
      int next = 0;
      for (int word = 0; word < text.words(); word++) {
        int start = text.wordStart(word);
        if (!text.wordHas(word, Cue.CITY_PREPOSITION)
            || start < next
            || !cityFollows(text, text.wordEnd(word))) {
          continue;
        }
        Matcher city = text.lookingAt(CITY_IN_STATE, start);
        if (city == null) {
          continue;
        }
        next = city.end();
        if (!city.group("preposition").equalsIgnoreCase("from")
            || !UsPlaces.CREDENTIAL_STATE_CODES.contains(city.group("state"))) {
          spans.add(new PhiSpan(city.start("city"), city.end("city"), PhiType.LOCATION));
        }
      }
    }
    if (text.numbers() == 0) {
      return;
    }
    if (text.has(Cue.ZIP)) {
      int next = 0;
      for (int word = 0; word < text.words(); word++) {
        if (text.wordHas(word, Cue.ZIP) && text.wordStart(word) >= next) {
          Matcher keyword = text.lookingAt(KEYWORD, text.wordStart(word));
          if (keyword != null) {
            spans.add(new PhiSpan(keyword.start(1), keyword.end(1), PhiType.ZIP));
            next = keyword.end();
          }
        }
      }
    }
    int next = 0;
    for (int number = 0; number < text.numbers(); number++) {
      int start = text.numberStart(number);
      if (start < next || text.numberLength(number) != 5 || !afterStateWord(text, start)) {
        continue;
      }
      Matcher candidate = text.lookingAt(ZIP_CANDIDATE, start);
      if (candidate == null) {
        continue;
      }
      next = candidate.end();
      int from = placeFrom(text, start);
      Matcher cityState = text.findIn(CITY_STATE_BEFORE, from, candidate.end(), true);
      if (cityState != null) {
        spans.add(new PhiSpan(cityState.start("city"), cityState.end("city"), PhiType.LOCATION));
        spans.add(new PhiSpan(cityState.start("zip"), cityState.end("zip"), PhiType.ZIP));
        continue;
      }
      Matcher state = text.findIn(STATE_BEFORE, from, candidate.end(), true);
      if (state != null) {
        spans.add(new PhiSpan(state.start("zip"), state.end("zip"), PhiType.ZIP));
      }
    }
  }

  /**
   * Whether blanks and then a city and a comma follow {@code position}, as after {@code in}, {@code
   * from} or {@code near} in {@link #CITY_IN_STATE}.
   */
  private static boolean cityFollows(ScannedText text, int position) {
    int at = text.skip(position, " \t");
    return at > position && UsPlaces.cityBeforeComma(text.text(), at);
  }

  /**
   * Where a city and state, or a state, before the ZIP code at {@code zipStart} can start at the
   * earliest: {@link #LOOK_BACK} characters back, and after the last character before the ZIP code
   * that none of them holds, or the third comma.
   */
  private static int placeFrom(ScannedText text, int zipStart) {
    String value = text.text();
    int limit = Math.max(0, zipStart - LOOK_BACK);
    int commas = 0;
    int at = zipStart;
    while (at > limit) {
      int codePoint = value.codePointBefore(at);
      if (!UsPlaces.isCityOrStateCharacter(codePoint) || codePoint == ',' && ++commas > 2) {
        break;
      }
      at -= Character.charCount(codePoint);
    }
    return Math.max(at, limit);
  }

  /**
   * Whether a word that may end a state ({@link UsPlaces#mayEndState}) ends just before {@code
   * start}, separated from it only by blanks, a comma or a dot, as a state before a ZIP code must:
   * {@code MA 02115}, {@code Texas, 79901}.
   */
  private static boolean afterStateWord(ScannedText text, int start) {
    int position = start;
    while (position > 0 && " \t,.".indexOf(text.charAt(position - 1)) >= 0) {
      position--;
    }
    int word = text.wordFrom(position) - 1;
    return position < start
        && word >= 0
        && text.wordEnd(word) == position
        && UsPlaces.mayEndState(text.text().substring(text.wordStart(word), position));
  }
}
