package io.github.alertrouter;

import io.github.alertrouter.route.RouteSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Alertmanager's dedup stage, per robot against what its chat last <em>received</em> (the
 * notification log is written only after a delivery), so a notice that gave up is decided again
 * here at the next tick; and once for the group against what its last flush decided, which times
 * escalation episodes. A flush with nothing new for anyone ends here.
 */
final class DedupAgainstDelivered implements Stage {
  @Override
  public Verdict apply(Flush flush) {
    RouteSettings s = flush.settings();
    Set<Fingerprint> firing = flush.said().firing();
    Set<Fingerprint> resolved = flush.said().resolved();
    Duration repeat = s.escalationPolicy() == null ? s.repeatInterval() : null;
    Dedup.Decision group = Dedup.decide(flush.group().last(), firing, resolved, s.sendResolved(), repeat, flush.now());
    List<Flush.RobotNotice> notices = new ArrayList<>();
    for (String robotId : s.robots()) {
      Dedup.Decision d = Dedup.decide(flush.group().delivered(robotId), firing, resolved, s.sendResolved(), repeat,
          flush.now());
      if (d != null) {
        notices.add(new Flush.RobotNotice(robotId, d, d.send() && flush.inWindow()));
      }
    }
    return new Next(flush.decided(group, notices));
  }
}
