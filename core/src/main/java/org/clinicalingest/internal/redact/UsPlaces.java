package org.clinicalingest.internal.redact;

import java.util.Set;

/**
 * Pattern pieces for US places, shared by the address and ZIP recognisers.
 *
 * <p>Design: constants only, so each recogniser compiles them into its own patterns once.
 */
final class UsPlaces {

  /** Two-letter codes of the states, DC and the territories; match them case-sensitively. */
  static final String STATE_CODE =
      "(?:A[KLRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEINOPST]|N[CDEHJMVY]|O[HKR]"
          + "|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])";

  /** State codes that are also credentials ({@code Smith, MD}), trusted only before a ZIP code. */
  static final Set<String> CREDENTIAL_STATE_CODES = Set.of("MD", "PA", "MA", "DC");

  /** Full state names, in title case or capitals. */
  static final String STATE_NAME =
      "(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
          + "|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
          + "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
          + "|New[ \\t]+Hampshire|New[ \\t]+Jersey|New[ \\t]+Mexico|New[ \\t]+York"
          + "|North[ \\t]+Carolina|North[ \\t]+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
          + "|Rhode[ \\t]+Island|South[ \\t]+Carolina|South[ \\t]+Dakota|Tennessee|Texas|Utah"
          + "|Vermont|Virginia|Washington|West[ \\t]+Virginia|Wisconsin|Wyoming|Puerto[ \\t]+Rico"
          + "|ALABAMA|ALASKA|ARIZONA|ARKANSAS|CALIFORNIA|COLORADO|CONNECTICUT|DELAWARE|FLORIDA"
          + "|GEORGIA|HAWAII|IDAHO|ILLINOIS|INDIANA|IOWA|KANSAS|KENTUCKY|LOUISIANA|MAINE|MARYLAND"
          + "|MASSACHUSETTS|MICHIGAN|MINNESOTA|MISSISSIPPI|MISSOURI|MONTANA|NEBRASKA|NEVADA"
          + "|NEW[ \\t]+HAMPSHIRE|NEW[ \\t]+JERSEY|NEW[ \\t]+MEXICO|NEW[ \\t]+YORK"
          + "|NORTH[ \\t]+CAROLINA|NORTH[ \\t]+DAKOTA|OHIO|OKLAHOMA|OREGON|PENNSYLVANIA"
          + "|RHODE[ \\t]+ISLAND|SOUTH[ \\t]+CAROLINA|SOUTH[ \\t]+DAKOTA|TENNESSEE|TEXAS|UTAH"
          + "|VERMONT|VIRGINIA|WASHINGTON|WEST[ \\t]+VIRGINIA|WISCONSIN|WYOMING|PUERTO[ \\t]+RICO)";

  /** A ZIP or ZIP+4 code, not glued to further digits. */
  static final String ZIP = "\\d{5}(?:-\\d{4})?(?![\\d-]|\\.\\d)";

  /**
   * One to three capitalised words, e.g. {@code Springfield}, {@code St. Louis}, {@code EL PASO}.
   */
  static final String CITY = "\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]*){0,2}";

  private UsPlaces() {}
}
