package io.github.alertrouter.binding;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to {@link BindingService#startVerification}: a value, never an exception. Immutable
 * and thread-safe; no variant carries a code.
 */
public sealed interface VerificationStart {
  /** Text a page can show as is. */
  String message();

  /**
   * The number was well formed and within the rate limits. A code was sent <em>if</em> the number
   * belongs to a contact; the answer is the same either way, so it does not reveal whether it
   * does.
   *
   * @param maskedMobile the number as normalised, masked ({@code 138****0001})
   * @param codeExpiresAt the first instant a code sent now no longer works
   */
  record Accepted(String maskedMobile, Instant codeExpiresAt) implements VerificationStart {
    /** @throws NullPointerException if a component is null */
    public Accepted {
      Objects.requireNonNull(maskedMobile, "maskedMobile");
      Objects.requireNonNull(codeExpiresAt, "codeExpiresAt");
    }

    @Override
    public String message() {
      return "If " + maskedMobile + " belongs to a contact, a verification code was sent to it; it expires at "
          + codeExpiresAt + ".";
    }
  }

  /**
   * Nothing was sent: the link is unknown or expired, or the text is not a mobile number.
   *
   * @param message why, for the page
   */
  record Refused(String message) implements VerificationStart {
    /** @throws NullPointerException if {@code message} is null */
    public Refused {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Nothing was sent: too many codes were requested for this number or through this link.
   *
   * @param retryAt the first instant a request can succeed
   */
  record RateLimited(Instant retryAt) implements VerificationStart {
    /** @throws NullPointerException if {@code retryAt} is null */
    public RateLimited {
      Objects.requireNonNull(retryAt, "retryAt");
    }

    @Override
    public String message() {
      return "Too many verification codes were requested; try again after " + retryAt + ".";
    }
  }
}
