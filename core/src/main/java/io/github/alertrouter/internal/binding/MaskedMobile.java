package io.github.alertrouter.internal.binding;

/** Masks a mobile number for logs: {@code 13800000001} → {@code 138****0001}. Stateless, thread-safe. */
public final class MaskedMobile {
  private static final int SHOWN_TAIL = 4;
  private static final int SHOWN_HEAD = 3;

  private MaskedMobile() {}

  /**
   * {@code mobile} with all but its first three and last four characters replaced by {@code *};
   * shorter numbers show only the last two.
   */
  public static String of(String mobile) {
    int length = mobile.length();
    if (length <= SHOWN_HEAD + SHOWN_TAIL) {
      return "*".repeat(Math.max(0, length - 2)) + mobile.substring(Math.max(0, length - 2));
    }
    return mobile.substring(0, SHOWN_HEAD) + "*".repeat(length - SHOWN_HEAD - SHOWN_TAIL)
        + mobile.substring(length - SHOWN_TAIL);
  }
}
