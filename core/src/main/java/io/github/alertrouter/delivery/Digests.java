package io.github.alertrouter.delivery;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.render.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the notifications queued for a saturated robot into one digest, so a storm costs one
 * message instead of a throttling ban, and nothing is dropped. The digest carries every alert
 * (an alert in several notifications once, in its latest state), every mention, the group labels
 * all parts share, and no links (they belong to single groups). Built-in layout only: a policy's
 * template is written for one group, not a digest.
 *
 * <p>Alerts are listed most severe first ({@link Severity}), firing before resolved, and in the
 * order they queued within a severity: a digest too big for one message names what is listed first.
 */
final class Digests {
  private Digests() {}

  static Delivery merge(String robotId, List<Delivery> deliveries, Instant at) {
    Map<Fingerprint, Alert> firing = new LinkedHashMap<>();
    Map<Fingerprint, Alert> resolved = new LinkedHashMap<>();
    Set<String> policies = new LinkedHashSet<>();
    Map<Object, Mention> mentions = new LinkedHashMap<>();
    TreeMap<String, String> common = null;
    int groups = 0;
    for (Delivery d : deliveries) {
      Notification n = d.notification();
      policies.add(n.policy());
      groups += n.groups();
      for (Alert a : n.firing()) {
        resolved.remove(a.fingerprint());
        firing.put(a.fingerprint(), a);
      }
      for (Alert a : n.resolved()) {
        firing.remove(a.fingerprint());
        resolved.put(a.fingerprint(), a);
      }
      for (Mention m : d.mentions()) {
        mentions.putIfAbsent(m.isResolved() ? m.identity() : "name:" + m.name(), m);
      }
      if (common == null) {
        common = new TreeMap<>(n.groupLabels());
      } else {
        common.entrySet().removeIf(e -> !e.getValue().equals(n.groupLabels().get(e.getKey())));
      }
    }
    Notification digest = new Notification(
        String.join(", ", policies), "digest", common == null ? new TreeMap<>() : common,
        NotifyReason.DIGEST, mostSevereFirst(firing.values()), mostSevereFirst(resolved.values()),
        List.of(), at, groups);
    return new Delivery(robotId, digest, new ArrayList<>(mentions.values()), null);
  }

  private static List<Alert> mostSevereFirst(Collection<Alert> alerts) {
    List<Alert> sorted = new ArrayList<>(alerts);
    sorted.sort(Comparator.comparing(a -> a.label("severity"), Severity.MOST_SEVERE_FIRST)); // stable
    return sorted;
  }
}
