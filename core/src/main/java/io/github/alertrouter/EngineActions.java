package io.github.alertrouter;

import io.github.alertrouter.action.ActionTarget;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.StandbyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What the links in messages do, on one router: whether each found something to do. */
final class EngineActions implements ActionTarget {
  private final AlertRouter router;
  private final Collection<AlertGroup> groups;
  private final Clock clock;

  /** {@code groups} is the router's live view of its groups. */
  EngineActions(AlertRouter router, Collection<AlertGroup> groups, Clock clock) {
    this.router = router;
    this.groups = groups;
    this.clock = clock;
  }

  @Override
  public boolean acknowledge(String groupKey, String who) {
    return router.acknowledge(groupKey, who);
  }

  @Override
  public boolean unacknowledge(String groupKey, String who) {
    return router.unacknowledge(groupKey, who);
  }

  @Override
  public boolean resolve(String groupKey, String who) {
    return router.resolve(groupKey, who);
  }

  /** A silence on the group's labels (one per group with that key). */
  @Override
  public boolean silence(String groupKey, Duration duration, String who) {
    if (!router.active()) { // a standby holds no groups: "nothing to silence" would be wrong
      throw new StandbyException("this instance is a standby of the fleet: the group's labels are on the active one");
    }
    Instant now = clock.instant();
    int added = 0;
    for (AlertGroup group : groups) {
      if (group.id().groupKey().equals(groupKey) && !group.groupLabels().isEmpty()) {
        List<Condition> matchers = group.groupLabels().entrySet().stream()
            .map(e -> Condition.eq(e.getKey(), e.getValue())).toList();
        router.addSilence(new Silence("action-" + UUID.randomUUID(), matchers, now, now.plus(duration), who,
            "silenced from a chat link for group " + groupKey));
        added++;
      }
    }
    return added > 0;
  }
}
