package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.NotificationLog;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The notification log as one row per (group, robot). */
final class PgNotificationLog implements NotificationLog {
  private final Db db;

  PgNotificationLog(Db db) {
    this.db = db;
  }

  @Override
  public Entry get(String group, String robotId) {
    return db.run("read the notification log", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT firing, resolved, at FROM alert_router.notification_log WHERE group_key = ? AND robot_id = ?")) {
        s.setString(1, Db.key(group));
        s.setString(2, robotId);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? entry(rs) : null;
        }
      }
    });
  }

  @Override
  public void record(String group, String robotId, Entry entry) {
    db.run("record a delivered notice", c -> record(c, group, robotId, entry));
  }

  /**
   * Records a delivery on {@code c}, in whatever transaction it is in (the outbox commits it with
   * the entry's end). An entry older than the one recorded is ignored: a late answer (a request
   * that was out while a newer notice went through another member) must not make the group's
   * chat look as if it had received less than it did.
   */
  static int record(Connection c, String group, String robotId, Entry entry) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO alert_router.notification_log (group_key, robot_id, firing, resolved, at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (group_key, robot_id) DO UPDATE"
            + " SET firing = EXCLUDED.firing, resolved = EXCLUDED.resolved, at = EXCLUDED.at"
            + " WHERE alert_router.notification_log.at <= EXCLUDED.at")) {
      s.setString(1, Db.key(group));
      s.setString(2, robotId);
      s.setArray(3, array(c, entry.firing()));
      s.setArray(4, array(c, entry.resolved()));
      s.setObject(5, ts(entry.at()));
      return s.executeUpdate();
    }
  }

  @Override
  public void forget(String group) {
    db.run("forget a group's notices", c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_router.notification_log WHERE group_key = ?")) {
        s.setString(1, Db.key(group));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Map<String, Map<String, Entry>> entries() {
    return db.run("read the notification log", c -> {
      Map<String, Map<String, Entry>> all = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement(
              "SELECT group_key, robot_id, firing, resolved, at FROM alert_router.notification_log");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.computeIfAbsent(Db.unkey(rs.getString("group_key")), g -> new HashMap<>()).put(rs.getString("robot_id"), entry(rs));
        }
      }
      return all;
    });
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(fingerprints(rs.getArray("firing")), fingerprints(rs.getArray("resolved")), instant(rs, "at"));
  }

  private static Array array(Connection c, Set<Fingerprint> fingerprints) throws SQLException {
    return c.createArrayOf("bigint", fingerprints.stream().map(Fingerprint::value).toArray());
  }

  private static Set<Fingerprint> fingerprints(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    Set<Fingerprint> set = new LinkedHashSet<>(values.length * 2);
    for (Object v : values) {
      set.add(new Fingerprint((Long) v));
    }
    return set;
  }
}
