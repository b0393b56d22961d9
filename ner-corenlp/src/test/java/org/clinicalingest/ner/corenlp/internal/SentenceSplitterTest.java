package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.pipeline.WordsToSentencesAnnotator;
import edu.stanford.nlp.process.AbstractTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import edu.stanford.nlp.process.WordToSentenceProcessor.NewlineIsSentenceBreak;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SentenceSplitter} splits as CoreNLP's {@code WordToSentenceProcessor} in the {@code
 * ssplit} annotator's configuration, for every newline setting, over random sequences of the tokens
 * its rules tell apart.
 */
class SentenceSplitterTest {

  /** The {@code ssplit} annotator's followers pattern in CoreNLP 4.5. */
  private static final String FOLLOWERS = "[\\p{Pe}\\p{Pf}\"'>＂＇＞)}\\]]|''|’’|-R[CRS]B-";

  private static final List<String> WORDS =
      List.of(
          "Seen",
          "today",
          "Dr.",
          ".",
          "。",
          "!",
          "?",
          "?!",
          "！？",
          "!.",
          "..",
          "...",
          "…",
          "",
          AbstractTokenizer.NEWLINE_TOKEN,
          AbstractTokenizer.NEWLINE_TOKEN,
          ")",
          "]",
          "}",
          "''",
          "’’",
          "\"",
          "\"",
          "'",
          "'",
          "-RRB-",
          "-LRB-",
          "»",
          "”",
          ">",
          "(",
          "``");

  @ParameterizedTest
  @EnumSource(NewlineIsSentenceBreak.class)
  void splitsAsCoreNlpOverRandomTokens(NewlineIsSentenceBreak newlines) {
    WordToSentenceProcessor<CoreLabel> processor = processor(newlines, false);
    SentenceSplitter splitter = SentenceSplitter.of(processor).orElseThrow();
    Random random = new Random(20261130L + newlines.ordinal());
    for (int round = 0; round < 20_000; round++) {
      List<CoreLabel> tokens = new ArrayList<>();
      int length = random.nextInt(14);
      for (int i = 0; i < length; i++) {
        tokens.add(token(WORDS.get(random.nextInt(WORDS.size()))));
      }
      assertThat(positions(splitter.split(tokens), tokens))
          .as("%s over %s", newlines, tokens)
          .isEqualTo(positions(processor.process(tokens), tokens));
    }
  }

  @Test
  void keepsAQuoteThatClosesTheSentenceBeforeAndStartsWithOneThatOpensANewOne() {
    SentenceSplitter splitter =
        SentenceSplitter.of(processor(NewlineIsSentenceBreak.NEVER, false)).orElseThrow();
    List<CoreLabel> closing = tokens("He", "said", "\"", "stop", ".", "\"", "Then");
    List<CoreLabel> opening = tokens("Stop", ".", "\"", "Then", "\"");

    assertThat(splitter.split(closing))
        .containsExactly(closing.subList(0, 6), closing.subList(6, 7));
    assertThat(splitter.split(opening))
        .containsExactly(opening.subList(0, 2), opening.subList(2, 5));
  }

  @Test
  void isBoundaryMatchesTheProcessorsPattern() {
    Pattern pattern = Pattern.compile(SentenceSplitter.BOUNDARY_PATTERN);
    for (String word : WORDS) {
      assertThat(SentenceSplitter.isBoundary(word))
          .as(word)
          .isEqualTo(pattern.matcher(word).matches());
    }
  }

  @Test
  void handlesTheSplitterOfTheSharedTokenizer() throws ReflectiveOperationException {
    List<?> annotators =
        (List<?>)
            CrfWindows.field(AnnotationPipeline.class, "annotators")
                .get(SharedModel.get().tokenizer());
    Object sentences =
        CrfWindows.field(TokenizerAnnotator.class, "ssplitAnnotator").get(annotators.get(0));
    @SuppressWarnings("unchecked")
    WordToSentenceProcessor<CoreLabel> processor =
        (WordToSentenceProcessor<CoreLabel>)
            CrfWindows.field(WordsToSentencesAnnotator.class, "wts").get(sentences);

    assertThat(SentenceSplitter.of(processor)).isPresent();
  }

  @Test
  void refusesAnotherConfiguration() {
    assertThat(SentenceSplitter.of(processor(NewlineIsSentenceBreak.NEVER, true))).isEmpty();
    assertThat(
            SentenceSplitter.of(
                new WordToSentenceProcessor<>(
                    "\\.|[!?]+",
                    FOLLOWERS,
                    Set.of(AbstractTokenizer.NEWLINE_TOKEN),
                    null,
                    null,
                    NewlineIsSentenceBreak.NEVER,
                    null,
                    null,
                    false,
                    false)))
        .isEmpty();
  }

  private static WordToSentenceProcessor<CoreLabel> processor(
      NewlineIsSentenceBreak newlines, boolean allowEmptySentences) {
    return new WordToSentenceProcessor<>(
        SentenceSplitter.BOUNDARY_PATTERN,
        FOLLOWERS,
        Set.of(AbstractTokenizer.NEWLINE_TOKEN),
        null,
        null,
        newlines,
        null,
        null,
        false,
        allowEmptySentences);
  }

  /** Each sentence as the positions of its tokens, found by identity. */
  private static List<List<Integer>> positions(
      List<List<CoreLabel>> sentences, List<CoreLabel> tokens) {
    Map<CoreLabel, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      position.put(tokens.get(i), i);
    }
    return sentences.stream()
        .map(sentence -> sentence.stream().map(position::get).toList())
        .toList();
  }

  private static List<CoreLabel> tokens(String... words) {
    List<CoreLabel> tokens = new ArrayList<>();
    for (String word : words) {
      tokens.add(token(word));
    }
    return tokens;
  }

  private static CoreLabel token(String word) {
    CoreLabel token = new CoreLabel();
    token.setWord(word);
    token.setValue(word);
    return token;
  }
}
