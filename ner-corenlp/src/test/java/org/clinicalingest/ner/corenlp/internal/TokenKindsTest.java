package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenKindsTest {

  private static final byte O = TokenKinds.OTHER;
  private static final byte J = TokenKinds.JOINS;
  private static final byte C = TokenKinds.CANDIDATE;

  private final TokenKinds kinds =
      new TokenKinds(
          Set.of("seen", "by", "today", "denies", "pain", "hope", "called", "at", "bedside", "with")
              ::contains,
          Set.of("hope"),
          Set.of("bp", "hr"),
          Map.of("maria", "Maria")::get);

  /** Tokens of {@code text} split at spaces, with their character offsets. */
  static List<CoreLabel> tokens(String text) {
    List<CoreLabel> tokens = new ArrayList<>();
    int start = 0;
    for (String word : text.split(" ")) {
      CoreLabel token = new CoreLabel();
      token.setWord(word);
      token.setValue(word);
      token.setBeginPosition(start);
      token.setEndPosition(start + word.length());
      tokens.add(token);
      start += word.length() + 1;
    }
    return tokens;
  }

  private byte[] of(String text, boolean oneCase) {
    List<CoreLabel> tokens = tokens(text);
    return kinds.of(text, tokens, entries(tokens), List.of(), oneCase);
  }

  private WordEntry[] entries(List<CoreLabel> tokens) {
    return tokens.stream()
        .map(token -> new WordEntry(kinds.factsOf(token.word())))
        .toArray(WordEntry[]::new);
  }

  @Test
  void wordAfterTitleIsCandidateAndTitleJoins() {
    assertThat(of("Seen by Dr. Okafor today", false)).containsExactly(J, O, J, C, O);
  }

  @Test
  void commonWordsAbbreviationsAndNumbersAreNoCandidates() {
    assertThat(of("Denies pain . BP 120/80 HR 88", false)).containsExactly(J, O, O, J, O, J, O);
  }

  @Test
  void nameThatIsCommonWordIsCandidateEvenAtSentenceStart() {
    assertThat(of("Hope called", false)).containsExactly(C, O);
  }

  @Test
  void unknownLowerCaseWordIsCandidateOnlyInOneCaseText() {
    assertThat(of("seen with tanisha at bedside", true)).containsExactly(O, O, C, O, O);
    assertThat(of("seen with tanisha at bedside", false)).containsExactly(O, O, O, O, O);
  }

  @Test
  void allowListedTermJoinsButIsNoCandidate() {
    String text = "Seen by Foley today";

    List<CoreLabel> tokens = tokens(text);

    assertThat(kinds.of(text, tokens, entries(tokens), List.of(new int[] {8, 13}), false))
        .containsExactly(J, O, J, O);
  }
}
