package io.github.alertrouter.binding;

import io.github.alertrouter.store.Binding;
import java.util.Objects;

/**
 * The answer to {@link BindingService#confirm}: a value, never an exception. Immutable and
 * thread-safe; no variant carries the code.
 */
public sealed interface ConfirmResult {
  /** Text a page can show as is. */
  String message();

  /**
   * The code was right.
   *
   * @param binding the binding now stored
   */
  record Bound(Binding binding) implements ConfirmResult {
    /** @throws NullPointerException if {@code binding} is null */
    public Bound {
      Objects.requireNonNull(binding, "binding");
    }

    @Override
    public String message() {
      return "Your number is bound: you will be @mentioned on " + binding.platform() + ".";
    }
  }

  /** The code was wrong; {@code attemptsLeft} more tries (at least 1) before the verification locks. */
  record WrongCode(int attemptsLeft) implements ConfirmResult {
    @Override
    public String message() {
      return "Wrong code; " + attemptsLeft + (attemptsLeft == 1 ? " attempt" : " attempts") + " left.";
    }
  }

  /** The code expired; request a new one. */
  record Expired() implements ConfirmResult {
    @Override
    public String message() {
      return "The code has expired; request a new one.";
    }
  }

  /** Too many wrong codes: this verification no longer accepts any code; request a new one. */
  record Locked() implements ConfirmResult {
    @Override
    public String message() {
      return "Too many wrong codes; request a new one.";
    }
  }

  /** The link is unknown or expired, or no code was requested through it. */
  record NoVerification() implements ConfirmResult {
    @Override
    public String message() {
      return "No code is pending for this link; request one, or use a newer link.";
    }
  }
}
