package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link ReusedLexer} gives the sentences and tokens of CoreNLP's {@code tokenize,ssplit} pipeline,
 * text after text on one lexer: evaluation notes, the Presidio set, and texts that stress the
 * lexer's state across texts (trailing blanks, characters it deletes, open quotes and brackets,
 * newlines, emoji, scripts other than Latin).
 */
class ReusedLexerIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> HOSTILE =
      List.of(
          "",
          " ",
          "\n\n",
          "Seen by Dr. Smith.",
          "Seen by Dr.",
          "Pt ok   \n\n\t ",
          "\"Open quote and (bracket",
          "closing\" quote) here.",
          "Mother Maria \u0007called\u0000 back \u200b today.",
          "\u0001\u0002",
          "Line one\r\nLine two\r\n\r\nLine four",
          "Visited 🇺🇸 with 👨‍👩‍👧 family; José Núñez, née Fernández.",
          "患者王伟今天出院。",
          "Amira: \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
          "can't won't gonna 'tis Y'all",
          "a/b-c 3/10 1,000.5 $12 & AT&T &amp; ... -- --- … «quoted»",
          "<b>bold</b> http://example.org/a?b=c mail@example.org",
          "END WITH AN ABBREV. ETC.",
          "x".repeat(20_000),
          "Contact: 555-0100.\n\nNext paragraph. ");

  private static List<String> texts() throws IOException {
    List<String> texts = new ArrayList<>(HOSTILE);
    try (var files = Files.list(Path.of("src/test/resources/eval"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            texts.add(JSON.readTree(line).get("text").asText());
          }
        }
      }
    }
    Path presidio = Path.of("../testdata/presidio-synth/synth_dataset_v2.json");
    for (JsonNode sample : JSON.readTree(presidio.toFile())) {
      texts.add(sample.get("full_text").asText());
    }
    texts.addAll(HOSTILE);
    return texts;
  }

  private static List<List<CoreLabel>> pipelineSentences(String text) {
    Annotation document = new Annotation(text);
    SharedModel.get().tokenizer().annotate(document);
    List<List<CoreLabel>> sentences = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      sentences.add(sentence.get(CoreAnnotations.TokensAnnotation.class));
    }
    return sentences;
  }

  private static String describe(List<List<CoreLabel>> sentences) {
    StringBuilder description = new StringBuilder();
    for (List<CoreLabel> sentence : sentences) {
      description.append('[');
      for (CoreLabel token : sentence) {
        description
            .append(token.word())
            .append('/')
            .append(token.value())
            .append('@')
            .append(token.beginPosition())
            .append('-')
            .append(token.endPosition())
            .append('|')
            .append(token.originalText())
            .append('|')
            .append(token.before())
            .append('|')
            .append(token.after())
            .append(' ');
      }
      description.append("]\n");
    }
    return description.toString();
  }

  @Test
  void givesThePipelinesSentencesAndTokensTextAfterText() throws IOException {
    ReusedLexer lexer = ReusedLexer.of(SharedModel.get().tokenizer()).orElseThrow();
    List<String> texts = texts();
    int tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      List<List<CoreLabel>> expected = pipelineSentences(texts.get(i));
      assertThat(describe(lexer.sentences(texts.get(i))))
          .as("text %d", i)
          .isEqualTo(describe(expected));
      tokens += expected.stream().mapToInt(List::size).sum();
    }
    assertThat(texts).hasSizeGreaterThan(1_000);
    assertThat(tokens).isGreaterThan(50_000);
  }

  @Test
  void makesEachTokenWithRoomForItsAnnotationsAndNoMore() throws ReflectiveOperationException {
    ReusedLexer lexer = ReusedLexer.of(SharedModel.get().tokenizer()).orElseThrow();
    Field keys = ArrayCoreMap.class.getDeclaredField("keys");
    keys.setAccessible(true);
    int tokens = 0;
    for (String text : HOSTILE) {
      for (List<CoreLabel> sentence : lexer.sentences(text)) {
        for (CoreLabel token : sentence) {
          assertThat(((Object[]) keys.get(token)).length).as(token.word()).isEqualTo(token.size());
          tokens++;
        }
      }
    }
    assertThat(tokens).isGreaterThan(100);
  }

  @Test
  void threadsKeepTheirOwnLexer() throws Exception {
    ReusedLexer lexer = ReusedLexer.of(SharedModel.get().tokenizer()).orElseThrow();
    List<String> texts = texts();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        results.add(
            pool.submit(
                () -> texts.stream().map(text -> describe(lexer.sentences(text))).toList()));
      }
      List<String> expected =
          texts.stream().map(text -> describe(pipelineSentences(text))).toList();
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSharedModelUsesTheReusedLexer() {
    String text = "Seen by Dr. Smith today. She is fine.";

    assertThat(describe(SharedModel.get().sentences(text)))
        .isEqualTo(
            describe(ReusedLexer.of(SharedModel.get().tokenizer()).orElseThrow().sentences(text)))
        .isEqualTo(describe(pipelineSentences(text)));
    assertThat(
            SharedModel.get()
                .sentences(text)
                .get(0)
                .get(0)
                .get(CoreAnnotations.IndexAnnotation.class))
        .as("the pipeline numbers tokens, the reused lexer does not")
        .isNull();
  }
}
