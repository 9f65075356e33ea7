package io.github.alertrouter;

import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.EscalationState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An engine's state as one value: what {@link Engine#snapshot()} takes, a hand-over passes on and
 * {@link Engine#restore} adopts. Immutable.
 *
 * @param log what each group last decided and delivered, by route path and group key
 *     ({@link Engine#logKey})
 * @param escalations escalation episodes by group key
 * @param addedSilences silences added at run time (not in the configuration)
 * @param usedTokens nonces of action links used and not expired, with their expiry
 */
record EngineState(Instant takenAt, List<Alert> alerts, Map<String, GroupLog> log,
    Map<String, EscalationState> escalations, List<Silence> addedSilences, Map<String, Instant> usedTokens)
    implements RouterSnapshot {
  EngineState {
    alerts = List.copyOf(alerts);
    log = Map.copyOf(log);
    escalations = Map.copyOf(escalations);
    addedSilences = List.copyOf(addedSilences);
    usedTokens = Map.copyOf(usedTokens);
  }

  @Override
  public int alertCount() {
    return alerts.size();
  }

  @Override
  public byte[] toJson() {
    return EngineStateJson.write(this);
  }
}
