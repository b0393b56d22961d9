package org.clinicalingest.internal.redact;

import java.util.List;

/**
 * Words that tell a recogniser where in a text its patterns can start: a month name for a date, a
 * keyword for a record number, a street suffix for an address.
 *
 * <p>Design: {@link ScannedText} looks every run of ASCII letters up once, in one trie of all cues,
 * so a recogniser tries its patterns only at the few words that carry its cue instead of scanning
 * the whole text with each pattern. A cue word is compared in lower case with a whole letter run
 * ({@code may}) or, ending in {@code *}, with its start ({@code mrn*} also cues {@code MRN123456}
 * and {@code mrn#}). Each list must hold the first letter run of every match of the patterns it
 * guards (a superset is fine: the pattern still decides), or matches are missed.
 */
enum Cue {
  SSN("ss* soc*"),
  RECORD_NUMBER(
      withQualifiers(
              "mrn mr med medical chart hospital hosp unit patient pt rec record records acct"
                  + " account policy license licence lic dl sn tin ein csn fin dea npi upin"
                  + " passport vin serial imei udi mbi hicn medicare medicaid accession"
                  + " identification id mpi empi member subscriber beneficiary insurance ins group"
                  + " grp plan claim case ref reference order confirmation ticket badge employee"
                  + " student certificate cert device specimen rx prescription visit encounter enc"
                  + " invoice billing card pharmacy tax")
          + " s medrec* medicalrec*"),
  /** Record-number keywords only in capitals ({@code DL}, not the {@code dL} of mg/dL). */
  KEYWORD_IN_CAPITALS("dl sn tin ein csn fin"),
  /** Record-number cue words that are keywords only with a qualifier after them. */
  KEYWORD_BEFORE_QUALIFIER("patient pt hospital hosp chart rec record records unit"),
  MONTH(
      "jan january feb february mar march apr april may jun june jul july aug august sep sept"
          + " september oct october nov november dec december"),
  BIRTH("dob* d date birth* born*"),
  DATE_INTRODUCER(
      "on since from until till thru through date dated dos dob born admitted admission adm"
          + " discharge discharged seen visit starting started began effective given transcribed"
          + " resulted appointment appt procedure service signed today follow followup f end ends"
          + " ended expire expires expired due return returns returned by"),
  AGE("age*"),
  AGE_WORD(
      "nonagenarian nonagenarians centenarian centenarians supernonagenarian supernonagenarians"
          + " supercentenarian supercentenarians"),
  NINETY("ninety"),
  HUNDRED("hundred"),
  ONE("one"),
  POSSESSIVE("his her their"),
  STREET_SUFFIX(
      "street st avenue ave boulevard blvd road rd lane drive highway hwy parkway pkwy terrace"
          + " turnpike tpke expressway expy freeway fwy av ln dr court ct place pl way ter circle"
          + " cir route rte square sq trail trl station sta alley aly crescent cres close plaza plz"
          + " loop row pike crossing xing path walk ridge heights hts hollow park green grove"
          + " commons landing junction jct center ctr estates gardens gdns manor mews meadow"
          + " meadows oval spur summit vista view village causeway cswy bypass knoll glen bend"
          + " corner ferry mill gateway harbor port point"),
  BOX("box pobox obox postbox"),
  MILITARY_POST("apo fpo dpo"),
  UNIT("apt apartment suite ste"),
  ZIP("zip* post*"),
  CITY_PREPOSITION("in from near"),
  PHONE_KEYWORD(
      "tel* phon* ph cell* mobile mob pager beeper fax* facsimile whatsapp sms desk office"
          + " home work direct landline main contact* call* reach* text* messag* answer* dial*"
          + " pag*"),
  FAX_WORD("fax faxed faxing facsimile"),
  PHONE_WORD("telephone telphone phone ph tel cell mobile pager call desk office home work"),
  CONTACT(
      "call calls called calling callback phone phones phoned phoning telephone telephoned tel"
          + " tele ph cell cellphone mobile contact contacted contacting reach reached reachable"
          + " text texted texting message messaged voicemail vm page paged paging pager beeper"
          + " fax faxed faxing facsimile dial dialed dialled number numbers alternate alt"
          + " landline whatsapp sms hotline son daughter dtr mother father wife husband spouse"
          + " partner brother sister nephew niece grandson granddaughter grandmother grandfather"
          + " aunt uncle cousin friend neighbor neighbour guardian caregiver"),
  CODE("ndc loinc cpt icd snomed rxnorm lot hcpcs ip"),
  TOP_LEVEL_DOMAIN("com org net edu gov mil info biz io health"),
  WWW("www");

  private final List<String> words;

  Cue(String words) {
    this.words = List.of(words.split(" "));
  }

  /** The cue words in lower case; a trailing {@code *} marks a prefix. */
  List<String> words() {
    return words;
  }

  long bit() {
    return 1L << ordinal();
  }

  /** Each word, and each word glued to a qualifier as in {@code MRNno} or {@code acctnumber}. */
  private static String withQualifiers(String words) {
    StringBuilder cues = new StringBuilder();
    for (String word : words.split(" ")) {
      cues.append(' ').append(word);
      for (String qualifier : new String[] {"id", "num", "nbr", "no"}) {
        cues.append(' ').append(word).append(qualifier).append('*');
      }
    }
    return cues.substring(1);
  }
}
