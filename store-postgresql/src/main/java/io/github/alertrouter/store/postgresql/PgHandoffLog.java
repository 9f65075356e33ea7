package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.store.HandoffLog;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/** Handoffs claimed by inserting them: the primary key lets one instance win. */
final class PgHandoffLog implements HandoffLog {
  /** Claims older than this before the one being made are dropped: no schedule looks back that far. */
  private static final Duration RETENTION = Duration.ofDays(7);

  private final Db db;

  PgHandoffLog(Db db) {
    this.db = db;
  }

  @Override
  public boolean claim(String scheduleId, Instant handoff) {
    return db.run("claim an on-call handoff", c -> {
      int inserted;
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO alert_router.handoff (schedule_id, handoff_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
        s.setString(1, scheduleId);
        s.setObject(2, ts(handoff));
        inserted = s.executeUpdate();
      }
      if (inserted == 1) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_router.handoff WHERE handoff_at < ?")) {
          s.setObject(1, ts(handoff.minus(RETENTION)));
          s.executeUpdate();
        }
      }
      return inserted == 1;
    });
  }
}
