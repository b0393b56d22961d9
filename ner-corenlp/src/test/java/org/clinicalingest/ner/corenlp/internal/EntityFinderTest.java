package org.clinicalingest.ner.corenlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityFinderTest {

  private static final byte O = TokenKinds.OTHER;
  private static final byte J = TokenKinds.JOINS;
  private static final byte C = TokenKinds.CANDIDATE;

  private static List<int[]> windows(String text, byte... kinds) {
    List<CoreLabel> tokens = TokenKindsTest.tokens(text);
    assertThat(kinds).hasSameSizeAs(tokens);
    return EntityFinder.windows(tokens, kinds, null);
  }

  @Test
  void windowSpansJoiningTokensParticlesAndPossessivePlusOneTokenEachSide() {
    assertThat(
            windows("call back Dr. Maria de la Cruz 's team today", O, O, J, C, O, O, C, O, O, O))
        .containsExactly(new int[] {1, 9});
  }

  @Test
  void windowIsNotWidenedOverAFunctionWord() {
    assertThat(windows("seen with Dr. Maria Cruz and team", O, O, J, C, C, O, O))
        .containsExactly(new int[] {2, 5});
  }

  @Test
  void runWithoutCandidateIsNoWindow() {
    assertThat(windows("BP 120/80 , HR 88 . Denies pain", J, O, O, J, O, O, J, O)).isEmpty();
  }

  @Test
  void moreThanTwoParticlesSplitWindowsThatMergeOnlyWhenTheyMeet() {
    assertThat(windows("Maria de la van Chen", C, O, O, O, C))
        .containsExactly(new int[] {0, 2}, new int[] {3, 5});
    assertThat(windows("Maria , ; Chen", C, O, O, C)).containsExactly(new int[] {0, 4});
  }

  @Test
  void runWhoseCandidatesAreAllKnownIsNoWindowUnlessAPartOfTheNameLiesOutside() {
    List<CoreLabel> tokens = TokenKindsTest.tokens("Pt Valentina Mcleod seen by Dr. Maria Chen");
    byte[] kinds = {J, C, C, O, O, J, C, C};
    boolean[] patientKnown = {false, true, true, false, false, false, false, false};
    boolean[] allKnown = {false, true, true, false, false, false, true, true};

    assertThat(EntityFinder.windows(tokens, kinds, patientKnown)).containsExactly(new int[] {5, 8});
    assertThat(EntityFinder.windows(tokens, kinds, allKnown)).isEmpty();

    List<CoreLabel> eponym = TokenKindsTest.tokens("faxed to Virginia Parkinson , MD");
    assertThat(
            EntityFinder.windows(
                eponym,
                new byte[] {O, O, C, J, O, J},
                new boolean[] {false, false, true, false, false, false}))
        .containsExactly(new int[] {2, 5});
  }
}
