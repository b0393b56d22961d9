package org.clinicalingest.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void acceptsPlainIdentifiers() {
    assertThat(Identifiers.require("schema", "clinical_2")).isEqualTo("clinical_2");
    assertThat(Identifiers.require("schema", "_x")).isEqualTo("_x");
  }

  @Test
  void refusesAnythingElseNamingOptionAndValue() {
    for (String value : new String[] {"", "2x", "a-b", "a b", "a\"b", "a;b", "ä", "a.b"}) {
      assertThatThrownBy(() -> Identifiers.require("tablePrefix", value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("tablePrefix must match [A-Za-z_][A-Za-z0-9_]*, was \"");
    }
    assertThatThrownBy(() -> Identifiers.require("schema", null))
        .hasMessage("schema must match [A-Za-z_][A-Za-z0-9_]*, was null");
  }

  @Test
  void escapesControlCharactersInMessages() {
    assertThatThrownBy(() -> Identifiers.require("schema", "a\r\nINFO forged"))
        .hasMessage("schema must match [A-Za-z_][A-Za-z0-9_]*, was \"a\\u000d\\u000aINFO forged\"");
  }

  @Test
  void quotesAndDoublesEmbeddedQuotes() {
    assertThat(Identifiers.quote("patients")).isEqualTo("\"patients\"");
    assertThat(Identifiers.quote("my\"db")).isEqualTo("\"my\"\"db\"");
  }
}
