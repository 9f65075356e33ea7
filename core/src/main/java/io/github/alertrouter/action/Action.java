package io.github.alertrouter.action;

/**
 * What an action link does to an alert group. Each constant has a fixed one-byte wire code that
 * never changes, so reordering the constants can never change the meaning of a token already in a
 * chat message. Immutable and thread-safe.
 */
public enum Action {
  /** Claim the group: "I'm on it". */
  ACKNOWLEDGE(1, "Acknowledge"),
  /** Release a claim. */
  UNACKNOWLEDGE(2, "Unacknowledge"),
  /** Mark the group resolved by hand. */
  RESOLVE(3, "Resolve"),
  /** Mute the group for the duration carried by the token. */
  SILENCE(4, "Silence");

  private final int code;
  private final String label;

  Action(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The wire code in a token's payload. */
  public int code() {
    return code;
  }

  /** A short human label for buttons and pages, e.g. {@code Acknowledge}. */
  public String label() {
    return label;
  }

  /**
   * The action with this wire code.
   *
   * @throws IllegalArgumentException if no action has this code
   */
  public static Action ofCode(int code) {
    for (Action a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    throw new IllegalArgumentException("no action has code " + code);
  }
}
