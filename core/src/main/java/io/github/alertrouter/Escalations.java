package io.github.alertrouter;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.escalate.EscalationFiring;
import io.github.alertrouter.escalate.EscalationPlanner;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs escalation policies for groups whose policy has one instead of a repeat interval: an
 * episode starts with the group's first notice, each due firing notifies the step's targets, and
 * the next wake-up is set from {@link EscalationPlanner#nextWake}. Acknowledging stops
 * {@code UNACKED} steps; the episode ends when the group resolves (a later firing starts a new
 * one). State lives in the {@link EscalationStore} by group key, so a router that replaces
 * another with the same store does not escalate twice.
 */
final class Escalations {
  /** Sends one firing for a group (the flusher knows how to build and deliver it). */
  interface Sender {
    /** {@code episodeStart}: the episode's first notice, which each queued notice names with its firing. */
    void send(AlertGroup group, Instant episodeStart, EscalationFiring firing, String description, Instant now);
  }

  private final Scheduler scheduler;
  private final EscalationStore store;
  private final Map<String, EscalationPolicy> policies;
  private final Map<String, Scheduler.Cancellable> timers = new ConcurrentHashMap<>();
  private final Map<String, AlertGroup> groups = new ConcurrentHashMap<>();
  private volatile Sender sender;

  Escalations(RouterConfig config, Scheduler scheduler, EscalationStore store) {
    this.scheduler = scheduler;
    this.store = store;
    this.policies = config.escalationPolicies().stream()
        .collect(Collectors.toMap(EscalationPolicy::id, Function.identity()));
  }

  void sender(Sender sender) {
    this.sender = sender;
  }

  /** The group notified for the first time in an episode: the policy starts. */
  void started(AlertGroup group, Instant now) {
    String key = group.id().groupKey();
    groups.put(key, group);
    if (store.get(key).isEmpty()) {
      store.put(key, EscalationState.start(now));
    }
    plan(group, now);
  }

  /**
   * The group has firing alerts: when an episode for its key is in the store but no timer of
   * this router runs it (the episode began under a router this one took over, or before a
   * restart with a shared store), this router carries it on from where it was.
   */
  void resumeIfRunning(AlertGroup group, Instant now) {
    String key = group.id().groupKey();
    if (!groups.containsKey(key) && store.get(key).isPresent()) {
      groups.put(key, group);
      plan(group, now);
    }
  }

  /** The episode of a group key, if one runs. */
  Optional<EscalationState> episode(String groupKey) {
    return store.get(groupKey);
  }

  /** Adopts an episode from a router this one took over, unless the store already has one. */
  void adopt(String groupKey, EscalationState state) {
    if (store.get(groupKey).isEmpty()) {
      store.put(groupKey, state);
    }
  }

  /**
   * Records a firing whose notices a router that died had queued but not recorded (read back from
   * the outbox), so that it does not fire again; nothing when the group's episode is gone, is a
   * later one, or has the firing already.
   */
  void recovered(Outbox.StepFired step) {
    Optional<EscalationState> state = store.get(step.group());
    if (state.isPresent() && state.get().firstNoticeAt().equals(step.episodeStart())
        && !state.get().hasFired(step.slot())) {
      store.put(step.group(), state.get().withFired(List.of(step.slot()), step.at()));
    }
  }

  /** The group resolved (or is gone): the episode ends. */
  void ended(AlertGroup group) {
    String key = group.id().groupKey();
    store.remove(key);
    groups.remove(key, group);
    Scheduler.Cancellable timer = timers.remove(key);
    if (timer != null) {
      timer.cancel();
    }
  }

  /** Records an acknowledgement (or its withdrawal); false when no episode runs for the key. */
  boolean acknowledge(String groupKey, String who, boolean acknowledged) {
    Optional<EscalationState> state = store.get(groupKey);
    AlertGroup group = groups.get(groupKey);
    if (state.isEmpty() || group == null) {
      return false;
    }
    Instant now = scheduler.clock().instant();
    store.put(groupKey, acknowledged ? state.get().acknowledge(who, now) : state.get().unacknowledge());
    plan(group, now); // an unacknowledgement may make a held firing due at once
    return true;
  }

  /** Stops every timer and lets go of the groups (this router stopped, or stopped being active). */
  void stop() {
    timers.values().forEach(Scheduler.Cancellable::cancel);
    timers.clear();
    groups.clear();
  }

  private void plan(AlertGroup group, Instant now) {
    String key = group.id().groupKey();
    Optional<EscalationState> state = store.get(key);
    EscalationPolicy policy = policies.get(group.settings().escalationPolicy());
    if (state.isEmpty() || policy == null) {
      return;
    }
    Instant wake = EscalationPlanner.due(policy, state.get(), now).isEmpty()
        ? EscalationPlanner.nextWake(policy, state.get(), now)
        : now;
    Scheduler.Cancellable previous = timers.remove(key);
    if (previous != null) {
      previous.cancel();
    }
    if (wake != null) {
      timers.put(key, scheduler.schedule(Duration.between(now, wake), () -> wake(group, policy)));
    }
  }

  private void wake(AlertGroup group, EscalationPolicy policy) {
    String key = group.id().groupKey();
    timers.remove(key);
    Optional<EscalationState> state = store.get(key);
    if (state.isEmpty()) {
      return;
    }
    Instant now = scheduler.clock().instant();
    List<EscalationFiring> due = EscalationPlanner.due(policy, state.get(), now);
    // queued first, recorded second: a crash between the two leaves the notices in the outbox, each
    // naming its firing, and the router that reads them back records it (recovered) instead of
    // firing it again; recorded first, a crash would lose the notices
    for (EscalationFiring firing : due) {
      sender.send(group, state.get().firstNoticeAt(), firing, firing.describe(policy), now);
    }
    store.put(key, state.get().withFired(EscalationFiring.slots(due), now));
    plan(group, now);
  }
}
