package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.FiringSlot;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Escalation episodes: one row per group, and one per slot it fired. */
final class PgEscalationStore implements EscalationStore {
  private final Db db;

  PgEscalationStore(Db db) {
    this.db = db;
  }

  @Override
  public Optional<EscalationState> get(String groupKey) {
    return db.tx("read an escalation episode", c -> {
      Instant first;
      String ackBy;
      Instant ackAt;
      boolean resolved;
      try (PreparedStatement s = c.prepareStatement("SELECT first_notice_at, acknowledged_by, acknowledged_at, resolved"
          + " FROM alert_router.escalation WHERE group_key = ?")) {
        s.setString(1, Db.key(groupKey));
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          first = instant(rs, "first_notice_at");
          ackBy = rs.getString("acknowledged_by");
          ackAt = instant(rs, "acknowledged_at");
          resolved = rs.getBoolean("resolved");
        }
      }
      Map<FiringSlot, Instant> fired = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT step_index, repeat, loop, fired_at"
          + " FROM alert_router.escalation_fired WHERE group_key = ?")) {
        s.setString(1, Db.key(groupKey));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            fired.put(new FiringSlot(rs.getInt("step_index"), rs.getInt("repeat"), rs.getInt("loop")),
                instant(rs, "fired_at"));
          }
        }
      }
      return Optional.of(new EscalationState(first, fired, ackBy, ackAt, resolved));
    });
  }

  @Override
  public void put(String groupKey, EscalationState state) {
    db.tx("write an escalation episode", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_router.escalation"
          + " (group_key, first_notice_at, acknowledged_by, acknowledged_at, resolved) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (group_key) DO UPDATE SET first_notice_at = EXCLUDED.first_notice_at,"
          + " acknowledged_by = EXCLUDED.acknowledged_by, acknowledged_at = EXCLUDED.acknowledged_at,"
          + " resolved = EXCLUDED.resolved")) {
        s.setString(1, Db.key(groupKey));
        s.setObject(2, ts(state.firstNoticeAt()));
        s.setString(3, state.acknowledgedBy());
        s.setObject(4, ts(state.acknowledgedAt()));
        s.setBoolean(5, state.resolved());
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_router.escalation_fired WHERE group_key = ?")) {
        s.setString(1, Db.key(groupKey));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_router.escalation_fired"
          + " (group_key, step_index, repeat, loop, fired_at) VALUES (?, ?, ?, ?, ?)")) {
        for (Map.Entry<FiringSlot, Instant> f : state.fired().entrySet()) {
          s.setString(1, Db.key(groupKey));
          s.setInt(2, f.getKey().stepIndex());
          s.setInt(3, f.getKey().repeat());
          s.setInt(4, f.getKey().loop());
          s.setObject(5, ts(f.getValue()));
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void remove(String groupKey) {
    db.run("remove an escalation episode", c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_router.escalation WHERE group_key = ?")) {
        s.setString(1, Db.key(groupKey));
        return s.executeUpdate();
      }
    });
  }
}
