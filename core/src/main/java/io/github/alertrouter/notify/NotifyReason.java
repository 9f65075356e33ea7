package io.github.alertrouter.notify;

/**
 * Why a notification is sent: Alertmanager's dedup decisions, plus the digest a saturated robot
 * sends instead of several messages. {@link #description()} is the text shown in messages and
 * preview output.
 */
public enum NotifyReason {
  /** The group's first notice: nothing was delivered for it before. */
  FIRST_NOTIFICATION("first notification"),
  /** An alert fires that the last delivered notice did not list as firing. */
  NEW_ALERTS("new alerts added"),
  /** Some alerts resolved since the last notice while others still fire (policies that send resolved). */
  SOME_RESOLVED("some alerts resolved"),
  /** Every alert of the group has resolved. */
  ALL_RESOLVED("all alerts resolved"),
  /** Nothing changed, but {@code repeatInterval} has passed since the last notice. */
  REPEAT("repeat interval elapsed"),
  /** An escalation policy's step fired: the group is still unacknowledged or unresolved. */
  ESCALATION("escalation"),
  /** Someone acknowledged the group: its unacknowledged escalation steps stop. Mentions nobody. */
  ACKNOWLEDGED("acknowledged"),
  /** An acknowledgement was withdrawn: held escalation steps are due again. Mentions nobody. */
  UNACKNOWLEDGED("acknowledgement withdrawn"),
  /** Several queued notifications for one robot merged into one message. */
  DIGEST("digest of queued notifications"),
  /** A schedule's on-call person changed: a {@link io.github.alertrouter.spi.Notice}, not an alert. */
  HANDOFF("on-call handoff");

  private final String description;

  NotifyReason(String description) {
    this.description = description;
  }

  /** The text shown in messages and preview output, e.g. {@code "new alerts added"}. */
  public String description() {
    return description;
  }
}
