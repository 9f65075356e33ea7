package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import java.util.Map;

/**
 * A group's notification log, as a hand-over or a snapshot passes it on. Immutable.
 *
 * @param decided what the group's last flush decided to notify ({@code null}: nothing yet); it
 *     times escalation episodes, whatever became of the sends
 * @param delivered per robot id, what that robot's chat last <em>received</em> (Alertmanager's
 *     notification log, written only after a successful send); dedup decides against it. The key
 *     {@link #EVERY_ROBOT} stands for every robot without an entry of its own (snapshots of
 *     version 1 recorded one entry per group)
 */
record GroupLog(Entry decided, Map<String, Entry> delivered) {
  static final String EVERY_ROBOT = "*";

  GroupLog {
    delivered = Map.copyOf(delivered);
  }

  boolean isEmpty() {
    return decided == null && delivered.isEmpty();
  }
}
