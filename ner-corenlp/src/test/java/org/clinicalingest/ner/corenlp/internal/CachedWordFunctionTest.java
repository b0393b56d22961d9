package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void answersEachWordRightWhenThreadsShareItAndItStartsAfreshMeanwhile() throws Exception {
    CachedWordFunction<String> cached =
        new CachedWordFunction<>(word -> word.toUpperCase(Locale.ROOT));
    int words = 3 * CachedWordFunction.CAPACITY;
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrongAnswers = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread * 7_919;
        wrongAnswers.add(
            threads.submit(
                () -> {
                  int wrong = 0;
                  for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < words; i++) {
                      String word = "w" + (i + offset) % words;
                      wrong += cached.apply(word).equals(word.toUpperCase(Locale.ROOT)) ? 0 : 1;
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> wrong : wrongAnswers) {
        assertThat(wrong.get()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
