package org.clinicalingest.ner.corenlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.clinicalingest.spi.PhiType;
import org.junit.jupiter.api.Test;

class CoreNlpRedactorTest {

  @Test
  void rejectsNonPositiveThreadsAndBatchSize() {
    assertThatThrownBy(() -> CoreNlpRedactor.builder().threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be > 0, was 0");
    assertThatThrownBy(() -> CoreNlpRedactor.builder().batchSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be > 0, was -1");
    assertThatThrownBy(() -> CoreNlpRedactor.builder().cacheSize(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cacheSize must be >= 0, was -5");
  }

  @Test
  void rejectsCategoriesTheModelCannotFind() {
    assertThatThrownBy(() -> CoreNlpRedactor.builder().categories(PhiType.NAME, PhiType.SSN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("categories must be NAME, LOCATION or ORGANIZATION, was SSN");
    assertThatThrownBy(() -> CoreNlpRedactor.builder().categories(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tellsWhetherTheJvmCompilesFeatureExtraction() {
    boolean optionGiven =
        ManagementFactory.getRuntimeMXBean()
            .getInputArguments()
            .contains("-XX:-DontCompileHugeMethods");
    assertThat(CoreNlpRedactor.featureExtractionCompiled()).isEqualTo(optionGiven);
  }

  @Test
  void rejectsNullAllowListTerm() {
    assertThatThrownBy(() -> CoreNlpRedactor.builder().addAllowed(Arrays.asList("Foley", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shipsCuratedAllowList() {
    assertThat(CoreNlpRedactor.defaultAllowList())
        .contains(
            "Parkinson", "Alzheimer", "Crohn", "Hodgkin", "Graves disease", "Bell palsy", "Apgar")
        .contains("Glasgow Coma Scale", "Foley", "Tylenol", "Murphy sign", "Lou Gehrig")
        .contains("Guillain-Barre", "Sjogren", "Raynaud", "Kawasaki", "Reye", "Burkitt")
        .doesNotContain("Murphy", "Bell", "Jackson");
  }

  @Test
  void refusesWorkAfterClose() {
    CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build();
    redactor.close();

    assertThatThrownBy(() -> redactor.redactAll(List.of("text")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("redactor is closed");
  }

  @Test
  void rejectsNullText() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).build()) {
      assertThatThrownBy(() -> redactor.redactAll(Arrays.asList("a", null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("texts[1] is null");
    }
  }

  @Test
  void toBuilderMakesVariant() {
    try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(1).cacheSize(0).build();
        CoreNlpRedactor variant = redactor.toBuilder().threads(2).build()) {
      assertThat(variant).isNotSameAs(redactor);
    }
  }
}
