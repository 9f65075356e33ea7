package io.github.alertrouter.binding;

import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.BindingStore;
import java.time.Clock;

/**
 * Binds contacts' mobile numbers, so the router @mentions a contact by number only once they have
 * proven it is theirs (policy option {@code requireBinding}).
 *
 * <ol>
 *   <li>{@link #issueLink}: a random link id for a robot's chat, put in the alert card.
 *   <li>{@link #startVerification}: someone following the link enters a number. When it equals a
 *       contact's {@code mobile} after {@link io.github.alertrouter.spi.MobileNumbers
 *       normalisation}, a code is sent; the answer is the same when it does not, and then nothing
 *       is sent.
 *   <li>{@link #confirm}: the right code stores a {@link Binding} in the {@link BindingStore}.
 * </ol>
 *
 * <p>Rules ({@link BindingRules#DEFAULT}): codes are 6 digits from {@link java.security.SecureRandom}
 * and work for 5 minutes; 5 wrong codes lock the verification; codes are compared in constant
 * time; at most 3 codes per number and 10 per link per hour; links work for 24 hours. A new code
 * requested through a link replaces the one pending there. All times come from the injected
 * {@link Clock}. Codes appear in no log, exception or {@code toString}.
 *
 * <p>Links and pending verifications are kept in this instance's memory: behind a load balancer,
 * the page handler needs sticky sessions. Bindings are kept in the {@link BindingStore}.
 *
 * <p>Thread-safe. Arguments are never {@code null}; outcomes are values, and exceptions are
 * thrown only for programming errors (an unknown robot in {@link #issueLink}).
 */
public interface BindingService {
  /**
   * A new link for the chat of robot {@code robotId} on {@code platform}.
   *
   * @throws IllegalArgumentException when the configuration has no such robot on that platform
   */
  BindingLink issueLink(String platform, String robotId);

  /**
   * Someone following link {@code linkId} wants a code sent to {@code mobileAsWritten}.
   *
   * @return {@link VerificationStart.Accepted} whether or not the number belongs to a contact;
   *     {@link VerificationStart.Refused} for an unknown or expired link or a malformed number;
   *     {@link VerificationStart.RateLimited} over a rate limit
   */
  VerificationStart startVerification(String linkId, String mobileAsWritten);

  /**
   * Someone following link {@code linkId} enters {@code code} (spaces ignored).
   *
   * @return {@link ConfirmResult.Bound} when it is the code sent for the pending verification;
   *     otherwise why not
   */
  ConfirmResult confirm(String linkId, String code);

  /**
   * Whether {@code contactId} has bound, for {@code platform}, the number the configuration gives
   * them now: a binding of a number the contact no longer has does not count.
   */
  boolean isBound(String contactId, String platform);

  /** Removes the contact's binding for {@code platform}, if any. */
  void unbind(String contactId, String platform);

  /** A service over {@code config}'s contacts and robots with {@link BindingRules#DEFAULT}. */
  static BindingService create(RouterConfig config, VerificationSender sender, BindingStore store, Clock clock) {
    return create(config, sender, store, BindingRules.DEFAULT, clock);
  }

  /** A service over {@code config}'s contacts and robots. */
  static BindingService create(
      RouterConfig config, VerificationSender sender, BindingStore store, BindingRules rules, Clock clock) {
    return new InMemoryBindingService(config, sender, store, rules, clock);
  }
}
