package io.github.alertrouter.config;

/** How often a schedule layer hands over to the next member. */
public enum Rotation {
  /** every day at the handoff time */
  DAILY,
  /** every week at the handoff day and time */
  WEEKLY,
  /** every {@code shiftLength} from the handoff */
  CUSTOM
}
