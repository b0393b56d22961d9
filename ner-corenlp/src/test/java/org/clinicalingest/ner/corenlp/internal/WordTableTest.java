package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTableTest {

  @Test
  void givesEachWordItsValueAndNullForOtherWords() {
    Map<String, String> forms = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      forms.put("word" + i, "Word" + i);
    }
    WordTable<String> table = WordTable.of(forms).orElseThrow();

    forms.forEach((word, form) -> assertThat(table.get(word)).isEqualTo(form));
    assertThat(table.get("word50000")).isNull();
    assertThat(table.get("")).isNull();
    assertThat(table.get("Word1")).isNull();
    assertThat(table.contains("word7")).isTrue();
    assertThat(table.contains("word7 ")).isFalse();
  }

  @Test
  void holdsAWordSetAndAnEmptyOne() {
    WordTable<String> words = WordTable.ofWords(List.of("smith", "hope", "o'neil")).orElseThrow();

    assertThat(words.contains("hope")).isTrue();
    assertThat(words.contains("o'neil")).isTrue();
    assertThat(words.contains("Hope")).isFalse();
    assertThat(WordTable.ofWords(List.of()).orElseThrow().contains("hope")).isFalse();
  }
}
