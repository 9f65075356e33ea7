package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import io.github.alertrouter.delivery.PlannedMention;
import io.github.alertrouter.route.RouteSettings;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One flush of one group as the {@link Pipeline}'s stages see it: "now" computed once, the alerts
 * as they were when the flush began, and what each stage added. Immutable (the group it names is
 * where effects go; stages read nothing from it but its identity and settings).
 *
 * @param group the group flushed
 * @param now the flush's instant
 * @param alerts the group's alerts at {@code now}
 * @param inWindow whether {@code now} is inside the policy's notify window
 * @param firing firing alerts not muted
 * @param resolved resolved alerts not muted
 * @param flushedResolved every resolved alert (muted or not): what leaves the group once notified
 * @param decision what the group's own log says ({@code null}: nothing new); times episodes
 * @param notices per robot, what its chat is told (or recorded without sending)
 * @param mentions who the policy's targets name now
 * @param said the fingerprints of {@code firing} and {@code resolved} at {@code now}: what this
 *     flush records as said, computed once when the alerts are partitioned
 */
record Flush(AlertGroup group, Instant now, List<Alert> alerts, boolean inWindow, List<Alert> firing,
    List<Alert> resolved, List<Alert> flushedResolved, Dedup.Decision decision, List<RobotNotice> notices,
    List<PlannedMention> mentions, Entry said) {

  /** One robot's share of a flush: the decision against what its chat last received. */
  record RobotNotice(String robotId, Dedup.Decision decision, boolean send) {}

  Flush {
    alerts = List.copyOf(alerts);
    firing = List.copyOf(firing);
    resolved = List.copyOf(resolved);
    flushedResolved = List.copyOf(flushedResolved);
    notices = List.copyOf(notices);
    mentions = List.copyOf(mentions);
  }

  /** The start of a flush of {@code group} at {@code now}. */
  static Flush of(AlertGroup group, Instant now) {
    return new Flush(group, now, group.snapshot(), true, List.of(), List.of(), List.of(), null, List.of(), List.of(),
        new Entry(Set.of(), Set.of(), now));
  }

  RouteSettings settings() {
    return group.settings();
  }

  Flush inWindow(boolean in) {
    return new Flush(group, now, alerts, in, firing, resolved, flushedResolved, decision, notices, mentions, said);
  }

  Flush partitioned(List<Alert> firing, List<Alert> resolved, List<Alert> flushedResolved) {
    return new Flush(group, now, alerts, inWindow, firing, resolved, flushedResolved, decision, notices, mentions,
        new Entry(fingerprints(firing), fingerprints(resolved), now));
  }

  Flush decided(Dedup.Decision decision, List<RobotNotice> notices) {
    return new Flush(group, now, alerts, inWindow, firing, resolved, flushedResolved, decision, notices, mentions, said);
  }

  Flush planned(List<PlannedMention> mentions) {
    return new Flush(group, now, alerts, inWindow, firing, resolved, flushedResolved, decision, notices, mentions, said);
  }

  private static Set<Fingerprint> fingerprints(List<Alert> alerts) {
    Set<Fingerprint> out = new LinkedHashSet<>();
    alerts.forEach(a -> out.add(a.fingerprint()));
    return out;
  }
}
