package io.github.alertrouter.binding;

import java.time.Instant;

/**
 * Delivers a verification code to a mobile number, usually by SMS. Implement it with your SMS
 * gateway; {@link LoggingVerificationSender} is for demos and tests.
 *
 * <p>Contract: called only for numbers that belong to a contact, outside the service's locks, on
 * the thread that called {@link BindingService#startVerification}. It should return quickly
 * (enqueue rather than wait for the gateway): a slow send makes "a contact has this number"
 * measurable in the page's response time. It may throw; the failure is logged without the code
 * and the caller sees the same answer as for any other number. Implementations must be
 * thread-safe and must never log {@link VerificationCode#reveal()}.
 */
@FunctionalInterface
public interface VerificationSender {
  /**
   * Sends {@code code} to {@code mobile}.
   *
   * @param mobile the number, normalised by {@link io.github.alertrouter.spi.MobileNumbers}
   * @param code the code to deliver
   * @param expiresAt the first instant the code no longer works, for the message text
   */
  void send(String mobile, VerificationCode code, Instant expiresAt);
}
