package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CachedWordFunctionTest {

  private final List<String> calls = new ArrayList<>();
  private final Function<String, String> upperCase =
      word -> {
        calls.add(word);
        return word.toUpperCase(Locale.ROOT);
      };

  @Test
  void answersAsTheFunctionAndAsksItOncePerWord() {
    CachedWordFunction<String> cached = new CachedWordFunction<>(upperCase);

    assertThat(cached.apply("colour")).isEqualTo("COLOUR");
    assertThat(cached.apply("colour")).isEqualTo("COLOUR");
    assertThat(cached.apply("Smith")).isEqualTo("SMITH");
    assertThat(calls).containsExactly("colour", "Smith");
  }

  @Test
  void keepsAnsweringRightWhenFullAndStartsAfresh() {
    CachedWordFunction<String> cached = new CachedWordFunction<>(upperCase);
    for (int i = 0; i <= CachedWordFunction.CAPACITY; i++) {
      assertThat(cached.apply("w" + i)).isEqualTo("W" + i);
    }
    calls.clear();

    assertThat(cached.apply("w0")).isEqualTo("W0");
    assertThat(cached.apply("w" + CachedWordFunction.CAPACITY))
        .isEqualTo("W" + CachedWordFunction.CAPACITY);
    assertThat(calls).containsExactly("w0");
  }
}
