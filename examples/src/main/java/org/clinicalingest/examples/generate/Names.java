package org.clinicalingest.examples.generate;

/**
 * Draws people's names: surnames by census frequency, given names by gender and generation.
 *
 * <p>Patients born before 1970 mostly get names of their generation, younger ones names from the
 * baby-name list; a small share get names that are also English words (Will, Hope, May) or family
 * names that are also eponyms (Parkinson, Graves, Bell), which a redactor must tell apart from the
 * ordinary words. Stateless apart from the shared {@link Vocabulary}; thread-safe.
 */
final class Names {

  private static final double WORD_NAME_SHARE = 0.06;
  private static final double EPONYM_SURNAME_SHARE = 0.03;

  private final Vocabulary vocabulary;

  Names(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** A given name for gender {@code f}, {@code m} or other, for someone born in {@code year}. */
  String given(char gender, int year, Rng rng) {
    boolean female = gender == 'f' || (gender != 'm' && rng.chance(0.5));
    if (rng.chance(WORD_NAME_SHARE)) {
      return (female ? vocabulary.wordFemaleNames : vocabulary.wordMaleNames).pick(rng);
    }
    if (year < 1970 && rng.chance(0.7)) {
      return (female ? vocabulary.classicFemaleNames : vocabulary.classicMaleNames).pick(rng);
    }
    return (female ? vocabulary.femaleNames : vocabulary.maleNames).pick(rng);
  }

  String surname(Rng rng) {
    if (rng.chance(EPONYM_SURNAME_SHARE)) {
      return vocabulary.eponymSurnames.pick(rng);
    }
    return vocabulary.surnames.pick(rng);
  }
}
