package org.clinicalingest.examples.generate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicalingest.spi.PhiType;

/**
 * Writes free-text clinical notes from sentence templates, recording every PHI string and clinical
 * phrase it inserts.
 *
 * <p>Templates live in {@code generate/note-templates.txt}, grouped in sections (opening, history,
 * vitals, contact, plan, ...). A narrative note is an opening sentence plus sentences drawn from
 * random sections until a length drawn between 150 and 600 characters is reached, put back in
 * section order so that a plan does not precede the history; a shorthand note strings nursing
 * phrases together. Notes come as written, in ALL CAPS or in lower case. Slot values are drawn per
 * mention, so the same patient is called "Mr. Smith", "John" or "SMITH, JOHN" in different notes,
 * always spelled as in the structured fields. Not thread-safe; one per worker.
 */
final class NoteComposer {

  /** Template sections, in the order their sentences appear in a note. */
  enum Section {
    OPEN(0),
    HPI(3),
    HISTORY(3),
    VITALS(2),
    EXAM(2),
    MEDS(2),
    SOCIAL(2),
    CONTACT(3),
    ADMIN(3),
    PLAN(3),
    CLOSE(1),
    SHORT(0),
    INTERPRETATION(0),
    VALUE(0);

    private final int weight;

    Section(int weight) {
      this.weight = weight;
    }
  }

  /** What a {@code {slot}} of a template stands for. */
  enum Slot {
    FIRST("first"),
    LAST("last"),
    FULL("full"),
    FULL_MIDDLE("fullmid"),
    FORMAL("formal"),
    TITLE("title"),
    MRN("mrn"),
    SSN("ssn"),
    DOB("dob"),
    AGE("age"),
    PHONE("phone"),
    EMAIL("email"),
    STREET("street"),
    CITY("city"),
    ZIP("zip"),
    ADDRESS("addr"),
    VISIT("visit"),
    PROVIDER("provider"),
    HOSPITAL("hospital"),
    DRIVER_LICENSE("dl"),
    ACCOUNT("account"),
    MEMBER("member"),
    HE("he"),
    HE_CAPITAL("He"),
    HIS("his"),
    HIS_CAPITAL("His"),
    HIM("him"),
    SEX("sex"),
    DATE("date"),
    KIN("kin"),
    KIN_NAME("kinname"),
    KIN_PHONE("kinphone"),
    OLD_AGE("oldage"),
    DOCTOR("doctor"),
    NURSE("nurse"),
    OTHER_PHONE("otherphone"),
    FAX("fax"),
    URL("url"),
    IP("ip"),
    OTHER_MRN("othermrn"),
    OTHER_HOSPITAL("otherhospital"),
    OTHER_CITY("othercity"),
    EMPLOYER("employer"),
    ID("id"),
    VITALS("vitals"),
    BP("bp"),
    HR("hr"),
    SPO2("spo2"),
    TEMP("temp"),
    MED("med"),
    MED2("med2"),
    EPONYM("eponym"),
    SIGN("sign"),
    LAB("lab"),
    OBSERVATION("obs"),
    LOINC("loinc"),
    REASON("reason"),
    GCS("gcs"),
    APGAR("apgar"),
    PAIN("pain"),
    TIME("time"),
    YEAR("year"),
    NUMBER("n");

    private final String key;

    Slot(String key) {
      this.key = key;
    }

    /** The name of the slot in templates, without braces. */
    String key() {
      return key;
    }
  }

  /** A piece of a template: literal text, a KEEP phrase, or a slot. */
  private record Part(String text, boolean keep, Slot slot) {}

  private record Template(Section section, Part[] parts, int estimate, boolean multiline) {}

  private static final int MAX_LENGTH = 640;
  private static final Section[] SECTIONS = Section.values();
  private static final int SECTION_WEIGHT_TOTAL =
      java.util.Arrays.stream(SECTIONS).mapToInt(section -> section.weight).sum();
  private static final Map<Section, List<Template>> TEMPLATES = parse();

