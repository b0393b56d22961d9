package org.clinicalingest.internal.redact;

import java.util.Set;

/**
 * Names and places that are also common English or clinical words ({@code Will}, {@code Hope},
 * {@code May}, {@code Walker}, {@code Colon}, the towns {@code Reading} and {@code Normal}), which
 * {@link RecordTerms} finds only where they read as a name.
 *
 * <p>Design: a hand-made list, checked against the US census name lists in {@code shared/data}, of
 * names whose lower-case use is frequent in notes: modal verbs, months and weekdays, colours,
 * virtues, trades, nature words, anatomy and clinical words that are surnames, and US town names
 * that are ordinary words. Words of one or two letters are always ambiguous ({@code Ed} is also the
 * emergency department) and are not listed.
 */
final class CommonWords {

  private static final Set<String> WORDS =
      Set.of(
          """
          will may can must hope grace mark bill rose june april august joy faith frank guy jack
          jean pat sue rich ray dawn summer autumn winter spring crystal ivy iris lily daisy violet
          ruby amber pearl heather holly robin sky star sunny angel chance chase dean drew grant
          hunter justice king major minor mason miles noel olive piper prince reed sage saint royal
          rusty sandy hazel jade jasmine destiny harmony melody serenity trinity genesis journey
          river willow phoenix precious blessing miracle heaven honey candy cherry ginger brandy
          misty dusty penny storm rain cliff glen dale wade gale lance rod art don gene earl carol
          buck bud chip skip woody sonny stone flint clay ford lane cash colt tucker wilder brooks
          bishop deacon baker cook porter fisher farmer miller walker driver painter singer judge
          page knight lord butler turner shepherd potter carpenter gardener nurse doctor butcher
          barber weaver tanner sawyer steward marshal carter hunt brown white black green gray grey
          blue golden silver gold young long short little small still early best good strong wise
          sharp bright fair keen quick noble sweet strange handy moody jolly hardy bland gross fine
          low high hale stout tall love bliss mercy charity patience constance prudence honor
          verity hill hills hall wall walls wood woods field fields land lake rivers banks beach
          brook marsh moss heath bush branch root ash birch pine oak bird crow swan hawk fox wolf
          lamb bass fish trout salmon drake finch crane dove bloom frost snow cloud light north
          south east west price rice bean beans lemon salt pepper sugar case call key way post main
          law deal block hand hands head foot cross hurt lay pack ring rush pace pierce press lock
          hatch bond link stack house church temple castle tower mill mills gates bridges park
          parks chambers powers day days person colon chin cheek bone bones ward mass dye pain rash
          burns cough wells well story stock sterling waters spear hook rock glass
          money silk swift street cannon battle sparks bell bowl hood wing her his sunday monday
          friday saturday christian friend friends moon sun rainbow ocean reading mobile normal
          independence liberty commerce union enterprise orange concord surprise bath paradise
          eden energy climax boring accident why center central fairview
          """
              .strip()
              .split("\\s+"));

  private CommonWords() {}

  /** Whether a lower-case word, used as a name, is also an ordinary word. */
  static boolean isAmbiguous(String lowerCaseWord) {
    return lowerCaseWord.length() <= 2 || WORDS.contains(lowerCaseWord);
  }
}
