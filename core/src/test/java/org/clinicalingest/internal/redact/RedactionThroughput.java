package org.clinicalingest.internal.redact;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.clinicalingest.Operator;
import org.clinicalingest.PhiField;
import org.clinicalingest.RedactionPolicy;
import org.clinicalingest.model.Encounter;
import org.clinicalingest.model.Patient;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Measures, side by side in one JVM, how many ~300-character notes per second one thread gets
 * through {@link PatternRedactor}, {@link RecordTerms} (built once per patient), {@link
 * TextRedactor}, and how many pseudonyms per second {@link FieldRedactor} makes. Not a test: run it
 * by hand (see the redaction report for the command); timings are noisy on a shared machine.
 */
public final class RedactionThroughput {

  private static final String[] SENTENCES = {
    "Pt is a 67 yo M with CHF (EF 35%), T2DM, HbA1c 7.2%, seen for DOE x 3 days.",
    "Vitals: T 98.6 F, HR 92, BP 142/88, RR 18, SpO2 94% on 2 L NC, Wt 82.3 kg.",
    "Labs: Na 138, K 4.1, Cr 1.6, BNP 1250, glucose 110 mg/dL; LOINC 8480-6.",
    "Bob965 Keeling57 called from 555-814-8772 on 03/12/2019 about his refill.",
    "Plan: furosemide 40 mg IV BID, recheck BMP at 14:30, follow up in 2 weeks.",
    "Daughter Ann Keeling (cell 555 200 3000) will visit; lives at 247 Cronin Station.",
    "MRN 00482913; seen by Dr. Ronny764 Block661 in clinic, room 412.",
    "Denies chest pain. Will follow up with cardiology; may cause dizziness.",
    "Email bob.keeling57@example.org for the portal; DOB 1991-07-08.",
    "Exam: JVP 10 cm, 2+ edema, crackles 1/3 up, S3 present, reflexes 2+."
  };

  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  private RedactionThroughput() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    List<String> notes = notes(count, new Random(42));
    double averageLength = notes.stream().mapToInt(String::length).average().orElse(0);
    Patient patient =
        Patient.builder()
            .patientId("pat-0001")
            .familyName("Keeling57")
            .givenNames(List.of("Bob965"))
            .identifiers(List.of("SSN:999-12-9623", "DL:S99986740"))
            .phone("555-814-8772")
            .email("bob.keeling57@example.org")
            .addressLine1("247 Cronin Station Suite 76")
            .city("Woburn")
            .postalCode("01801")
            .emergencyContactName("Ann Keeling")
            .emergencyContactPhone("555 200 3000")
            .encounters(
                List.of(
                    Encounter.builder()
                        .encounterId("e1")
                        .providerName("Dr. Ronny764 Block661")
                        .build()))
            .build();
    PatternRedactor patterns = new PatternRedactor();
    RecordTerms terms = RecordTerms.of(patient);
    RedactionPolicy policy =
        RedactionPolicy.builder()
            .field(PhiField.FAMILY_NAME, Operator.PSEUDONYM)
            .text(PhiType.NAME, Operator.PSEUDONYM)
            .pseudonymKey(PseudonymizerTest.KEY)
            .build();
    TextRedactor placeholders = new TextRedactor(RedactionPolicy.safeHarbor());
    TextRedactor pseudonyms = new TextRedactor(policy);
    FieldRedactor fields = new FieldRedactor(policy, Clock.systemUTC());
    List<List<PhiSpan>> spans = new ArrayList<>();
    for (String note : notes) {
      List<PhiSpan> found = new ArrayList<>(patterns.find(note));
      found.addAll(terms.find(note));
      spans.add(SpanMerger.merge(found));
    }
    System.out.printf(
        Locale.ROOT, "%d notes, %.0f chars on average%n", notes.size(), averageLength);
    for (int round = 1; round <= 5; round++) {
      long sink = 0;
      long start = THREAD.getCurrentThreadCpuTime();
      for (String note : notes) {
        sink += patterns.find(note).size();
      }
      long patternNanos = THREAD.getCurrentThreadCpuTime() - start;
      start = THREAD.getCurrentThreadCpuTime();
      for (String note : notes) {
        sink += terms.find(note).size();
      }
      long termNanos = THREAD.getCurrentThreadCpuTime() - start;
      start = THREAD.getCurrentThreadCpuTime();
      for (Patient ignored : List.of(patient)) {
        for (int i = 0; i < notes.size(); i++) {
          sink += RecordTerms.of(patient).isEmpty() ? 0 : 1;
        }
      }
      long buildNanos = THREAD.getCurrentThreadCpuTime() - start;
      start = THREAD.getCurrentThreadCpuTime();
      for (int i = 0; i < notes.size(); i++) {
        sink += placeholders.apply(notes.get(i), spans.get(i)).length();
      }
      long placeholderNanos = THREAD.getCurrentThreadCpuTime() - start;
      start = THREAD.getCurrentThreadCpuTime();
      for (int i = 0; i < notes.size(); i++) {
        sink += pseudonyms.apply(notes.get(i), spans.get(i)).length();
      }
      long pseudonymNanos = THREAD.getCurrentThreadCpuTime() - start;
      start = THREAD.getCurrentThreadCpuTime();
      for (int i = 0; i < notes.size(); i++) {
        sink += fields.redact(PhiField.FAMILY_NAME, "Keeling" + (i % 1000)).length();
      }
      long fieldNanos = THREAD.getCurrentThreadCpuTime() - start;
      System.out.printf(
          Locale.ROOT,
          "round %d: PatternRedactor %,.0f notes/s | RecordTerms.find %,.0f notes/s |"
              + " RecordTerms.of %,.0f patients/s | TextRedactor placeholders %,.0f notes/s,"
              + " pseudonyms %,.0f notes/s | FieldRedactor pseudonyms %,.0f values/s (%d)%n",
          round,
          rate(notes.size(), patternNanos),
          rate(notes.size(), termNanos),
          rate(notes.size(), buildNanos),
          rate(notes.size(), placeholderNanos),
          rate(notes.size(), pseudonymNanos),
          rate(notes.size(), fieldNanos),
          sink % 10);
    }
  }

  private static double rate(int count, long nanos) {
    return count / (nanos / 1e9);
  }

  private static List<String> notes(int count, Random random) {
    List<String> notes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder note = new StringBuilder();
      while (note.length() < 280) {
        note.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
      }
      notes.add(note.toString().strip());
    }
    return notes;
  }
}