  private final Vocabulary vocabulary;
  private final Names names;
  private final PhiValues values;
  private final List<Vocabulary.ObservationKind> labs;
  private final List<Template> chosen = new ArrayList<>();

  private String kinRelation;
  private String kinFirst;
  private String kinLast;
  private String kinPhone;

  NoteComposer(Vocabulary vocabulary, Names names, PhiValues values) {
    this.vocabulary = vocabulary;
    this.names = names;
    this.values = values;
    List<Vocabulary.ObservationKind> labKinds = new ArrayList<>();
    for (Vocabulary.ObservationKind kind : vocabulary.observationKinds.items()) {
      if (kind.category().equals("laboratory")) {
        labKinds.add(kind);
      }
    }
    labs = List.copyOf(labKinds);
  }

  /** Number of templates of a section, for tests. */
  static int templates(Section section) {
    return TEMPLATES.getOrDefault(section, List.of()).size();
  }

  /** Writes a note about the current observation of {@code facts} into {@code out}. */
  void note(Facts facts, Rng rng, NoteText out) {
    int caseDraw = rng.nextInt(100);
    boolean shorthand = rng.nextInt(100) < 15;
    NoteText.Case style =
        caseDraw < 10
            ? NoteText.Case.UPPER
            : caseDraw < 20 || (shorthand && caseDraw < 50)
                ? NoteText.Case.LOWER
                : NoteText.Case.AS_WRITTEN;
    out.reset(style);
    chooseKin(facts, rng);
    int target = rng.between(150, 600);
    if (shorthand) {
      shorthand(facts, rng, out, target);
    } else {
      narrative(facts, rng, out, target);
    }
  }

  /** Writes one sentence of {@code section} (interpretations and textual values) into out. */
  void sentence(Section section, Facts facts, Rng rng, NoteText out) {
    out.reset(NoteText.Case.AS_WRITTEN);
    chooseKin(facts, rng);
    render(rng.pick(TEMPLATES.get(section)), facts, rng, out);
  }

  private void narrative(Facts facts, Rng rng, NoteText out, int target) {
    Template opening = rng.pick(TEMPLATES.get(Section.OPEN));
    String separator = opening.multiline() || rng.chance(0.2) ? "\n" : " ";
    render(opening, facts, rng, out);
    chosen.clear();
    int estimate = out.length();
    for (int attempt = 0; attempt < 12 && estimate < target; attempt++) {
      Template template = rng.pick(TEMPLATES.get(section(rng)));
      if (!chosen.contains(template)) {
        chosen.add(template);
        estimate += template.estimate() + 1;
      }
    }
    chosen.sort((left, right) -> left.section().compareTo(right.section()));
    for (Template template : chosen) {
      appendSentence(template, separator, facts, rng, out);
    }
  }

  private void shorthand(Facts facts, Rng rng, NoteText out, int target) {
    String separator = rng.chance(0.4) ? "\n" : rng.chance(0.5) ? ". " : "; ";
    List<Template> lines = TEMPLATES.get(Section.SHORT);
    chosen.clear();
    Template opening = rng.pick(lines);
    chosen.add(opening);
    render(opening, facts, rng, out);
    for (int attempt = 0; attempt < 14 && out.length() < target; attempt++) {
      Template line = rng.pick(lines);
      if (!chosen.contains(line)) {
        chosen.add(line);
        appendSentence(line, separator, facts, rng, out);
      }
    }
    if (!separator.equals("\n")) {
      out.append('.');
    }
  }

  /** Appends a sentence unless it would make the note too long. */
  private void appendSentence(
      Template template, String separator, Facts facts, Rng rng, NoteText out) {
    int length = out.length();
    int spans = out.spans();
    out.append(separator);
    render(template, facts, rng, out);
    if (out.length() > MAX_LENGTH) {
      out.rollback(length, spans);
    }
  }

