package org.clinicalingest.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRuleTest {

  @Test
  void acceptsAnyTextWithoutNulOrUnpairedSurrogate() {
    assertThat(TextRule.problem("")).isNull();
    assertThat(TextRule.problem("tab\t newline\n backslash\\ \\N quote\" 😀 患者")).isNull();
    assertThat(TextRule.problem("\ud83d\ude00")).isNull();
  }

  @Test
  void findsNulAnywhere() {
    assertThat(TextRule.problem("\u0000")).isEqualTo(TextRule.NUL);
    assertThat(TextRule.problem("end\u0000")).isEqualTo(TextRule.NUL);
  }

  @Test
  void findsUnpairedSurrogates() {
    assertThat(TextRule.problem("\ud83d")).isEqualTo(TextRule.UNPAIRED_SURROGATE);
    assertThat(TextRule.problem("\ude00x")).isEqualTo(TextRule.UNPAIRED_SURROGATE);
    assertThat(TextRule.problem("x\ud83dy")).isEqualTo(TextRule.UNPAIRED_SURROGATE);
  }
}
