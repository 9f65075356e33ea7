package io.github.alertrouter;

import io.github.alertrouter.inhibit.Inhibitor;
import io.github.alertrouter.silence.Silencer;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's mute stage: silenced and inhibited alerts are left out of the notice (applied at
 * each flush, so an alert whose silence ends is notified at the next tick). Every resolved alert,
 * muted or not, is flushed: it leaves the group once the flush's notices were delivered.
 */
final class Mute implements Stage {
  private final Silencer silencer;
  private final Inhibitor inhibitor;

  Mute(Silencer silencer, Inhibitor inhibitor) {
    this.silencer = silencer;
    this.inhibitor = inhibitor;
  }

  @Override
  public Verdict apply(Flush flush) {
    List<Alert> firing = new ArrayList<>();
    List<Alert> resolved = new ArrayList<>();
    List<Alert> flushedResolved = new ArrayList<>();
    for (Alert a : flush.alerts()) {
      boolean isResolved = a.isResolvedAt(flush.now());
      if (isResolved) {
        flushedResolved.add(a);
      }
      if (!muted(a, flush)) {
        (isResolved ? resolved : firing).add(a);
      }
    }
    return new Next(flush.partitioned(firing, resolved, flushedResolved));
  }

  private boolean muted(Alert alert, Flush flush) {
    return silencer.silenced(alert.labels(), flush.now()) || inhibitor.inhibited(alert, flush.now());
  }
}