  private static Section section(Rng rng) {
    int target = rng.nextInt(SECTION_WEIGHT_TOTAL);
    for (Section section : SECTIONS) {
      target -= section.weight;
      if (target < 0) {
        return section;
      }
    }
    throw new IllegalStateException("section weights are inconsistent");
  }

  private void chooseKin(Facts facts, Rng rng) {
    if (rng.chance(0.5)) {
      kinRelation = relationWord(facts.contactRelation, facts.contactGender);
      kinFirst = facts.contactFirst;
      kinLast = facts.contactLast;
      kinPhone = facts.contactPhone;
    } else {
      Vocabulary.Relation relation = rng.pick(vocabulary.relations);
      while (!relation.fits(facts.age())) {
        relation = rng.pick(vocabulary.relations);
      }
      kinRelation = relation.word();
      kinFirst = names.given(relation.gender(), rng.between(1940, 2005), rng);
      kinLast = rng.chance(0.6) ? facts.last : names.surname(rng);
      kinPhone = values.phoneDigits(facts.city.areaCode(), rng);
    }
  }

  private static String relationWord(String relationship, char relativeGender) {
    if (relationship.equals("spouse")) {
      return relativeGender == 'f' ? "wife" : "husband";
    }
    return relationship;
  }

  private void render(Template template, Facts facts, Rng rng, NoteText out) {
    for (Part part : template.parts()) {
      if (part.slot() != null) {
        slot(part.slot(), facts, rng, out);
      } else if (part.keep()) {
        out.keep(part.text());
      } else {
        out.append(part.text());
      }
    }
  }

