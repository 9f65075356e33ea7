package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts as one row per fingerprint; a batch is one upsert ({@link AlertRows#UPSERT}), which
 * keeps the episode rule ({@link AlertStore#continued}) inside the statement, so two instances
 * updating one alert cannot lose its start. Times are kept to the microsecond (PostgreSQL's
 * precision); alerts come back truncated so.
 */
final class PgAlertStore implements AlertStore {
  private final Db db;

  PgAlertStore(Db db) {
    this.db = db;
  }

  @Override
  public List<Alert> receive(List<Alert> alerts, Instant now) {
    AlertRows rows = AlertRows.of(alerts, now);
    Map<Long, Instant> startedAt = db.run("store " + rows.size() + " alerts", c -> {
      try (PreparedStatement s = c.prepareStatement(AlertRows.UPSERT)) {
        rows.bind(c, s, 1);
        Map<Long, Instant> started = new HashMap<>(rows.size() * 2);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            started.put(rs.getLong("fingerprint"), instant(rs, "starts_at"));
          }
        }
        return started;
      }
    });
    return rows.stored(startedAt);
  }

  @Override
  public void resolved(Alert ended, Instant now) {
    db.run("resolve an alert", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE alert_router.alert SET ends_at = ? WHERE fingerprint = ? AND ends_at > ?")) {
        s.setObject(1, ts(AlertRows.micros(ended).endsAt()));
        s.setLong(2, ended.fingerprint().value());
        s.setObject(3, ts(now));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public List<Alert> all() {
    return db.run("read the alerts", c -> {
      List<Alert> all = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT " + AlertRows.COLUMNS + " FROM alert_router.alert");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.add(AlertRows.read(rs));
        }
      }
      return all;
    });
  }

  @Override
  public Counts counts(Instant now) {
    return db.run("count the alerts", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT count(*), count(*) FILTER (WHERE ends_at > ?) FROM alert_router.alert")) {
        s.setObject(1, ts(now));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return new Counts(rs.getInt(1), rs.getInt(2));
        }
      }
    });
  }

  /** A round trip on a pooled connection: the database answers, whatever the table holds. */
  @Override
  public void probe() {
    db.run("reach the database", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1"); ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    });
  }

  @Override
  public List<Fingerprint> expire(Instant cutoff) {
    return db.run("drop resolved alerts", c -> {
      List<Fingerprint> dropped = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM alert_router.alert WHERE ends_at <= ? RETURNING fingerprint")) {
        s.setObject(1, ts(cutoff));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            dropped.add(new Fingerprint(rs.getLong(1)));
          }
        }
      }
      return dropped;
    });
  }
}
