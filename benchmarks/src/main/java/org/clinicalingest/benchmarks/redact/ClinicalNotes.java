package org.clinicalingest.benchmarks.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic progress and nursing notes of about 45 words for the redaction benchmarks: vitals,
 * medications, eponyms, and in three notes of four a name (relative, clinician, signature); one
 * note in ten is written all in capitals and one in ten all in lower case, as ICU notes often are.
 * Deterministic for a seed.
 */
final class ClinicalNotes {

  private static final String[] GIVEN = {
    "Maria", "James", "Linh", "Ahmed", "Grace", "Robert", "Aisha", "Kevin", "Sofia", "Daniel",
    "Priya", "Thomas", "Fatima", "Luis", "Emily", "Chen", "Olga", "Marcus", "Hannah", "Diego"
  };
  private static final String[] FAMILY = {
    "Garcia", "Smith", "Nguyen", "Patel", "Johnson", "O'Neil", "Kowalski", "Brown", "Rodriguez",
    "Okafor", "Miller", "Schmidt", "Haddad", "Lee", "Martinez", "Cohen", "Ivanova", "Walsh",
    "Tanaka", "Williams"
  };
  private static final String[] OPENINGS = {
    "Pt seen at bedside this AM.",
    "Patient resting comfortably, no acute distress.",
    "Called to bedside for hypotension.",
    "Follow-up visit for chronic conditions.",
    "Admitted overnight via ED.",
    "Telephone encounter.",
    "Reviewed labs and imaging with team.",
    "Post-op day 2 after laparoscopic cholecystectomy."
  };
  private static final String[] CLINICAL = {
    "BP 128/76, HR 88, RR 16, SpO2 97% on RA.",
    "Hx of Parkinson disease on carbidopa-levodopa.",
    "Crohn's flare improving on prednisone taper.",
    "Foley catheter removed, voiding without difficulty.",
    "Gave Tylenol 650 mg PO for pain 6/10.",
    "Glasgow Coma Scale 15, alert and oriented x3.",
    "Negative Murphy sign, abdomen soft, non-tender.",
    "Known Hashimoto thyroiditis, on levothyroxine 75 mcg daily.",
    "Denies chest pain, SOB, or palpitations.",
    "Wound clean, dry and intact, no erythema.",
    "Continue metformin 500 mg BID and lisinopril 10 mg daily.",
    "Babinski negative bilaterally, strength 5/5.",
    "A1c 7.9, will titrate insulin glargine.",
    "Epley maneuver performed for BPPV with relief.",
    "Hgb 9.8 stable, no signs of bleeding.",
    "Bell palsy resolving, eye closure improved."
  };
  private static final String[] NAMED = {
    "Daughter %g at bedside, updated on plan.",
    "Discussed with Dr. %f, who agrees with plan.",
    "Pt's wife %g %f called for update.",
    "Seen with attending Dr. %g %f.",
    "%g %f, RN notified of low urine output.",
    "Son %g will drive pt home at discharge.",
    "Case discussed with %g %f, NP.",
    "Mr. %f reports improved appetite.",
    "Mrs. %f asking about home health.",
    "Spoke with pt's brother %g by phone."
  };
  private static final String[] CLOSINGS = {
    "Plan: continue current meds, recheck BMP in AM.",
    "Will follow.",
    "Return precautions reviewed.",
    "Discharge planning in progress.",
    "PT/OT consulted.",
    "Signed: %g %f, MD",
    "-- %g %f, RN"
  };

  private ClinicalNotes() {}

  static List<String> generate(long seed, int count) {
    Random random = new Random(seed);
    List<String> notes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder note = new StringBuilder(pick(random, OPENINGS));
      int clinical = 3 + random.nextInt(3);
      for (int sentence = 0; sentence < clinical; sentence++) {
        note.append(' ').append(pick(random, CLINICAL));
      }
      if (random.nextInt(4) != 0) {
        note.append(' ').append(fill(random, pick(random, NAMED)));
      }
      note.append(' ').append(fill(random, pick(random, CLOSINGS)));
      int casing = random.nextInt(10);
      String text = note.toString();
      if (casing == 0) {
        text = text.toUpperCase(Locale.ROOT);
      } else if (casing == 1) {
        text = text.toLowerCase(Locale.ROOT);
      }
      notes.add(text);
    }
    return notes;
  }

  private static String fill(Random random, String template) {
    return template.replace("%g", pick(random, GIVEN)).replace("%f", pick(random, FAMILY));
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }
}
