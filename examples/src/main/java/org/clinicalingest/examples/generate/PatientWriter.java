package org.clinicalingest.examples.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.RecordKind;

/**
 * Writes one patient, with its encounters and observations, as a JSON object into a buffer, and the
 * gold lines of its notes into another.
 *
 * <p>Everything about patient {@code i} is drawn from a random stream seeded by {@code (seed, i)}
 * alone, so a patient can be written again later (a duplicate) without keeping it in memory, and
 * the output does not depend on how patients are batched. Ids are built from the patient index,
 * hence unique without a lookup table. Not thread-safe; one per worker.
 */
final class PatientWriter {

  /** Generated dates lie before this day, so that no valid date is in the future. */
  static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);

  private static final long REFERENCE_DAY = REFERENCE_DATE.toEpochDay();
  private static final long FIRST_BIRTH_DAY = LocalDate.of(1920, 1, 1).toEpochDay();
  private static final long LAST_BIRTH_DAY = REFERENCE_DAY - 30;
  private static final long FIRST_VISIT_DAY = LocalDate.of(2005, 1, 1).toEpochDay();
  private static final long MRN_MODULUS = 10_000_000_000L;
  private static final long MRN_MULTIPLIER = 7_919_393L;
  private static final long RUN_TAG_SALT = 0x746167L;
  private static final String HEX = "0123456789abcdef";

  private static final Defect[] PATIENT_DEFECTS = defects(RecordKind.PATIENT);
  private static final Defect[] ENCOUNTER_DEFECTS = defects(RecordKind.ENCOUNTER);
  private static final Defect[] OBSERVATION_DEFECTS = defects(RecordKind.OBSERVATION);

  private static final String[] ENCOUNTER_STATUSES = {
    "finished",
    "in-progress",
    "planned",
    "arrived",
    "triaged",
    "onleave",
    "cancelled",
    "entered-in-error",
    "unknown"
  };
  private static final int[] ENCOUNTER_STATUS_WEIGHTS = {850, 40, 20, 10, 10, 10, 40, 10, 10};
  private static final String[] CLASS_CODES = {"AMB", "EMER", "IMP", "VR", "HH", "OBSENC"};
  private static final int[] CLASS_WEIGHTS = {55, 15, 12, 10, 5, 3};
  private static final String[] OBSERVATION_STATUSES = {
    "final",
    "amended",
    "corrected",
    "preliminary",
    "registered",
    "cancelled",
    "entered-in-error",
    "unknown"
  };
  private static final int[] OBSERVATION_STATUS_WEIGHTS = {850, 40, 30, 40, 10, 10, 10, 10};
  private static final int[] OFFSETS = {0, 0, -300, -360, -420, -480};
  private static final String[] PREFIX_FEMALE = {"Ms.", "Mrs.", "Dr."};
  private static final String[] PREFIX_MALE = {"Mr.", "Mr.", "Dr."};
  private static final String[] SUFFIXES = {"Jr.", "Sr.", "II", "III", "MD", "PhD"};

  private final long seed;

  /** Four hex digits of the seed in every id, so that data sets of different seeds can be mixed. */
  private final String runTag;

  private final int minEncounters;
  private final int maxEncounters;
  private final int minObservations;
  private final int maxObservations;
  private final double invalidRate;
  private final double notesRate;

  private final Vocabulary vocabulary = Vocabulary.get();
  private final Names names = new Names(vocabulary);
  private final PhiValues values = new PhiValues(vocabulary, names);
  private final NoteComposer composer = new NoteComposer(vocabulary, names, values);
  private final Facts facts = new Facts();
  private final NoteText note = new NoteText();
  private final ByteSink data = new ByteSink();
  private final ByteSink gold = new ByteSink();
  private final JsonGenerator json;
  private final GoldWriter goldWriter = new GoldWriter(gold);
  private final PatientStats stats = new PatientStats();
  private final long[] visitSeconds = new long[256];
  private final String[] providerFirst = new String[2];
  private final String[] providerLast = new String[2];

  private boolean writeGold;
  private String observationId;
  private long deathDay;
  private boolean emailPresent;

  /** Whether the current observation's id is written, so that gold lines can refer to it. */
  private boolean traced;

  /**
   * Whether the patient's {@code patient_id} was written as is; if not, its encounters leave out
   * theirs, so that they carry no defect but their own.
   */
  private boolean parentIdWritten;

  /**
   * Which field of the current patient, encounter and observation gets the wrong JSON type, -1 for
   * none.
   */
  private int patientWrongType;

  private int encounterWrongType;
  private int observationWrongType;

  PatientWriter(
      long seed,
      int minEncounters,
      int maxEncounters,
      int minObservations,
      int maxObservations,
      double invalidRate,
      double notesRate) {
    this.seed = seed;
    this.runTag = hex4(Rng.mix(RUN_TAG_SALT, seed));
    this.minEncounters = minEncounters;
    this.maxEncounters = maxEncounters;
    this.minObservations = minObservations;
    this.maxObservations = maxObservations;
    this.invalidRate = invalidRate;
    this.notesRate = notesRate;
    JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
    try {
      json = factory.createGenerator(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a JSON generator over a memory buffer", e);
    }
  }

  private static String hex4(long value) {
    char[] out = new char[4];
    for (int i = 0; i < 4; i++) {
      out[i] = HEX.charAt((int) (value >>> (4 * i)) & 15);
    }
    return new String(out);
  }

  private static Defect[] defects(RecordKind kind) {
    return Arrays.stream(Defect.values())
        .filter(defect -> defect.kind() == kind)
        .toArray(Defect[]::new);
  }

  /** The patient's JSON object, valid until the next call of {@link #write}. */
  ByteSink data() {
    return data;
  }

  /** The patient's gold lines, each ending in a newline, valid until the next call. */
  ByteSink gold() {
    return gold;
  }

  /** Counts of the patient last written. */
  PatientStats stats() {
    return stats;
  }

  /**
   * The medical record number of patient {@code index}: ten digits that are a bijection of the
   * index (the multiplier is prime to 10), so unique for a given seed, in one of four styles.
   */
  String mrn(long index) {
    long offset = Math.floorMod(Rng.mix(seed, -1L), MRN_MODULUS);
    long number = (Math.floorMod(index, MRN_MODULUS) * MRN_MULTIPLIER + offset) % MRN_MODULUS;
    String digits = PhiValues.pad(number, 10);
    return switch ((int) ((Rng.mix(seed, index) >>> 8) & 3)) {
      case 0 -> "MRN" + digits;
      case 1 -> digits;
      case 2 -> "P-" + digits;
      default -> "H" + digits;
    };
  }

  /**
   * Writes patient {@code index} into {@link #data()}, and its gold lines into {@link #gold()} if
   * {@code withGold}.
   */
  void write(long index, boolean withGold) {
    data.reset();
    gold.reset();
    stats.reset();
    writeGold = withGold;
    Rng rng = new Rng(Rng.mix(seed, index));
    try {
      patient(index, rng);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write patient " + index + " to memory", e);
    }
  }

  private Defect defect(Defect[] candidates, Rng rng) {
    return invalidRate > 0 && rng.chance(invalidRate) ? rng.pick(candidates) : null;
  }

  private void patient(long index, Rng rng) throws IOException {
    Defect defect = defect(PATIENT_DEFECTS, rng);
    patientWrongType = defect == Defect.PATIENT_WRONG_TYPE ? rng.nextInt(5) : -1;
    describePatient(index, rng);
    if (defect != null) {
      stats.invalid[RecordKind.PATIENT.ordinal()]++;
      stats.defects[defect.ordinal()]++;
    }
    stats.records[RecordKind.PATIENT.ordinal()]++;
    json.writeStartObject();
    patientId(defect, rng);
    if (patientWrongType == 0) {
      json.writeStringField("identifiers", "SSN:" + facts.ssn);
    } else {
      json.writeArrayFieldStart("identifiers");
      json.writeString("SSN:" + facts.ssn);
      if (facts.adult() && rng.chance(0.6)) {
        json.writeString("DL:" + facts.driverLicense);
      }
      if (rng.chance(0.05)) {
        json.writeString("PPN:X" + PhiValues.digits(8, rng));
      }
      json.writeEndArray();
    }
    json.writeStringField("family_name", facts.last);
    if (patientWrongType == 1) {
      json.writeStringField("given_names", facts.first);
    } else {
      json.writeArrayFieldStart("given_names");
      json.writeString(facts.first);
      if (facts.middle != null) {
        json.writeString(facts.middle);
      }
      json.writeEndArray();
    }
    if (facts.adult() && rng.chance(0.4)) {
      json.writeArrayFieldStart("name_prefix");
      json.writeString(rng.pick(facts.gender == 'f' ? PREFIX_FEMALE : PREFIX_MALE));
      json.writeEndArray();
    }
    if (rng.chance(0.05)) {
      json.writeArrayFieldStart("name_suffix");
      json.writeString(rng.pick(SUFFIXES));
      json.writeEndArray();
    }
    birthDate(defect, rng);
    json.writeStringField("gender", gender(defect, rng));
    deceased(defect, rng);
    json.writeStringField("marital_status", rng.pick(vocabulary.terms("marital")));
    json.writeStringField("address_line1", facts.street);
    if (facts.line2 != null) {
      json.writeStringField("address_line2", facts.line2);
    }
    json.writeStringField("city", facts.city.name());
    json.writeStringField("state", state(defect, rng));
    json.writeStringField("postal_code", postalCode(defect, rng));
    json.writeStringField("country", country(defect, rng));
    int phoneFormat = rng.nextInt(4);
    json.writeStringField("phone", Formats.phone(facts.phone, phoneFormat == 3 ? 4 : phoneFormat));
    if (rng.chance(0.1)) {
      json.writeStringField(
          "fax", Formats.phone(values.phoneDigits(facts.city.areaCode(), rng), 1));
    }
    if (emailPresent || defect == Defect.BAD_EMAIL) {
      json.writeStringField("email", email(defect, rng));
    }
    json.writeStringField("emergency_contact_name", facts.contactFirst + " " + facts.contactLast);
    json.writeStringField("emergency_contact_relationship", facts.contactRelation);
    json.writeStringField("emergency_contact_phone", Formats.phone(facts.contactPhone, 1));
    json.writeStringField("language", language(defect, rng));
    json.writeStringField("managing_organization", facts.homeHospital);
    encounters(index, defect != null, rng);
    json.writeEndObject();
  }

  private void describePatient(long index, Rng rng) {
    int genderDraw = rng.nextInt(100);
    facts.gender = genderDraw < 49 ? 'f' : genderDraw < 98 ? 'm' : genderDraw == 98 ? 'o' : 'u';
    facts.birthDay = birthDay(rng);
    int birthYear = LocalDate.ofEpochDay(facts.birthDay).getYear();
    facts.mrn = mrn(index);
    facts.first = names.given(facts.gender, birthYear, rng);
    facts.middle = rng.chance(0.5) ? names.given(facts.gender, birthYear, rng) : null;
    facts.last = names.surname(rng);
    facts.ssn = values.ssn(rng);
    facts.driverLicense = values.driverLicense(rng);
    facts.city = rng.pick(vocabulary.cities);
    facts.zip = values.zip(facts.city, rng);
    facts.street = values.street(rng);
    facts.line2 = rng.chance(0.2) ? values.line2(rng) : null;
    facts.phone =
        rng.chance(0.85) ? values.phoneDigits(facts.city.areaCode(), rng) : values.phoneDigits(rng);
    facts.email = values.email(facts.first, facts.last, rng);
    emailPresent = rng.chance(0.8);
    facts.homeHospital = values.hospital(facts.city, rng);
    facts.account = values.account(rng);
    facts.memberId = values.memberId(rng);
    Vocabulary.Relation relation = rng.pick(vocabulary.contactRelations);
    while (!relation.fits(facts.age())) {
      relation = rng.pick(vocabulary.contactRelations);
    }
    facts.contactRelation = relation.word();
    facts.contactGender =
        relation.gender() != 'x' ? relation.gender() : rng.chance(0.5) ? 'f' : 'm';
    facts.contactFirst = names.given(facts.contactGender, rng.between(1940, 2000), rng);
    facts.contactLast = rng.chance(0.6) ? facts.last : names.surname(rng);
    facts.contactPhone = values.phoneDigits(facts.city.areaCode(), rng);
    facts.offsetMinutes = OFFSETS[rng.nextInt(OFFSETS.length)];
    for (int i = 0; i < providerLast.length; i++) {
      providerFirst[i] = names.given(rng.chance(0.5) ? 'f' : 'm', rng.between(1950, 1995), rng);
      providerLast[i] = names.surname(rng);
    }
  }

  /** Ages skewed to adults, with about 5% of patients over 89. */
  private static long birthDay(Rng rng) {
    int draw = rng.nextInt(100);
    int age =
        draw < 18
            ? rng.between(0, 17)
            : draw < 75
                ? rng.between(18, 64)
                : draw < 95 ? rng.between(65, 89) : rng.between(90, 104);
    long day = REFERENCE_DAY - Math.round(age * 365.25) - rng.nextInt(365);
    return Math.max(FIRST_BIRTH_DAY, Math.min(LAST_BIRTH_DAY, day));
  }

  private void patientId(Defect defect, Rng rng) throws IOException {
    parentIdWritten = false;
    if (defect == Defect.MISSING_PATIENT_ID) {
      return;
    }
    if (defect == Defect.BAD_MRN) {
      String bad =
          switch (rng.nextInt(6)) {
            case 0 -> "ab";
            case 1 -> "MRN#" + PhiValues.digits(5, rng);
            case 2 -> facts.mrn + "X".repeat(21);
            case 3 -> "   ";
            case 4 -> "MRN " + PhiValues.digits(4, rng);
            default -> "MRN\u00e9" + PhiValues.digits(4, rng);
          };
      json.writeStringField("patient_id", bad);
    } else if (patientWrongType == 2) {
      json.writeNumberField("patient_id", Long.parseLong(PhiValues.digits(7, rng)) + 1_000_000L);
    } else {
      json.writeStringField("patient_id", facts.mrn);
      parentIdWritten = true;
    }
  }

  private void birthDate(Defect defect, Rng rng) throws IOException {
    LocalDate birth = LocalDate.ofEpochDay(facts.birthDay);
    if (defect == null) {
      json.writeStringField("date_of_birth", Formats.isoDate(facts.birthDay));
      return;
    }
    switch (defect) {
      case FUTURE_BIRTH_DATE ->
          json.writeStringField(
              "date_of_birth",
              Formats.isoDate(birth.withYear(rng.between(2090, 2120)).toEpochDay()));
      case BIRTH_DATE_BEFORE_1900 ->
          json.writeStringField(
              "date_of_birth",
              Formats.isoDate(birth.withYear(rng.between(1850, 1899)).toEpochDay()));
      case MALFORMED_BIRTH_DATE -> {
        int year = birth.getYear();
        String bad =
            switch (rng.nextInt(4)) {
              case 0 -> Formats.noteDate(facts.birthDay, rng).replace('-', '/') + " 00:00";
              case 1 -> year + "-13-01";
              case 2 -> year + "-02-30";
              default -> birth.getDayOfMonth() + " March " + year;
            };
        json.writeStringField("date_of_birth", bad);
      }
      case PATIENT_WRONG_TYPE -> {
        if (patientWrongType == 3) {
          json.writeNumberField(
              "date_of_birth",
              birth.getYear() * 10_000 + birth.getMonthValue() * 100 + birth.getDayOfMonth());
        } else {
          json.writeStringField("date_of_birth", Formats.isoDate(facts.birthDay));
        }
      }
      default -> json.writeStringField("date_of_birth", Formats.isoDate(facts.birthDay));
    }
  }

  private String gender(Defect defect, Rng rng) {
    if (defect == Defect.BAD_GENDER) {
      return rng.pick(new String[] {"fem", "yes", "2", "mail", "boy"});
    }
    String word =
        switch (facts.gender) {
          case 'f' -> "female";
          case 'm' -> "male";
          case 'o' -> "other";
          default -> "unknown";
        };
    int style = rng.nextInt(20);
    if (style == 0) {
      return word.substring(0, 1);
    }
    return style == 1 ? word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) : word;
  }

  private void deceased(Defect defect, Rng rng) throws IOException {
    deathDay = Long.MAX_VALUE;
    long age = (REFERENCE_DAY - facts.birthDay) / 365;
    double chance = age >= 90 ? 0.25 : age >= 65 ? 0.08 : 0.01;
    if (defect == Defect.DEATH_BEFORE_BIRTH) {
      json.writeBooleanField("deceased", true);
      long death = facts.birthDay - rng.between(1, 3650);
      json.writeStringField("deceased_date", Formats.isoDateTime(death * 86_400L, 0));
      return;
    }
    boolean dead = age >= 2 && rng.chance(chance) && defect != Defect.FUTURE_BIRTH_DATE;
    if (patientWrongType == 4) {
      json.writeStringField("deceased", dead ? "yes" : "no");
    } else {
      json.writeBooleanField("deceased", dead);
    }
    if (dead) {
      long earliest = Math.max(facts.birthDay + 400, REFERENCE_DAY - 15 * 365);
      deathDay = earliest + rng.nextLong(REFERENCE_DAY - 1 - earliest);
      long second = deathDay * 86_400L + rng.nextInt(86_400);
      json.writeStringField("deceased_date", Formats.isoDateTime(second, facts.offsetMinutes));
    }
  }

  private String state(Defect defect, Rng rng) {
    if (defect == Defect.BAD_STATE) {
      return rng.pick(new String[] {"Mass.", "M1", "CAL", "Texas", "N.Y."});
    }
    String state = facts.city.state();
    return rng.chance(0.05) ? state.toLowerCase(java.util.Locale.ROOT) : state;
  }

  private String postalCode(Defect defect, Rng rng) {
    if (defect == Defect.BAD_POSTAL_CODE) {
      String zip = facts.zip.substring(0, 5);
      return switch (rng.nextInt(5)) {
        case 0 -> zip.substring(1);
        case 1 -> "ABCDE";
        case 2 -> zip + "0";
        case 3 -> zip + "-12";
        default -> zip.substring(0, 3) + " " + zip.substring(3);
      };
    }
    return facts.zip;
  }

  private String country(Defect defect, Rng rng) {
    if (defect == Defect.BAD_COUNTRY) {
      return rng.pick(new String[] {"United States", "U", "U.S.A."});
    }
    return rng.chance(0.9) ? "US" : "USA";
  }

  private String email(Defect defect, Rng rng) {
    String email = facts.email;
    if (defect != Defect.BAD_EMAIL) {
      return email;
    }
    int at = email.indexOf('@');
    return switch (rng.nextInt(5)) {
      case 0 -> email.replace('@', '.');
      case 1 -> email.substring(0, at + 1);
      case 2 -> email.substring(at);
      case 3 -> email.substring(0, 1) + " " + email.substring(1);
      default -> email.substring(0, at) + "@@" + email.substring(at + 1);
    };
  }

  private String language(Defect defect, Rng rng) {
    if (defect == Defect.BAD_LANGUAGE) {
      return rng.pick(new String[] {"English", "123", "e"});
    }
    return rng.pick(vocabulary.terms("language"));
  }

  private void encounters(long index, boolean patientInvalid, Rng rng) throws IOException {
    int count = rng.between(minEncounters, maxEncounters);
    long firstDay = Math.max(FIRST_VISIT_DAY, facts.birthDay + 1);
    long lastDay = Math.min(REFERENCE_DAY - 12, deathDay - 12);
    long span = Math.max(86_400L, (lastDay - firstDay) * 86_400L);
    for (int i = 0; i < count; i++) {
      visitSeconds[i] = firstDay * 86_400L + rng.nextLong(span) + 6 * 3600;
    }
    Arrays.sort(visitSeconds, 0, count);
    json.writeArrayFieldStart("encounters");
    for (int i = 0; i < count; i++) {
      facts.visitSecond = visitSeconds[i];
      encounter(index, i, patientInvalid, rng);
    }
    json.writeEndArray();
    if (patientInvalid) {
      stats.quarantined[RecordKind.PATIENT.ordinal()]++;
    }
  }

  private void encounter(long index, int number, boolean patientInvalid, Rng rng)
      throws IOException {
    Defect defect = defect(ENCOUNTER_DEFECTS, rng);
    encounterWrongType = defect == Defect.ENCOUNTER_WRONG_TYPE ? rng.nextInt(4) : -1;
    stats.records[RecordKind.ENCOUNTER.ordinal()]++;
    if (defect != null) {
      stats.invalid[RecordKind.ENCOUNTER.ordinal()]++;
      stats.defects[defect.ordinal()]++;
    }
    boolean rejected = patientInvalid || defect != null;
    if (rejected) {
      stats.quarantined[RecordKind.ENCOUNTER.ordinal()]++;
    }
    int provider = rng.nextInt(providerLast.length);
    facts.providerFirst = providerFirst[provider];
    facts.providerLast = providerLast[provider];
    facts.facility =
        rng.chance(0.8) ? facts.homeHospital : values.hospital(rng.pick(vocabulary.cities), rng);
    facts.reason = reason(rng);
    String status = weighted(ENCOUNTER_STATUSES, ENCOUNTER_STATUS_WEIGHTS, rng);
    String classCode = weighted(CLASS_CODES, CLASS_WEIGHTS, rng);
    long duration = duration(classCode, rng);
    boolean open =
        status.equals("in-progress")
            || status.equals("planned")
            || status.equals("arrived")
            || status.equals("triaged");

    json.writeStartObject();
    if (defect != Defect.MISSING_ENCOUNTER_ID) {
      if (encounterWrongType == 0) {
        json.writeNumberField("encounter_id", index * 256 + number);
      } else {
        json.writeStringField("encounter_id", "enc-" + runTag + "-" + recordKey(index, number));
      }
    }
    if (defect == Defect.PATIENT_ID_MISMATCH) {
      json.writeStringField("patient_id", mrn(index + 1));
    } else if (parentIdWritten && rng.chance(0.7)) {
      json.writeStringField("patient_id", facts.mrn);
    }
    if (defect == Defect.BAD_ENCOUNTER_STATUS) {
      json.writeStringField(
          "status", rng.pick(new String[] {"done", "closed", "completed", "discharged"}));
    } else if (encounterWrongType == 1) {
      json.writeNumberField("status", 1);
    } else {
      json.writeStringField("status", status);
    }
    json.writeStringField("class_code", classCode);
    periodStart(defect, rng);
    if (defect == Defect.PERIOD_END_BEFORE_START) {
      long end = facts.visitSecond - rng.between(3600, 3 * 86_400);
      json.writeStringField("period_end", Formats.isoDateTime(end, facts.offsetMinutes));
    } else if (!open) {
      json.writeStringField(
          "period_end", Formats.isoDateTime(facts.visitSecond + duration, facts.offsetMinutes));
    }
    json.writeStringField("reason_code", facts.reason.code());
    json.writeStringField("reason_display", facts.reason.display());
    String providerName =
        rng.chance(0.5)
            ? "Dr. " + facts.providerFirst + " " + facts.providerLast
            : facts.providerFirst + " " + facts.providerLast + ", MD";
    if (encounterWrongType == 2) {
      json.writeArrayFieldStart("provider_name");
      json.writeString(providerName);
      json.writeEndArray();
    } else {
      json.writeStringField("provider_name", providerName);
    }
    json.writeStringField("facility_name", facts.facility);
    int observations = rng.between(minObservations, maxObservations);
    json.writeArrayFieldStart("observations");
    for (int i = 0; i < observations; i++) {
      observation(index, number, i, duration, rejected, rng);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** A reason that fits the patient's age at the visit and gender, after a few tries. */
  private Vocabulary.Reason reason(Rng rng) {
    int age = (int) ((facts.visitDay() - facts.birthDay) / 365.25);
    Vocabulary.Reason reason = rng.pick(vocabulary.reasons);
    for (int attempt = 0; attempt < 8 && !reason.fits(age, facts.gender); attempt++) {
      reason = rng.pick(vocabulary.reasons);
    }
    return reason.fits(age, facts.gender) ? reason : vocabulary.reasons.get(0);
  }

  private void periodStart(Defect defect, Rng rng) throws IOException {
    String start = Formats.isoDateTime(facts.visitSecond, facts.offsetMinutes);
    if (defect == Defect.MISSING_PERIOD_START) {
      return;
    }
    if (defect == Defect.MALFORMED_PERIOD_START) {
      json.writeStringField("period_start", malformedDateTime(start, rng));
    } else if (encounterWrongType == 3) {
      json.writeNumberField("period_start", facts.visitSecond * 1000L);
    } else {
      json.writeStringField("period_start", start);
    }
  }

  private static String malformedDateTime(String valid, Rng rng) {
    String year = valid.substring(0, 4);
    return switch (rng.nextInt(4)) {
      case 0 ->
          valid.substring(5, 7)
              + "/"
              + valid.substring(8, 10)
              + "/"
              + year
              + " "
              + valid.substring(11, 16);
      case 1 -> year + "-13-45T10:00:00Z";
      case 2 -> year + "-02-30T08:00:00Z";
      default -> "yesterday";
    };
  }

  private static long duration(String classCode, Rng rng) {
    return switch (classCode) {
      case "AMB" -> rng.between(15, 90) * 60L;
      case "EMER" -> rng.between(2, 12) * 3600L;
      case "IMP" -> rng.between(1, 10) * 86_400L + rng.nextInt(86_400);
      case "VR" -> rng.between(10, 40) * 60L;
      case "HH" -> rng.between(30, 120) * 60L;
      default -> rng.between(6, 36) * 3600L;
    };
  }

  private void observation(
      long index, int encounter, int number, long duration, boolean parentRejected, Rng rng)
      throws IOException {
    Defect defect = defect(OBSERVATION_DEFECTS, rng);
    stats.records[RecordKind.OBSERVATION.ordinal()]++;
    if (defect != null) {
      stats.invalid[RecordKind.OBSERVATION.ordinal()]++;
      stats.defects[defect.ordinal()]++;
    }
    if (parentRejected || defect != null) {
      stats.quarantined[RecordKind.OBSERVATION.ordinal()]++;
    }
    Vocabulary.ObservationKind kind = vocabulary.observationKinds.pick(rng);
    facts.kind = kind;
    observationId =
        "obs-" + runTag + "-" + recordKey(index, encounter) + "-" + PhiValues.pad(number, 3);
    long effective = facts.visitSecond + rng.nextLong(Math.max(60, duration));
    observationWrongType = defect == Defect.OBSERVATION_WRONG_TYPE ? rng.nextInt(3) : -1;

    json.writeStartObject();
    traced = defect != Defect.MISSING_OBSERVATION_ID;
    if (traced) {
      json.writeStringField("observation_id", observationId);
    }
    if (defect == Defect.BAD_OBSERVATION_STATUS) {
      json.writeStringField(
          "status", rng.pick(new String[] {"done", "complete", "pending", "validated"}));
    } else {
      json.writeStringField(
          "status", weighted(OBSERVATION_STATUSES, OBSERVATION_STATUS_WEIGHTS, rng));
    }
    json.writeStringField("category", kind.category());
    if (observationWrongType == 0) {
      json.writeNumberField("code", Integer.parseInt(kind.code().replace("-", "")));
    } else if (defect != Defect.MISSING_CODE) {
      json.writeStringField("code", kind.code());
    }
    json.writeStringField("code_system", "http://loinc.org");
    json.writeStringField("display", kind.display());
    double value = 0;
    if (kind.numeric()) {
      value = numericValue(kind, rng);
      facts.valueText = Formats.fixed(value, kind.decimals());
      if (observationWrongType == 1) {
        json.writeStringField("value_quantity", facts.valueText + " " + kind.unit());
      } else {
        json.writeFieldName("value_quantity");
        json.writeNumber(facts.valueText);
      }
      json.writeStringField("value_unit", kind.unit());
    } else {
      valueString(kind, observationWrongType == 1, rng);
    }
    if (defect == Defect.MALFORMED_EFFECTIVE_AT) {
      json.writeStringField(
          "effective_at",
          malformedDateTime(Formats.isoDateTime(effective, facts.offsetMinutes), rng));
    } else if (observationWrongType == 2) {
      json.writeNumberField("effective_at", effective);
    } else {
      json.writeStringField("effective_at", Formats.isoDateTime(effective, facts.offsetMinutes));
    }
    if (kind.numeric() && rng.chance(0.4)) {
      interpretation(kind, value, rng);
    }
    if (rng.chance(notesRate)) {
      composer.note(facts, rng, note);
      textField("notes");
      stats.notes++;
    }
    json.writeEndObject();
  }

  private static double numericValue(Vocabulary.ObservationKind kind, Rng rng) {
    boolean normal = kind.normalHigh() > kind.normalLow() && rng.chance(0.7);
    double low = normal ? Math.max(kind.min(), kind.normalLow()) : kind.min();
    double high = normal ? Math.min(kind.max(), kind.normalHigh()) : kind.max();
    return low + rng.nextDouble() * (high - low);
  }

  private void valueString(Vocabulary.ObservationKind kind, boolean wrongType, Rng rng)
      throws IOException {
    if (wrongType) {
      json.writeArrayFieldStart("value_string");
      json.writeString(rng.pick(kind.textValues()));
      json.writeEndArray();
      return;
    }
    facts.valueText = rng.pick(kind.textValues());
    if (kind.category().equals("social-history") && rng.chance(0.15)) {
      composer.sentence(NoteComposer.Section.VALUE, facts, rng, note);
      textField("value_string");
    } else {
      json.writeStringField("value_string", facts.valueText);
    }
  }

  private void interpretation(Vocabulary.ObservationKind kind, double value, Rng rng)
      throws IOException {
    if (rng.chance(0.05)) {
      composer.sentence(NoteComposer.Section.INTERPRETATION, facts, rng, note);
      textField("interpretation");
      return;
    }
    int level =
        kind.normalHigh() <= kind.normalLow()
            ? 0
            : value > kind.normalHigh() ? 1 : value < kind.normalLow() ? -1 : 0;
    String[] words =
        switch (rng.nextInt(3)) {
          case 0 -> new String[] {"L", "N", "H"};
          case 1 -> new String[] {"Low", "Normal", "High"};
          default ->
              new String[] {
                "Below reference range", "Within reference range", "Above reference range"
              };
        };
    json.writeStringField("interpretation", words[level + 1]);
  }

  /**
   * Writes the text of {@link #note} as a field, and its spans as gold lines unless the observation
   * has no id to refer to.
   */
  private void textField(String field) throws IOException {
    String text = note.finish(writeGold);
    json.writeStringField(field, text);
    if (!traced) {
      return;
    }
    if (writeGold) {
      goldWriter.field(observationId, field);
    }
    for (int span = 0; span < note.spans(); span++) {
      PhiType type = note.type(span);
      if (type == null) {
        stats.keep++;
      } else {
        stats.phi[type.ordinal()]++;
      }
      if (writeGold) {
        goldWriter.line(
            note.start(span), note.end(span), type, note.value(span), note.background(span));
      }
    }
  }

  private static String weighted(String[] items, int[] weights, Rng rng) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int target = rng.nextInt(total);
    for (int i = 0; i < items.length; i++) {
      target -= weights[i];
      if (target < 0) {
        return items[i];
      }
    }
    return items[items.length - 1];
  }

  /**
   * {@code PPPPPPPPPP-EEE}: patient index and encounter number, zero-padded, so that ids sort in
   * the order they are generated under any collation and the gold file is sorted by observation id
   * (which lets {@link LeakCheck} merge it with a table scan).
   */
  private static String recordKey(long index, int encounter) {
    return PhiValues.pad(index, 10) + "-" + PhiValues.pad(encounter, 3);
  }
}
