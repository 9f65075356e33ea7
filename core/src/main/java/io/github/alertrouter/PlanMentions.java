package io.github.alertrouter;

import io.github.alertrouter.delivery.MentionPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans who the policy's mention targets name now (contacts, groups, whoever is on duty, owners
 * named by the alerts), once for every robot of the flush: a repeat @s whoever is on call then.
 */
final class PlanMentions implements Stage {
  private final MentionPlanner planner;

  PlanMentions(MentionPlanner planner) {
    this.planner = planner;
  }

  @Override
  public Verdict apply(Flush flush) {
    if (flush.notices().stream().noneMatch(Flush.RobotNotice::send)) {
      return new Next(flush);
    }
    List<Alert> shown = new ArrayList<>(flush.firing());
    if (flush.settings().sendResolved()) {
      shown.addAll(flush.resolved());
    }
    return new Next(flush.planned(planner.plan(flush.settings().mention(), shown, flush.now())));
  }
}
