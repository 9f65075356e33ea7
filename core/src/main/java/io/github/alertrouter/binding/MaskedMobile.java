package io.github.alertrouter.binding;

/** Masks a normalised mobile number for logs and pages. Stateless and thread-safe. */
final class MaskedMobile {
  private static final int SHOWN_TAIL = 4;
  private static final int SHOWN_HEAD = 3;

  private MaskedMobile() {}

  /**
   * {@code mobile} with all but its last four digits and its head replaced by {@code *}: the head
   * is the first three digits of a mainland number ({@code 138****0001}), the country code of an
   * international one ({@code +852-****4567}). Shorter numbers show only their last two.
   */
  public static String of(String mobile) {
    int length = mobile.length();
    int dash = mobile.indexOf('-');
    int head = dash >= 0 ? dash + 1 : SHOWN_HEAD;
    if (length <= head + SHOWN_TAIL) {
      return "*".repeat(Math.max(0, length - 2)) + mobile.substring(Math.max(0, length - 2));
    }
    return mobile.substring(0, head) + "*".repeat(length - head - SHOWN_TAIL) + mobile.substring(length - SHOWN_TAIL);
  }
}
