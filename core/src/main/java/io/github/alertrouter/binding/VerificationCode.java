package io.github.alertrouter.binding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A 6-digit verification code. {@link #toString()} is {@code ******}; only {@link #reveal()} gives
 * the digits, and only a {@link VerificationSender} delivering the code should call it. Equality
 * is identity: compare an entered code with {@link #matches}. Immutable and thread-safe.
 */
public final class VerificationCode {
  /** How many digits a code has. */
  public static final int LENGTH = 6;

  private final String digits;

  private VerificationCode(String digits) {
    this.digits = digits;
  }

  /**
   * A code from its digits.
   *
   * @throws IllegalArgumentException when {@code digits} is not exactly {@value #LENGTH} ASCII
   *     digits (the message does not quote it)
   */
  public static VerificationCode of(String digits) {
    if (digits == null || digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("a verification code must be " + LENGTH + " digits");
    }
    return new VerificationCode(digits);
  }

  /** The digits. Never log them. */
  public String reveal() {
    return digits;
  }

  /** Whether {@code entered} is this code, compared in constant time. */
  public boolean matches(String entered) {
    return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII), entered.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "******";
  }
}
