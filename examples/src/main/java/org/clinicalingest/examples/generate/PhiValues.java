package org.clinicalingest.examples.generate;

import java.util.Locale;

/**
 * Makes up identifiers, contact details and places in realistic US shapes.
 *
 * <p>Formats follow what real records hold (NANP phone numbers, SSNs outside the never-issued
 * ranges, ZIP codes with real three-digit prefixes); e-mail domains are the reserved {@code
 * example.*} ones. Stateless apart from the shared {@link Vocabulary}; thread-safe.
 */
final class PhiValues {

  private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
  private static final String HEX = "0123456789abcdef";
  private static final String[] STREET_TYPES = {
    "St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Ln", "Lane", "Dr", "Drive", "Ct", "Way",
    "Pl", "Ter", "Pkwy", "Cir"
  };
  private static final String[] DIRECTIONS = {"N", "S", "E", "W"};
  private static final String[] UNIT_PREFIXES = {"Apt ", "Apt. ", "Unit ", "Suite ", "#"};

  private final Vocabulary vocabulary;
  private final Names names;

  PhiValues(Vocabulary vocabulary, Names names) {
    this.vocabulary = vocabulary;
    this.names = names;
  }

  /** Ten digits: the given area code, an exchange that is not an N11 code, a line number. */
  String phoneDigits(String areaCode, Rng rng) {
    int exchange = rng.between(201, 999);
    if (exchange % 100 == 11) {
      exchange++;
    }
    return areaCode + exchange + digits(4, rng);
  }

  String phoneDigits(Rng rng) {
    return phoneDigits(rng.pick(vocabulary.cities).areaCode(), rng);
  }

  /** {@code AAA-GG-SSSS} with area 001–899 but not 666, group 01–99, serial 0001–9999. */
  String ssn(Rng rng) {
    int area = rng.between(1, 898);
    if (area == 666) {
      area = 667;
    }
    return pad(area, 3) + "-" + pad(rng.between(1, 99), 2) + "-" + pad(rng.between(1, 9999), 4);
  }

  String driverLicense(Rng rng) {
    return switch (rng.nextInt(3)) {
      case 0 -> letter(rng) + digits(7, rng);
      case 1 -> letter(rng) + digits(8, rng);
      default -> digits(9, rng);
    };
  }

  String account(Rng rng) {
    return rng.chance(0.5) ? digits(8, rng) : "A" + digits(9, rng);
  }

  String memberId(Rng rng) {
    return rng.chance(0.6)
        ? "" + letter(rng) + letter(rng) + letter(rng) + digits(9, rng)
        : "W" + digits(9, rng);
  }

