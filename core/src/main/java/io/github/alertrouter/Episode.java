package io.github.alertrouter;

import io.github.alertrouter.notify.NotifyReason;

/**
 * Records what the group's flush decided and keeps its escalation episode in step: the first
 * notification starts one, "all resolved" ends it, and firing alerts carry on one that a router
 * this one took over began.
 */
final class Episode implements Stage {
  private final Escalations escalations;

  Episode(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public Verdict apply(Flush flush) {
    AlertGroup group = flush.group();
    group.flushed(flush.decision() == null ? null : flush.said());
    if (flush.settings().escalationPolicy() != null) {
      if (flush.decision() != null && flush.decision().reason() == NotifyReason.FIRST_NOTIFICATION) {
        escalations.started(group, flush.now());
      } else if (flush.decision() != null && flush.decision().reason() == NotifyReason.ALL_RESOLVED) {
        escalations.ended(group);
      }
      if (!flush.firing().isEmpty()) {
        escalations.resumeIfRunning(group, flush.now());
      }
    }
    return new Next(flush);
  }
}