  private void slot(Slot slot, Facts facts, Rng rng, NoteText out) {
    switch (slot) {
      case FIRST -> out.phi(PhiType.NAME, facts.first);
      case LAST -> out.phi(PhiType.NAME, facts.last);
      case FULL -> out.phi(PhiType.NAME, facts.first).append(' ').phi(PhiType.NAME, facts.last);
      case FULL_MIDDLE -> {
        out.phi(PhiType.NAME, facts.first).append(' ');
        if (facts.middle != null) {
          out.phi(PhiType.NAME, facts.middle).append(' ');
        }
        out.phi(PhiType.NAME, facts.last);
      }
      case FORMAL -> out.phi(PhiType.NAME, facts.last).append(", ").phi(PhiType.NAME, facts.first);
      case TITLE -> out.append(title(facts, rng)).phi(PhiType.NAME, facts.last);
      case MRN -> out.phi(PhiType.MRN, facts.mrn);
      case SSN -> out.phi(PhiType.SSN, ssn(facts.ssn, rng));
      case DOB -> out.phi(PhiType.DATE, Formats.noteDate(facts.birthDay, rng));
      case AGE -> age(facts, out);
      case PHONE -> out.phi(PhiType.PHONE, phone(facts.phone, rng));
      case EMAIL -> out.phi(PhiType.EMAIL, facts.email);
      case STREET -> street(facts, out);
      case CITY -> out.phi(PhiType.LOCATION, facts.city.name());
      case ZIP -> out.phi(PhiType.ZIP, facts.zip);
      case ADDRESS -> {
        street(facts, out);
        out.append(", ").phi(PhiType.LOCATION, facts.city.name());
        out.append(", ").append(facts.city.state()).append(' ').phi(PhiType.ZIP, facts.zip);
      }
      case VISIT -> out.phi(PhiType.DATE, Formats.noteDate(facts.visitDay(), rng));
      case PROVIDER -> {
        out.append("Dr. ");
        if (rng.chance(0.3)) {
          out.phi(PhiType.NAME, facts.providerFirst).append(' ');
        }
        out.phi(PhiType.NAME, facts.providerLast);
      }
      case HOSPITAL -> out.phi(PhiType.ORGANIZATION, facts.facility);
      case DRIVER_LICENSE -> out.phi(PhiType.ID, facts.driverLicense);
      case ACCOUNT -> out.phi(PhiType.ID, facts.account);
      case MEMBER -> out.phi(PhiType.ID, facts.memberId);
      case HE -> out.append(pronoun(facts.gender, "she", "he", "the patient"));
      case HE_CAPITAL -> out.append(pronoun(facts.gender, "She", "He", "The patient"));
      case HIS -> out.append(pronoun(facts.gender, "her", "his", "the patient's"));
      case HIS_CAPITAL -> out.append(pronoun(facts.gender, "Her", "His", "The patient's"));
      case HIM -> out.append(pronoun(facts.gender, "her", "him", "the patient"));
      case SEX -> out.append(pronoun(facts.gender, "female", "male", "patient"));
      case DATE ->
          out.phi(PhiType.DATE, Formats.noteDate(facts.visitDay() + rng.between(-400, 120), rng));
      case KIN -> {
        out.append(kinRelation).append(' ').phi(PhiType.NAME, kinFirst);
        if (rng.chance(0.4)) {
          out.append(' ').phi(PhiType.NAME, kinLast);
        }
      }
      case KIN_NAME -> out.phi(PhiType.NAME, kinFirst);
      case KIN_PHONE -> out.phi(PhiType.PHONE, phone(kinPhone, rng));
      case OLD_AGE -> out.phi(PhiType.AGE, Integer.toString(rng.between(90, 104)));
      case DOCTOR -> doctor(rng, out);
      case NURSE -> nurse(rng, out);
      case OTHER_PHONE -> out.phi(PhiType.PHONE, phone(values.phoneDigits(rng), rng));
      case FAX -> out.phi(PhiType.FAX, phone(values.phoneDigits(facts.city.areaCode(), rng), rng));
      case URL -> out.phi(PhiType.URL, values.url(facts.facility, facts.mrn, rng));
      case IP -> out.phi(PhiType.IP, values.ip(rng));
      case OTHER_MRN -> out.phi(PhiType.MRN, values.otherMrn(rng));
      case OTHER_HOSPITAL ->
          out.phi(PhiType.ORGANIZATION, values.hospital(rng.pick(vocabulary.cities), rng));
      case OTHER_CITY -> out.phi(PhiType.LOCATION, rng.pick(vocabulary.cities).name());
      case EMPLOYER -> out.phi(PhiType.ORGANIZATION, values.employer(facts.city, rng));
      case ID -> out.phi(PhiType.ID, values.otherId(rng));
      case VITALS -> vitals(rng, out);
      case BP -> out.keep(bloodPressure(rng));
      case HR -> out.keep((rng.chance(0.7) ? "HR " : "pulse ") + rng.between(52, 118));
      case SPO2 -> out.keep((rng.chance(0.7) ? "SpO2 " : "O2 sat ") + rng.between(88, 100) + "%");
      case TEMP -> out.keep(temperature(rng));
      case MED -> out.keep(rng.pick(vocabulary.terms("med")));
      case MED2 -> out.keep(rng.pick(vocabulary.terms("med")));
      case EPONYM -> out.keep(rng.pick(vocabulary.terms("eponym")));
      case SIGN -> out.keep(rng.pick(vocabulary.terms("sign")));
      case LAB -> {
        Vocabulary.ObservationKind lab = rng.pick(labs);
        out.keep(measurement(lab, randomValue(lab, rng)));
      }
      case OBSERVATION -> out.keep(observation(facts));
      case LOINC -> out.keep("LOINC " + facts.kind.code());
      case REASON -> out.keep(facts.reason.display());
      case GCS -> out.keep("GCS " + rng.between(3, 15));
      case APGAR -> out.keep("Apgar " + rng.between(5, 9) + " and " + rng.between(7, 10));
      case PAIN -> out.keep("pain " + rng.between(1, 10) + "/10");
      case TIME -> out.append(Formats.noteTime(rng));
      case YEAR ->
          out.append(
              Integer.toString(
                  rng.between(
                      Math.max(1950, LocalDate.ofEpochDay(facts.birthDay).getYear() + 1),
                      LocalDate.ofEpochDay(facts.visitDay()).getYear() + 1)));
      case NUMBER -> out.append(Integer.toString(rng.between(2, 6)));
    }
  }