  /** A record number of another institution. */
  String otherMrn(Rng rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> digits(7, rng);
      case 1 -> "00" + digits(6, rng);
      case 2 -> letter(rng) + digits(7, rng);
      default -> "MR-" + digits(6, rng);
    };
  }

  /** Another kind of number: a claim, a policy, a device serial or a Medicare beneficiary id. */
  String otherId(Rng rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> "CLM-" + rng.between(2005, 2024) + "-" + digits(7, rng);
      case 1 -> "H" + digits(8, rng);
      case 2 -> "SN" + digits(2, rng) + letter(rng) + letter(rng) + digits(5, rng);
      default ->
          rng.between(1, 9)
              + ""
              + letter(rng)
              + letter(rng)
              + rng.nextInt(10)
              + "-"
              + letter(rng)
              + letter(rng)
              + rng.nextInt(10)
              + "-"
              + letter(rng)
              + letter(rng)
              + digits(2, rng);
    };
  }

  String email(String first, String last, Rng rng) {
    String given = first.toLowerCase(Locale.ROOT);
    String family = last.toLowerCase(Locale.ROOT).replace(" ", "");
    String local =
        switch (rng.nextInt(5)) {
          case 0 -> given + "." + family;
          case 1 -> given.charAt(0) + family;
          case 2 -> given + "_" + family + rng.between(1, 99);
          case 3 -> given + family + rng.between(1950, 2010);
          default -> family + "." + given.charAt(0) + rng.between(1, 9);
        };
    return local + "@" + rng.pick(vocabulary.terms("email-domain"));
  }

  String url(String hospital, String mrn, Rng rng) {
    String slug = slug(hospital);
    return switch (rng.nextInt(4)) {
      case 0 -> "https://mychart." + slug + ".org/patient/" + digits(7, rng);
      case 1 -> "https://portal." + slug + ".org/login?mrn=" + mrn;
      case 2 -> "www." + slug + ".org/records/" + digits(6, rng);
      default -> "http://" + slug + ".example.org/p/" + hex(12, rng);
    };
  }

  /** An IPv4 address, sometimes in a private range, or now and then an IPv6 one. */
  String ip(Rng rng) {
    int kind = rng.nextInt(10);
    if (kind == 0) {
      return "2001:db8:" + hex(4, rng) + ":" + hex(4, rng) + "::" + hex(3, rng) + ":" + hex(4, rng);
    }
    if (kind < 4) {
      return "10." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + rng.between(2, 254);
    }
    if (kind < 6) {
      return "192.168." + rng.nextInt(256) + "." + rng.between(2, 254);
    }
    return rng.between(11, 223)
        + "."
        + rng.nextInt(256)
        + "."
        + rng.nextInt(256)
        + "."
        + rng.between(2, 254);
  }

  String hospital(Vocabulary.City city, Rng rng) {
    return rng.pick(vocabulary.terms("hospital"))
        .replace("{city}", city.name())
        .replace("{surname}", names.surname(rng));
  }

  String employer(Vocabulary.City city, Rng rng) {
    return rng.pick(vocabulary.terms("employer"))
        .replace("{city}", city.name())
        .replace("{surname}", names.surname(rng));
  }

  /** A street address line such as {@code 1423 W Maple Ave}. */
  String street(Rng rng) {
    StringBuilder out = new StringBuilder(32);
    out.append(rng.chance(0.7) ? rng.between(1, 9999) : rng.between(10, 999)).append(' ');
    if (rng.chance(0.15)) {
      out.append(rng.pick(DIRECTIONS)).append(' ');
    }
    if (rng.chance(0.08)) {
      int number = rng.between(1, 120);
      out.append(number).append(ordinalSuffix(number));
    } else {
      out.append(rng.pick(vocabulary.streets));
    }
    return out.append(' ').append(rng.pick(STREET_TYPES)).toString();
  }

  String line2(Rng rng) {
    return rng.pick(UNIT_PREFIXES) + rng.between(1, 40) + (rng.chance(0.5) ? letter(rng) : "");
  }

  /** A ZIP code of the city: five digits, sometimes ZIP+4. */
  String zip(Vocabulary.City city, Rng rng) {
    String zip = city.zip3() + pad(rng.between(1, 99), 2);
    return rng.chance(0.15) ? zip + "-" + digits(4, rng) : zip;
  }

  private static String ordinalSuffix(int number) {
    int lastTwo = number % 100;
    if (lastTwo >= 11 && lastTwo <= 13) {
      return "th";
    }
    return switch (number % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  static String slug(String name) {
    StringBuilder out = new StringBuilder(24);
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < name.length() && words <= 2; i++) {
      char c = name.charAt(i);
      if (Character.isLetter(c)) {
        if (!inWord) {
          words++;
          inWord = true;
          if (words > 2) {
            break;
          }
        }
        out.append(Character.toLowerCase(c));
      } else if (c == ' ') {
        inWord = false;
      }
    }
    return out.toString();
  }

  static String digits(int count, Rng rng) {
    char[] out = new char[count];
    for (int i = 0; i < count; i++) {
      out[i] = (char) ('0' + rng.nextInt(10));
    }
    return new String(out);
  }

  static String pad(long value, int width) {
    String text = Long.toString(value);
    return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
  }

  private static char letter(Rng rng) {
    return LETTERS.charAt(rng.nextInt(LETTERS.length()));
  }

  private static String hex(int count, Rng rng) {
    char[] out = new char[count];
    for (int i = 0; i < count; i++) {
      out[i] = HEX.charAt(rng.nextInt(16));
    }
    return new String(out);
  }
}
