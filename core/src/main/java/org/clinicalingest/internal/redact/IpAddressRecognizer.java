package org.clinicalingest.internal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * IPv4 and IPv6 addresses.
 *
 * <p>Design: IPv4 is four dotted octets of 0–255 not glued to further digits or dots (so a version
 * {@code 1.2.3.4.5} or a decimal is left alone). IPv6 candidates (hex groups and colons) are
 * checked by a small parser: eight groups, or fewer around one {@code ::}, optionally ending in an
 * IPv4 address. Times such as {@code 14:30:00} have too few groups; a compressed form must also
 * show a hex letter or a group of three or more digits, so that {@code 12::30} is not taken. IPv4
 * is tried only at four numbers joined by single dots, IPv6 only at each colon and the hex digits
 * before it, and only in a text with {@code ::} or seven colons; an IPv6 address need hold no digit
 * ({@code dead:beef::cafe}).
 */
final class IpAddressRecognizer implements Recognizer {

  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final String IPV4 = OCTET + "(?:\\." + OCTET + "){3}";

  private static final Pattern V4 =
      Pattern.compile("(?=\\d)(?<![\\w.])" + IPV4 + "(?![\\w]|\\.\\d)");

  private static final Pattern V6_CANDIDATE =
      Pattern.compile(
          "(?=[0-9A-Fa-f:])(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:"
              + IPV4
              + "|[0-9A-Fa-f]{0,4})(?![\\w:]|\\.\\d)");

  @Override
  public void find(ScannedText text, List<PhiSpan> spans) {
    int next = 0;
    for (int number = 0; number + 3 < text.numbers(); number++) {
      int start = text.numberStart(number);
      if (start < next || text.numberLength(number) > 3 || !dottedQuad(text, number)) {
        continue;
      }
      Matcher v4 = text.lookingAt(V4, start);
      if (v4 != null) {
        spans.add(new PhiSpan(v4.start(), v4.end(), PhiType.IP));
        next = v4.end();
      }
    }
    String value = text.text();
    if (value.contains("::") || colons(value) >= 7) {
      next = 0;
      for (int start : v6Starts(value)) {
        if (start < next) {
          continue;
        }
        Matcher v6 = text.lookingAt(V6_CANDIDATE, start);
        if (v6 != null) {
          if (isIpv6(v6.group())) {
            spans.add(new PhiSpan(v6.start(), v6.end(), PhiType.IP));
          }
          next = v6.end();
        }
      }
    }
  }

  /** Whether the number and the three after it are joined by single dots. */
  private static boolean dottedQuad(ScannedText text, int number) {
    for (int i = number; i < number + 3; i++) {
      if (text.numberEnd(i) + 1 != text.numberStart(i + 1)
          || text.charAt(text.numberEnd(i)) != '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * Where an IPv6 address can start: its first colon, or the run of up to four hex digits before
   * it.
   */
  private static int[] v6Starts(String text) {
    IntList starts = new IntList();
    for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      int start = colon;
      while (start > 0 && colon - start < 4 && isHex(text.charAt(start - 1))) {
        start--;
      }
      starts.add(start);
      if (start != colon) {
        starts.add(colon);
      }
    }
    return starts.sorted();
  }

  private static boolean isHex(char c) {
    return ScannedText.isDigit(c) || (char) ((c | 0x20) - 'a') < 6;
  }

  private static int colons(String text) {
    int count = 0;
    for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
      count++;
    }
    return count;
  }

  static boolean isIpv6(String candidate) {
    String address = candidate;
    int groups = 0;
    int lastColon = address.lastIndexOf(':');
    if (address.indexOf('.', lastColon) >= 0) {
      if (!address.substring(lastColon + 1).matches(IPV4)) {
        return false;
      }
      address = address.substring(0, lastColon + 1) + "0:0";
    }
    int compressed = address.indexOf("::");
    if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0
        || address.startsWith(":") && !address.startsWith("::")
        || address.endsWith(":") && !address.endsWith("::")) {
      return false;
    }
    boolean distinctive = false;
    for (String group : address.split(":", -1)) {
      if (group.isEmpty()) {
        continue;
      }
      if (group.length() > 4) {
        return false;
      }
      groups++;
      distinctive |= group.length() >= 3 || !group.chars().allMatch(Character::isDigit);
    }
    if (compressed < 0) {
      return groups == 8;
    }
    return groups < 8 && groups >= 1 && distinctive;
  }
}
