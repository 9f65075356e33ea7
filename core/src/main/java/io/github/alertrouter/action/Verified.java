package io.github.alertrouter.action;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link ActionTokens#verify(String)}. Only {@link Valid} carries a payload; the
 * others say why a token is refused, and never contain the signing key or the token itself.
 * Immutable and thread-safe.
 */
public sealed interface Verified {

  /** A human explanation for an error page or a log line; contains no secret. */
  String describe();

  /** The MAC matched, the token is unexpired and unused. */
  record Valid(ActionToken token) implements Verified {
    public Valid {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String describe() {
      return "valid";
    }
  }

  /** The MAC did not match: the token was altered, or signed with a key this instance does not know. */
  record Tampered() implements Verified {
    @Override
    public String describe() {
      return "This link is not valid: it was altered or signed with a key that is no longer known.";
    }
  }

  /** The MAC matched but the token expired at {@code expiredAt}. */
  record Expired(Instant expiredAt) implements Verified {
    public Expired {
      Objects.requireNonNull(expiredAt, "expiredAt");
    }

    @Override
    public String describe() {
      return "This link expired at " + expiredAt + ".";
    }
  }

  /** The MAC matched but the token was already used once. */
  record Replayed() implements Verified {
    @Override
    public String describe() {
      return "This link was already used; each action link works once.";
    }
  }

  /** The text is not a token at all; {@code reason} says what is wrong without echoing the text. */
  record Malformed(String reason) implements Verified {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
      return "This link is not an action link: " + reason + ".";
    }
  }
}