  private static String title(Facts facts, Rng rng) {
    if (facts.gender == 'f') {
      return facts.adult() && rng.chance(0.4) ? "Mrs. " : "Ms. ";
    }
    return facts.gender == 'm' ? "Mr. " : "Mx. ";
  }

  private static String pronoun(char gender, String female, String male, String other) {
    return gender == 'f' ? female : gender == 'm' ? male : other;
  }

  private static String ssn(String ssn, Rng rng) {
    int format = rng.nextInt(10);
    if (format == 0) {
      return ssn.replace('-', ' ');
    }
    return format == 1 ? ssn.replace("-", "") : ssn;
  }

  private static String phone(String digits, Rng rng) {
    return Formats.phone(digits, rng.nextInt(Formats.PHONE_FORMATS));
  }

  private static void street(Facts facts, NoteText out) {
    out.phi(
        PhiType.ADDRESS, facts.line2 == null ? facts.street : facts.street + ", " + facts.line2);
  }

  private static void age(Facts facts, NoteText out) {
    int years =
        Period.between(LocalDate.ofEpochDay(facts.birthDay), LocalDate.ofEpochDay(facts.visitDay()))
            .getYears();
    String text = Integer.toString(years);
    if (years > 89) {
      out.phi(PhiType.AGE, text);
    } else {
      out.append(text);
    }
  }

  private void doctor(Rng rng, NoteText out) {
    String first = names.given(rng.chance(0.5) ? 'f' : 'm', rng.between(1950, 1995), rng);
    String last = names.surname(rng);
    switch (rng.nextInt(4)) {
      case 0 -> out.append("Dr. ").phi(PhiType.NAME, last);
      case 1 -> out.append("Dr. ").phi(PhiType.NAME, first).append(' ').phi(PhiType.NAME, last);
      case 2 -> out.phi(PhiType.NAME, first).append(' ').phi(PhiType.NAME, last).append(", MD");
      default ->
          out.phi(PhiType.NAME, first)
              .append(' ')
              .phi(PhiType.NAME, last)
              .append(rng.chance(0.5) ? ", NP" : ", PA-C");
    }
  }

  private void nurse(Rng rng, NoteText out) {
    String first = names.given(rng.chance(0.8) ? 'f' : 'm', rng.between(1960, 2000), rng);
    switch (rng.nextInt(3)) {
      case 0 -> out.phi(PhiType.NAME, first).append(' ').phi(PhiType.NAME, names.surname(rng));
      case 1 ->
          out.phi(PhiType.NAME, first)
              .append(' ')
              .phi(PhiType.NAME, names.surname(rng))
              .append(", RN");
      default -> out.append("RN ").phi(PhiType.NAME, first);
    }
  }

  private static void vitals(Rng rng, NoteText out) {
    String separator = rng.chance(0.6) ? ", " : " ";
    out.keep(bloodPressure(rng)).append(separator);
    out.keep("HR " + rng.between(52, 118)).append(separator);
    if (rng.chance(0.7)) {
      out.keep("RR " + rng.between(12, 24)).append(separator);
    }
    if (rng.chance(0.7)) {
      out.keep(temperature(rng)).append(separator);
    }
    out.keep("SpO2 " + rng.between(88, 100) + "%");
    if (rng.chance(0.4)) {
      out.append(" on RA");
    }
  }

  private static String bloodPressure(Rng rng) {
    return "BP " + rng.between(94, 178) + "/" + rng.between(52, 104);
  }

  private static String temperature(Rng rng) {
    return rng.chance(0.6)
        ? "T " + Formats.fixed(36.0 + rng.nextInt(30) / 10.0, 1) + " C"
        : "temp " + Formats.fixed(96.8 + rng.nextInt(50) / 10.0, 1) + " F";
  }

