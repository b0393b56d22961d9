package org.clinicalingest.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoteComposerTest {

  @Test
  void everySectionHasSeveralTemplates() {
    int total = 0;
    for (NoteComposer.Section section : NoteComposer.Section.values()) {
      assertThat(NoteComposer.templates(section)).as(section.name()).isGreaterThanOrEqualTo(4);
      total += NoteComposer.templates(section);
    }
    assertThat(total).isGreaterThan(120);
  }

  @Test
  void everySlotIsUsedBySomeTemplate() {
    String templates = String.join("\n", Vocabulary.lines("note-templates.txt"));
    assertThat(Arrays.stream(NoteComposer.Slot.values()))
        .allMatch(slot -> templates.contains("{" + slot.key() + "}"), "used in a template");
  }
}
