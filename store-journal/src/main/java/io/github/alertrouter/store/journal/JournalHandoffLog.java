package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.store.HandoffLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announced handoffs, each claim journaled. Not a wrapper of core's in-memory log: that one cannot
 * list its claims (compaction needs them) nor say whether a handoff is claimed without claiming it
 * (a claim must be decided before its record is written, and a claim cannot be undone). Its rule
 * is kept: the first claim wins, and a claim is kept for {@link #RETENTION} after its handoff.
 */
final class JournalHandoffLog implements HandoffLog, Seam {
  private static final String CLAIM = "handoffs.claim";
  /** As core's in-memory log: a handoff older than this cannot be claimed again anyway. */
  static final Duration RETENTION = Duration.ofDays(7);

  private record Claim(String scheduleId, Instant handoff) {}

  private final Map<Claim, Boolean> claimed = new ConcurrentHashMap<>();
  private final Journal journal;
  private final Clock clock;

  JournalHandoffLog(Journal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
  }

  @Override
  public boolean claim(String scheduleId, Instant handoff) {
    Claim claim = new Claim(scheduleId, handoff);
    if (claimed.containsKey(claim)) {
      return false;
    }
    byte[] line = JournalFormat.line(CLAIM, payload(claim));
    return journal.change(tx -> {
      if (claimed.containsKey(claim)) {
        return false; // a racing caller came first
      }
      tx.append(line);
      claimed.put(claim, Boolean.TRUE);
      return true;
    });
  }

  private static ObjectNode payload(Claim claim) {
    ObjectNode payload = Codec.object().put("schedule", claim.scheduleId());
    Codec.put(payload, "handoff", claim.handoff());
    return payload;
  }

  @Override
  public String name() {
    return "handoffs";
  }

  @Override
  public void replay(String type, JsonNode p) {
    if (!type.equals(CLAIM)) {
      throw new IllegalArgumentException("unknown record type " + type);
    }
    claimed.put(new Claim(Codec.text(p, "schedule"), Codec.instant(p, "handoff")), Boolean.TRUE);
  }

  @Override
  public void writeState(Sink out) throws IOException {
    Instant horizon = clock.instant().minus(RETENTION);
    claimed.keySet().removeIf(claim -> claim.handoff().isBefore(horizon));
    for (Claim claim : claimed.keySet()) {
      out.write(CLAIM, payload(claim));
    }
  }
}
