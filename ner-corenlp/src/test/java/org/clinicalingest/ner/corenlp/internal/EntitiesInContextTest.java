package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class EntitiesInContextTest {

  /** The CRF's lower-case vocabulary, in small: "wells", "day" and "will" are names too. */
  private static final Set<String> COMMON =
      Set.of(
          ("follow up with call skin intact aware report called to note reviewed his daughter"
                  + " brought him in son will back summer plan continue seen by day today mill"
                  + " license driver scanned records faxed mark wells dawn crystal class at bedside"
                  + " may lymphoma mobile on")
              .split(" "));

  private final TokenKinds kinds =
      new TokenKinds(
          COMMON::contains,
          Set.of("wells", "dawn", "crystal", "summer", "day", "will", "mark", "may", "driver"),
          Set.of("mrn"),
          Map.of("dylan", "Dylan", "jung", "Jung")::get);

  @Test
  void namesBeforeCredentialsInMixedCaseAndInCapitals() {
    assertThat(names("Follow up with Dylan Moody, MD; call")).containsExactly("Dylan Moody");
    assertThat(names("RECORDS FAXED TO MARK JUNG, MD AT 3PM", true)).containsExactly("MARK JUNG");
    assertThat(names("follow up with dawn wells, pa-c.", true)).containsExactly("dawn wells");
  }

  @Test
  void credentialAfterCommonWordsIsNoName() {
    assertThat(names("skin intact, md aware", true)).isEmpty();
    assertThat(names("Skin Intact, MD aware")).isEmpty();
  }

  @Test
  void nameAfterRoleMustBeAWordThatMayBeAName() {
    assertThat(names("report called to RN Crystal.")).containsExactly("Crystal");
    assertThat(names("RN Note reviewed")).isEmpty();
    assertThat(names("report given to rn ava at bedside", true)).containsExactly("ava");
  }

  @Test
  void nameAfterRelationInOneCaseText() {
    assertThat(names("his daughter dawn wells brought him in", true)).containsExactly("dawn wells");
    assertThat(names("dtr ivy called", true)).containsExactly("ivy");
    assertThat(names("his son will call back", true)).isEmpty();
  }

  @Test
  void anyCapitalisedWordAfterRelationOrTitleInMixedCaseText() {
    assertThat(names("his wife Joy at bedside")).containsExactly("Joy");
    assertThat(names("seen by Dr. Day today")).containsExactly("Day");
  }

  @Test
  void drOfAStreetIsNoTitle() {
    assertThat(names("mailed to 5101 Mill Dr. Driver license scanned")).isEmpty();
    assertThat(names("mailed to 5101 mill dr. driver license scanned", true)).isEmpty();
  }

  @Test
  void wordsNextToANameFoundJoinIt() {
    String text = "report called to Summer Lee at bedside";
    assertThat(names(text, false, List.of(span(text, "Lee")), List.of())).containsExactly("Summer");
    String lower = "records faxed to dr. garcia trout, at";
    assertThat(names(lower, true, List.of(), List.of(span(lower, "garcia"))))
        .containsExactly("trout");
    String credential = "seen by Ana Lee PhD today";
    assertThat(names(credential, false, List.of(span(credential, "Lee")), List.of()))
        .containsExactly("Ana");
  }

  @Test
  void neighboursOfAnAllowListedTermTakenForANameStayText() {
    String text = "recurrent hodgkin lymphoma";
    List<int[]> allowed = List.of(new int[] {text.indexOf("hodgkin"), text.indexOf(" lymphoma")});
    List<PhiSpan> spans = new ArrayList<>(List.of(span(text, "hodgkin")));
    new EntitiesInContext(kinds, Words.of(text), true, allowed, List.of()).addNames(spans);
    assertThat(spans).hasSize(1);
  }

  @Test
  void contractionsMonthsAndKnownSpansAreNotTaken() {
    String text = "I'm Maciej Borkowski";
    assertThat(names(text, false, List.of(span(text, "Maciej Borkowski")), List.of())).isEmpty();
    String dated = "seen by Smith May 3";
    assertThat(names(dated, false, List.of(span(dated, "Smith")), List.of())).isEmpty();
    String city = "moved to Annapolis, MD 21410";
    PhiSpan known = new PhiSpan(city.indexOf("Annapolis"), city.indexOf(","), PhiType.LOCATION);
    assertThat(names(city, false, List.of(), List.of(known))).isEmpty();
    List<PhiSpan> nested =
        List.of(
            new PhiSpan(0, city.length(), PhiType.ADDRESS),
            new PhiSpan(city.indexOf("to"), city.indexOf("to") + 2, PhiType.LOCATION));
    assertThat(names(city, false, List.of(), nested)).isEmpty();
  }

  private final Cities cities =
      Cities.of(
          List.of(
              "ann arbor",
              "fargo",
              "mobile",
              "lubbock",
              "georgia",
              "grand rapids",
              "salt lake city"));

  @Test
  void citiesAfterInFromOrNear() {
    assertThat(places("Diagnosed by Dr. Lee in Ann Arbor. Moved from Lubbock in 2012", false))
        .containsExactly("Ann Arbor", "Lubbock");
    assertThat(places("works at renner logistics in grand rapids; from fargo", true))
        .containsExactly("grand rapids", "fargo");
    assertThat(places("Moved from Salt Lake City in 2012; in Salt Lake", false))
        .containsExactly("Salt Lake City");
  }

  @Test
  void cityNamesThatAreCommonWordsOnlyWhenCapitalised() {
    assertThat(places("Recently returned from Mobile, where", false)).containsExactly("Mobile");
    assertThat(places("recently returned from mobile, where", true)).isEmpty();
    assertThat(places("nurse in ann arbor", false)).isEmpty();
  }

  @Test
  void placesThatAreNotPhiAndPlacesKnownAreNotTaken() {
    assertThat(places("moved from Georgia", false)).isEmpty();
    String text = "moved from Fargo";
    PhiSpan known = new PhiSpan(text.indexOf("Fargo"), text.length(), PhiType.LOCATION);
    List<PhiSpan> spans = new ArrayList<>();
    new EntitiesInContext(kinds, Words.of(text), false, List.of(), List.of(known))
        .addPlaces(spans, cities, (start, end) -> false);
    assertThat(spans).isEmpty();
  }

  /** The texts of the places added, with "Georgia" (a state) not PHI. */
  private List<String> places(String text, boolean oneCase) {
    List<PhiSpan> spans = new ArrayList<>();
    new EntitiesInContext(kinds, Words.of(text), oneCase, List.of(), List.of())
        .addPlaces(
            spans, cities, (start, end) -> text.substring(start, end).equalsIgnoreCase("georgia"));
    assertThat(spans).allMatch(span -> span.type() == PhiType.LOCATION);
    return spans.stream().map(span -> text.substring(span.start(), span.end())).toList();
  }

  private List<String> names(String text) {
    return names(text, false);
  }

  private List<String> names(String text, boolean oneCase) {
    return names(text, oneCase, List.of(), List.of());
  }

  /** The texts of the names added to {@code found}, given the {@code known} spans. */
  private List<String> names(
      String text, boolean oneCase, List<PhiSpan> found, List<PhiSpan> known) {
    List<PhiSpan> spans = new ArrayList<>(found);
    new EntitiesInContext(kinds, Words.of(text), oneCase, List.of(), known).addNames(spans);
    return spans.subList(found.size(), spans.size()).stream()
        .map(span -> text.substring(span.start(), span.end()))
        .toList();
  }

  private static PhiSpan span(String text, String name) {
    int start = text.indexOf(name);
    return new PhiSpan(start, start + name.length(), PhiType.NAME);
  }
}