  private static String observation(Facts facts) {
    Vocabulary.ObservationKind kind = facts.kind;
    return kind.numeric()
        ? measurement(kind, facts.valueText)
        : kind.shortName() + ": " + facts.valueText;
  }

  private static String randomValue(Vocabulary.ObservationKind kind, Rng rng) {
    return Formats.fixed(
        kind.min() + rng.nextDouble() * (kind.max() - kind.min()), kind.decimals());
  }

  /** A measurement as written in a note: {@code HbA1c 7.2%}, {@code sodium 139 mmol/L}. */
  static String measurement(Vocabulary.ObservationKind kind, String value) {
    String unit = humanUnit(kind.unit());
    if (unit.isEmpty()) {
      return kind.shortName() + " " + value;
    }
    boolean glued = unit.startsWith("%") || unit.startsWith("/");
    return kind.shortName() + " " + value + (glued ? unit : " " + unit);
  }

  private static String humanUnit(String ucum) {
    return switch (ucum) {
      case "mm[Hg]" -> "mmHg";
      case "Cel" -> "C";
      case "/min" -> "/min";
      case "{score}", "{INR}" -> "";
      case "10*3/uL" -> "K/uL";
      case "mL/min/{1.73_m2}" -> "mL/min/1.73m2";
      case "m[IU]/L" -> "mIU/L";
      default -> ucum;
    };
  }

  private static Map<Section, List<Template>> parse() {
    Map<String, Slot> slots = new HashMap<>();
    for (Slot slot : Slot.values()) {
      slots.put(slot.key, slot);
    }
    Map<Section, List<Template>> parsed = new EnumMap<>(Section.class);
    int lineNumber = 0;
    for (String line : Vocabulary.lines("note-templates.txt")) {
      lineNumber++;
      int colon = line.indexOf(": ");
      if (colon < 0) {
        throw new IllegalStateException("note-templates.txt entry " + lineNumber + ": no section");
      }
      Section section = Section.valueOf(line.substring(0, colon));
      Template template =
          template(section, line.substring(colon + 2).replace("\\n", "\n"), slots, lineNumber);
      parsed.computeIfAbsent(section, key -> new ArrayList<>()).add(template);
    }
    Map<Section, List<Template>> frozen = new EnumMap<>(Section.class);
    parsed.forEach((section, list) -> frozen.put(section, List.copyOf(list)));
    return frozen;
  }

  private static Template template(
      Section section, String text, Map<String, Slot> slots, int lineNumber) {
    List<Part> parts = new ArrayList<>();
    int estimate = 0;
    int position = 0;
    while (position < text.length()) {
      int slotStart = text.indexOf('{', position);
      int keepStart = text.indexOf("[[", position);
      int next = nearest(slotStart, keepStart);
      if (next < 0) {
        parts.add(new Part(text.substring(position), false, null));
        estimate += text.length() - position;
        break;
      }
      if (next > position) {
        parts.add(new Part(text.substring(position, next), false, null));
        estimate += next - position;
      }
      if (next == slotStart) {
        int close = text.indexOf('}', next);
        Slot slot = close < 0 ? null : slots.get(text.substring(next + 1, close));
        if (slot == null) {
          throw new IllegalStateException(
              "note-templates.txt entry " + lineNumber + ": unknown slot at column " + next);
        }
        parts.add(new Part(null, false, slot));
        estimate += 12;
        position = close + 1;
      } else {
        int close = text.indexOf("]]", next);
        if (close < 0) {
          throw new IllegalStateException(
              "note-templates.txt entry " + lineNumber + ": unclosed [[ at column " + next);
        }
        parts.add(new Part(text.substring(next + 2, close), true, null));
        estimate += close - next - 2;
        position = close + 2;
      }
    }
    return new Template(section, parts.toArray(new Part[0]), estimate, text.indexOf('\n') >= 0);
  }

  private static int nearest(int first, int second) {
    if (first < 0) {
      return second;
    }
    return second < 0 ? first : Math.min(first, second);
  }
}
