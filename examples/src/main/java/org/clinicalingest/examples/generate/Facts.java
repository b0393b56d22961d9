package org.clinicalingest.examples.generate;

/**
 * What the generator has decided about the current patient, encounter and observation: the values
 * of the structured fields that notes refer back to.
 *
 * <p>A plain mutable holder, refilled for each patient and encounter by {@link PatientWriter} and
 * read by {@link NoteComposer}, so that a note names the patient exactly as the structured fields
 * do. Not thread-safe; one per worker.
 */
final class Facts {

  // patient
  String mrn;
  String first;
  String middle;
  String last;
  char gender;
  long birthDay;
  String ssn;
  String driverLicense;
  String phone;
  String email;
  String street;
  String line2;
  Vocabulary.City city;
  String zip;
  String homeHospital;
  String account;
  String memberId;
  String contactFirst;
  String contactLast;
  String contactRelation;
  char contactGender;
  String contactPhone;
  int offsetMinutes;

  // encounter
  long visitSecond;
  String providerFirst;
  String providerLast;
  String facility;
  Vocabulary.Reason reason;

  // observation
  Vocabulary.ObservationKind kind;
  String valueText;

  /** Whether the patient is 18 or older on the reference date. */
  boolean adult() {
    return age() >= 18;
  }

  /** The patient's age in whole years on the reference date. */
  int age() {
    return (int) ((PatientWriter.REFERENCE_DATE.toEpochDay() - birthDay) / 365.25);
  }

  long visitDay() {
    return Formats.localDay(visitSecond, offsetMinutes);
  }
}
