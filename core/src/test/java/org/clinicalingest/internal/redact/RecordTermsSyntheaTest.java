package org.clinicalingest.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.internal.redact.SyntheaBundles.PatientNotes;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.PhiSpan;
import org.junit.jupiter.api.Test;

class RecordTermsSyntheaTest {

  private final PatternRedactor patterns = new PatternRedactor();
  private final TextRedactor redactor = new TextRedactor(RedactionPolicy.safeHarbor());

  @Test
  void removesEveryNameAndTheBirthDateFromTheNotesOfSyntheaPatients() {
    List<PatientNotes> bundles = SyntheaBundles.load();
    assertThat(bundles).hasSize(8);
    for (PatientNotes bundle : bundles) {
      Patient patient = bundle.patient();
      RecordTerms terms = RecordTerms.of(patient);
      List<String> names = new ArrayList<>(patient.givenNames());
      names.add(patient.familyName());
      patient.encounters().stream().map(Encounter::providerName).forEach(names::add);
      assertThat(bundle.notes()).as(bundle.file()).isNotEmpty();
      for (String note : bundle.notes()) {
        List<PhiSpan> spans = new ArrayList<>(terms.find(note));
        spans.addAll(patterns.find(note));
        String redacted = redactor.apply(note, SpanMerger.merge(spans));
        for (String name : names) {
          for (String part : name.replace("Dr. ", "").split(" ")) {
            assertThat(redacted).as(bundle.file()).doesNotContain(part);
            String bare = part.replaceAll("\\d", "");
            assertThat(Pattern.compile("\\b" + bare + "\\b").matcher(redacted).find())
                .as(bundle.file() + " " + bare)
                .isFalse();
          }
        }
        assertThat(redacted).as(bundle.file()).doesNotContain(patient.dateOfBirth());
        assertThat(redacted)
            .contains("# Chief Complaint", "# History of Present Illness", "[NAME]");
      }
    }
  }
}
