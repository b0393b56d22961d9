package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void keepsApostropheInsideNameAndRecordsPossessive() {
    Words words = Words.of("Mr. O'Neil's wife and Graves' disease");

    assertThat(words.surface(1)).isEqualTo("O'Neil");
    assertThat(words.possessive(1)).isTrue();
    assertThat(words.end(1)).isEqualTo("Mr. O'Neil's".length());
    assertThat(words.surface(4)).isEqualTo("Graves");
    assertThat(words.possessive(4)).isTrue();
  }

  @Test
  void normalisesCaseAndAccents() {
    Words words = Words.of("SJÖGREN Guillain-Barré");

    assertThat(words.normalized(0)).isEqualTo("sjogren");
    assertThat(words.normalized(2)).isEqualTo("barre");
    assertThat(words.adjacent(1, 2)).isTrue();
  }

  @Test
  void hashesEachWordsNormalisedForm() {
    Words words = Words.of("SJÖGREN Guillain-Barré O'Neil's x2 o’neil");

    for (int index = 0; index < words.count(); index++) {
      assertThat(words.normalizedHash(index))
          .as(words.surface(index))
          .isEqualTo(FeatureIndex.hash(words.normalized(index)));
    }
  }

  @Test
  void keepsEachWordsHashOnceTakenAlsoAfterTheArraysGrow() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      text.append(i % 2 == 0 ? "Dr " : "née ");
    }
    Words words = Words.of(text.toString());

    assertThat(words.count()).isEqualTo(100);
    for (int pass = 0; pass < 2; pass++) {
      for (int index = 0; index < words.count(); index++) {
        assertThat(words.normalizedHash(index))
            .isEqualTo(FeatureIndex.hash(index % 2 == 0 ? "dr" : "nee"));
      }
    }
  }

  @Test
  void offsetsStayExactAroundSurrogatePairsAndCombiningMarks() {
    String text = "😀 Zoe\u0308 met 李明 and מרים";
    Words words = Words.of(text);

    assertThat(words.surface(0)).isEqualTo("Zoe\u0308");
    assertThat(words.start(0)).isEqualTo(3);
    assertThat(text.substring(words.start(2), words.end(2))).isEqualTo("李明");
    assertThat(text.substring(words.start(4), words.end(4))).isEqualTo("מרים");
  }

  @Test
  void findsSentenceStarts() {
    Words words = Words.of("Seen today. Maria called\nSon here, Dr. Lee");

    assertThat(words.startsSentence(0)).isTrue();
    assertThat(words.startsSentence(2)).isTrue();
    assertThat(words.startsSentence(3)).isFalse();
    assertThat(words.startsSentence(4)).isTrue();
    assertThat(words.startsSentence(6)).isFalse();
  }
}
