package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceKeyTest {

  private static List<CoreLabel> tokens(String... words) {
    List<CoreLabel> tokens = new ArrayList<>();
    for (String word : words) {
      CoreLabel token = new CoreLabel();
      token.setWord(word);
      tokens.add(token);
    }
    return tokens;
  }

  private static SentenceKey key(byte[] kinds, boolean[] inKnown, String... words) {
    return SentenceKey.of(tokens(words), kinds, inKnown);
  }

  @Test
  void isTheSameForTheSameWordsAndKinds() {
    byte[] kinds = {TokenKinds.JOINS, TokenKinds.CANDIDATE, TokenKinds.OTHER};

    assertThat(key(kinds, null, "Dr.", "Foley", "called"))
        .isEqualTo(key(kinds.clone(), null, "Dr.", "Foley", "called"))
        .hasSameHashCodeAs(key(kinds.clone(), null, "Dr.", "Foley", "called"));
    assertThat(key(null, null, "Seen", "today")).isEqualTo(key(null, null, "Seen", "today"));
  }

  @Test
  void differsWithAnyWordItsBoundariesItsKindsOrWhatIsKnown() {
    byte[] kinds = {TokenKinds.CANDIDATE, TokenKinds.OTHER};
    SentenceKey key = key(kinds, null, "Foley", "called");

    assertThat(key)
        .isNotEqualTo(key(kinds, null, "Foley", "calls"))
        .isNotEqualTo(key(kinds, null, "Fol", "eycalled"))
        .isNotEqualTo(key(new byte[] {TokenKinds.JOINS, TokenKinds.OTHER}, null, "Foley", "called"))
        .isNotEqualTo(key(kinds, new boolean[] {true, false}, "Foley", "called"))
        .isNotEqualTo(key(null, null, "Foley", "called"));
  }
}
