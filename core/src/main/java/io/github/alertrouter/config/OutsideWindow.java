package io.github.alertrouter.config;

import java.util.Locale;

/** What a group's notice due outside its policy's notify window becomes. */
public enum OutsideWindow {
  /** Held: the group stays pending and notifies when the window opens, with what is true then. */
  HOLD,
  /**
   * Dropped: recorded as notified but not sent, so it does not arrive later; inside the window
   * the group notifies again on the next change or repeat.
   */
  DROP;

  /** Parses {@code hold} or {@code drop} (any case). */
  public static OutsideWindow parse(String text) {
    for (OutsideWindow o : values()) {
      if (o.name().equalsIgnoreCase(text)) {
        return o;
      }
    }
    throw new IllegalArgumentException("must be HOLD or DROP, but was \"" + text + "\"");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
