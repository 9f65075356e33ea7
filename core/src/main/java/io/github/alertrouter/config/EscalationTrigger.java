package io.github.alertrouter.config;

/** What keeps an escalation step armed. */
public enum EscalationTrigger {
  /** the group has not been acknowledged */
  UNACKED,
  /** the group still has firing alerts, acknowledged or not */
  UNRESOLVED
}
