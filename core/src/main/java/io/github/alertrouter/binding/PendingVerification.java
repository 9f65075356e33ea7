package io.github.alertrouter.binding;

import java.time.Instant;

/**
 * The code pending on one link. {@code contactId} is {@code null} for a number that belongs to no
 * contact: such a verification was never sent and accepts no code, yet answers like a real one.
 * Mutable; guarded by the service's lock. {@link #toString()} shows no code.
 */
final class PendingVerification {
  final String contactId;
  final String mobile;
  final VerificationCode code;
  final Instant expiresAt;
  private int wrongAttempts;

  PendingVerification(String contactId, String mobile, VerificationCode code, Instant expiresAt) {
    this.contactId = contactId;
    this.mobile = mobile;
    this.code = code;
    this.expiresAt = expiresAt;
  }

  boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  boolean locked(int maxAttempts) {
    return wrongAttempts >= maxAttempts;
  }

  /** Whether {@code entered} is the code of a real verification; the comparison always runs, in constant time. */
  boolean accepts(String entered) {
    boolean matches = code.matches(entered);
    return matches && contactId != null;
  }

  /** Counts a wrong code; returns the attempts left. */
  int countWrong(int maxAttempts) {
    wrongAttempts++;
    return maxAttempts - wrongAttempts;
  }

  @Override
  public String toString() {
    return "PendingVerification[mobile=" + MaskedMobile.of(mobile) + ", expiresAt=" + expiresAt
        + ", wrongAttempts=" + wrongAttempts + "]";
  }
}
