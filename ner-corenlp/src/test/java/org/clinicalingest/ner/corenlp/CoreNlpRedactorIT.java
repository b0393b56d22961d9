package org.clinicalingest.ner.corenlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicalingest.ner.corenlp.internal.SharedModel;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;
import org.junit.jupiter.api.Test;

/** The redactor with the real CoreNLP model. */
class CoreNlpRedactorIT {

  private static List<String> found(Redaction redaction, PhiType type) {
    return redaction.spans().stream()
        .filter(span -> span.type() == type)
        .map(span -> redaction.text().substring(span.start(), span.end()))
        .toList();
  }

  private static List<String> names(Redaction redaction) {
    return found(redaction, PhiType.NAME);
  }

  @Test
  void runsWithTheFeatureExtractionCompiled() {
    // pom.xml starts the integration tests' JVM with -XX:-DontCompileHugeMethods.
    assertThat(CoreNlpRedactor.featureExtractionCompiled()).isTrue();
  }

  @Test
  void findsNamesWithTitlesInitialsAndHyphens() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      Redaction redaction =
          redactor.redact(
              "Seen with Dr. J. Smith and Mr. R.T. Jones. Daughter Ana Garcia-Lopez at bedside.");

      assertThat(names(redaction)).containsExactly("J. Smith", "R.T. Jones", "Ana Garcia-Lopez");
    }
  }

  @Test
  void keepsEponymsButNotNamesAfterTitles() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      Redaction redaction =
          redactor.redact(
              "Hx Parkinson's disease, Crohn's, Bell's palsy. Glasgow Coma Scale 15. Foley"
                  + " removed, Tylenol given, Murphy sign negative. Dr. Murphy to see.");

      assertThat(names(redaction)).containsExactly("Murphy");
      assertThat(redaction.spans().get(0).start())
          .isEqualTo(redaction.text().lastIndexOf("Murphy"));
    }
  }

  @Test
  void allowListCanBeExtendedOrReplaced() {
    String text = "Pt to start Zepbound. Seen for Crohn's flare and Hashimoto thyroiditis.";
    try (CoreNlpRedactor defaults = CoreNlpRedactor.builder().threads(1).build();
        CoreNlpRedactor extended =
            defaults.toBuilder().addAllowed(List.of("Zepbound", "Foo")).build();
        CoreNlpRedactor none = defaults.toBuilder().allowList(List.of()).build()) {
      assertThat(names(defaults.redact(text))).containsExactly("Zepbound");
      assertThat(names(extended.redact(text))).isEmpty();
      assertThat(names(none.redact(text))).contains("Crohn", "Hashimoto");
    }
  }

  @Test
  void restoresCaseOfCapitalAndLowerCaseNotes() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      List<Redaction> redactions =
          redactor.redactAll(
              List.of(
                  "PT SEEN WITH WIFE MARGARET AT BEDSIDE. DR. HOLLOWAY AWARE. HX PARKINSON DISEASE.",
                  "called dr. jones re: low bp. pt's daughter maria here. hx crohn's."));

      assertThat(names(redactions.get(0))).containsExactly("MARGARET", "HOLLOWAY");
      assertThat(names(redactions.get(1))).containsExactly("jones", "maria");
    }
  }

  @Test
  void findsNamesThatAreCommonWordsAfterRelations() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      assertThat(names(redactor.redact("Daughter Hope at bedside. Son Will drove him in.")))
          .containsExactly("Hope", "Will");
    }
  }

  @Test
  void findsTheBirthNameAfterNee() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      assertThat(
              names(
                  redactor.redact(
                      "Résumé: Señor José Núñez, née Fernández. Mother Ana Ruiz, nee Ortega.")))
          .contains("Fernández", "Ortega");
    }
  }

  @Test
  void offsetsAreExactOnAnyUnicodeText() {
    List<String> texts =
        List.of(
            "😀😀 Pt's wife Maria Garcia called 🙏 about Dr. Smith.",
            "Zoe\u0308 Mu\u0308ller and José Ángel Rodríguez were seen 👩‍⚕️ today.",
            "患者 李明 由 Dr. Chen 看过. Wife Mei Chen at bedside.",
            "Interpreter מרים used; daughter Fatima Al-Hashimi (فاطمة) at bedside.");
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(2).build()) {
      List<Redaction> redactions = redactor.redactAll(texts);

      assertThat(names(redactions.get(0))).contains("Maria Garcia", "Smith");
      assertThat(names(redactions.get(1))).contains("José Ángel Rodríguez");
      assertThat(names(redactions.get(2))).contains("Chen", "Mei Chen");
      assertThat(names(redactions.get(3))).contains("Fatima Al-Hashimi");
      for (Redaction redaction : redactions) {
        for (PhiSpan span : redaction.spans()) {
          String covered = redaction.text().substring(span.start(), span.end());
          assertThat(Character.isLowSurrogate(redaction.text().charAt(span.start()))).isFalse();
          assertThat(covered).isEqualTo(covered.strip()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void reportsPlacesButNotStatesOrCountries() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      Redaction redaction =
          redactor.redact("Pt moved from Texas to Springfield last year, born in Mexico.");

      assertThat(found(redaction, PhiType.LOCATION)).containsExactly("Springfield");
    }
  }

  @Test
  void reportsOnlyChosenCategories() {
    String text = "Maria Lopez was transferred from Mercy General Hospital in Springfield.";
    try (CoreNlpRedactor namesOnly =
            CoreNlpRedactor.builder().threads(1).categories(PhiType.NAME).build();
        CoreNlpRedactor all =
            CoreNlpRedactor.builder()
                .threads(1)
                .categories(PhiType.NAME, PhiType.LOCATION, PhiType.ORGANIZATION)
                .build()) {
      assertThat(namesOnly.redact(text).spans())
          .extracting(PhiSpan::type)
          .containsOnly(PhiType.NAME);
      assertThat(all.redact(text).spans())
          .extracting(PhiSpan::type)
          .contains(PhiType.NAME, PhiType.ORGANIZATION);
    }
  }

  @Test
  void keepsInputOrderAcrossBatchesThreadsAndConcurrentCallers() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      texts.add(
          i % 3 == 0 ? "Note " + i + ": BP stable." : "Note " + i + ": wife Maria Garcia here.");
    }
    List<Redaction> sequential;
    try (CoreNlpRedactor single = CoreNlpRedactor.builder().threads(1).cacheSize(0).build()) {
      sequential = single.redactAll(texts);
    }
    try (CoreNlpRedactor pooled =
        CoreNlpRedactor.builder().threads(3).batchSize(7).cacheSize(0).build()) {
      ExecutorService callers = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Redaction>>> results = new ArrayList<>();
        for (int caller = 0; caller < 4; caller++) {
          results.add(callers.submit(() -> pooled.redactAll(texts)));
        }
        for (Future<List<Redaction>> result : results) {
          assertThat(result.get()).isEqualTo(sequential);
        }
      } finally {
        callers.shutdown();
      }
    }
    assertThat(sequential.get(1).text()).isEqualTo(texts.get(1));
    assertThat(names(sequential.get(1))).containsExactly("Maria Garcia");
    assertThat(sequential.get(0).spans()).isEmpty();
  }

  @Test
  void cachedAndWindowedResultsEqualWholeSentenceResults() {
    List<String> texts =
        List.of(
            "BP 120/80. Denies pain. Foley removed.",
            "Wife Maria Garcia called. BP 120/80. Seen by Dr. Kevin Foley in Springfield.",
            "PT SEEN WITH DAUGHTER HOPE. DR. OKAFOR AWARE.");
    try (CoreNlpRedactor plain =
            CoreNlpRedactor.builder()
                .threads(1)
                .cacheSize(0)
                .sentenceCacheSize(0)
                .windowed(false)
                .build();
        CoreNlpRedactor fast = CoreNlpRedactor.builder().threads(1).build()) {
      List<Redaction> expected = plain.redactAll(texts);

      assertThat(fast.redactAll(texts)).isEqualTo(expected);
      assertThat(fast.redactAll(texts)).isEqualTo(expected);
    }
  }

  @Test
  void skipsEntitiesInsideKnownSpansAndCachesOnlyCompleteResults() {
    String text = "Valentina Mcleod was seen with Dr. Helen Rivera in Springfield.";
    PhiSpan patient = new PhiSpan(0, "Valentina Mcleod".length(), PhiType.NAME);
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      Redaction told = redactor.redactAll(List.of(text), List.of(List.of(patient))).get(0);
      Redaction plain = redactor.redact(text);

      assertThat(names(told)).containsExactly("Helen Rivera");
      assertThat(found(told, PhiType.LOCATION)).containsExactly("Springfield");
      assertThat(names(plain)).containsExactly("Valentina Mcleod", "Helen Rivera");
      assertThat(redactor.redactAll(List.of(text), List.of(List.of(patient))).get(0))
          .isEqualTo(plain);
    }
  }

  @Test
  void labelsAKnownNameWhoseOtherPartIsAnEponym() {
    String text = "Records faxed to Virginia Parkinson, MD on Oct 26.";
    PhiSpan state = new PhiSpan(17, 25, PhiType.LOCATION);
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      Redaction told = redactor.redactAll(List.of(text), List.of(List.of(state))).get(0);

      assertThat(names(told)).containsExactly("Virginia Parkinson");
    }
  }

  @Test
  void rejectsKnownSpansThatDoNotMatchTheTexts() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      assertThatThrownBy(() -> redactor.redactAll(List.of("a", "b"), List.of(List.of())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("known has 1 lists for 2 texts");
    }
  }

  @Test
  void sharesOneModelPerJvm() {
    try (CoreNlpRedactor first = CoreNlpRedactor.builder().threads(1).build();
        CoreNlpRedactor second = CoreNlpRedactor.builder().threads(1).build()) {
      first.redact("Maria called.");
      SharedModel loaded = SharedModel.get();
      second.redact("Maria called.");

      assertThat(SharedModel.get()).isSameAs(loaded);
    }
  }
}
