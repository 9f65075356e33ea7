package io.github.alertrouter.wecom.internal;

import java.util.Set;

/**
 * A copy of the DingTalk module's rules (a platform module may not depend on another): it belongs
 * in core, shared by every platform.
 *
 * <p>Normalises a contact's mobile number to the form WeCom's {@code mentioned_mobile_list} expects.
 *
 * <ul>
 *   <li>Spaces, dashes, dots and parentheses are ignored: {@code +86 (138) 0000-0001}.
 *   <li>A mainland China mobile (11 digits starting with {@code 1}), bare or after {@code +86},
 *       {@code 0086} or {@code 86}, becomes its 11 digits: {@code 13800000001}. WeCom's doc shows
 *       mainland numbers in this form ({@code "13800001111"}).
 *   <li>Any other number with a country code ({@code +852 6123 4567}, {@code 00852 61234567})
 *       becomes {@code +852-61234567}: WeCom's form for international numbers in
 *       {@code mentioned_mobile_list} is <b>unverified</b>; {@code +cc-number} is the form WeCom's
 *       contacts API uses for such members, and the one the DingTalk module chose too, so a contact
 *       normalises the same on both platforms.
 *       The country code is split off with the ITU prefix table (1-, 2- or 3-digit codes).
 *   <li>Anything else (letters, too few or too many digits, a {@code +86} landline, a local number
 *       without country code) is refused with a reason that describes its shape.
 * </ul>
 * Stateless and thread-safe.
 */
final class MobileNumbers {
  /** The result: {@code number} when it normalises, else {@code problem}. */
  record Normalised(String number, String problem) {
    boolean ok() {
      return number != null;
    }
  }

  private static final String ONE_DIGIT_CODES = "17";
  private static final Set<String> TWO_DIGIT_CODES = Set.of(
      "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
      "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
      "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");
  private static final int MIN_NATIONAL_DIGITS = 4;
  private static final int MAX_E164_DIGITS = 15;

  private MobileNumbers() {}

  static Normalised normalise(String written) {
    String compact = written.replaceAll("[\\s\\-.()]", "");
    boolean plus = compact.startsWith("+");
    String digits = plus ? compact.substring(1) : compact;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return refuse(written, "is not a phone number (only digits, an optional leading +, spaces, dashes, dots"
          + " and parentheses are allowed)");
    }
    boolean international = plus;
    if (!plus && digits.startsWith("00")) {
      digits = digits.substring(2);
      international = true;
    }
    if (!international && isMainland(digits)) {
      return new Normalised(digits, null);
    }
    if (digits.startsWith("86") && (international || digits.length() == 13)) {
      String national = digits.substring(2);
      return isMainland(national)
          ? new Normalised(national, null)
          : refuse(written, "has country code 86 but is not an 11-digit mainland mobile starting with 1");
    }
    if (!international) {
      return refuse(written, "has " + digits.length() + " digits: neither an 11-digit mainland China mobile"
          + " starting with 1 nor a number with a +country code");
    }
    int codeLength = countryCodeLength(digits);
    if (digits.length() - codeLength < MIN_NATIONAL_DIGITS || digits.length() > MAX_E164_DIGITS) {
      return refuse(written, "has " + digits.length() + " digits after +, outside 5 to 15");
    }
    return new Normalised("+" + digits.substring(0, codeLength) + "-" + digits.substring(codeLength), null);
  }

  private static boolean isMainland(String digits) {
    return digits.length() == 11 && digits.charAt(0) == '1';
  }

  private static int countryCodeLength(String digits) {
    if (ONE_DIGIT_CODES.indexOf(digits.charAt(0)) >= 0) {
      return 1;
    }
    return digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : 3;
  }

  private static Normalised refuse(String written, String why) {
    return new Normalised(null, "mobile \"" + written + "\" " + why);
  }
}
