package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.store.RateWindows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rate windows every instance counts in: a robot's sends within its longest window, and its
 * penalty. The arithmetic is core's own window, replayed from the rows on each call, so that a
 * shared window counts exactly as the in-memory one; taking a permit locks the robot's row, so
 * racing instances are counted one after the other.
 */
final class PgRateWindows implements RateWindows {
  private final Db db;

  PgRateWindows(Db db) {
    this.db = db;
  }

  @Override
  public Window window(String robotKey, List<RateLimit> limits) {
    db.run("create a rate window", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO alert_router.rate_window (robot_key) VALUES (?) ON CONFLICT DO NOTHING")) {
        s.setString(1, robotKey);
        return s.executeUpdate();
      }
    });
    Duration longest = limits.stream().map(RateLimit::period).max(Duration::compareTo).orElse(Duration.ZERO);
    return new Shared(robotKey, List.copyOf(limits), longest);
  }

  private final class Shared implements Window {
    private final String robotKey;
    private final List<RateLimit> limits;
    private final Duration longest;

    Shared(String robotKey, List<RateLimit> limits, Duration longest) {
      this.robotKey = robotKey;
      this.limits = limits;
      this.longest = longest;
    }

    @Override
    public int available(Instant now) {
      return db.run("read a rate window", c -> replay(c, now, false).available(now));
    }

    @Override
    public Duration waitTime(Instant now) {
      return db.run("read a rate window", c -> replay(c, now, false).waitTime(now));
    }

    @Override
    public Instant penaltyEnds(Instant now) {
      return db.run("read a rate window", c -> replay(c, now, false).penaltyEnds(now));
    }

    @Override
    public void recordSend(Instant now) {
      db.run("record a send", c -> insertSend(c, now));
    }

    @Override
    public Duration tryAcquire(Instant now) {
      return db.tx("take a rate-window permit", c -> {
        Duration wait = replay(c, now, true).tryAcquire(now);
        if (wait.isZero()) {
          insertSend(c, now);
          try (PreparedStatement s = c.prepareStatement(
              "DELETE FROM alert_router.rate_send WHERE robot_key = ? AND sent_at <= ?")) {
            s.setString(1, robotKey);
            s.setObject(2, ts(now.minus(longest)));
            s.executeUpdate();
          }
        }
        return wait;
      });
    }

    @Override
    public void penalise(Instant until) {
      db.run("record a platform penalty", c -> {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_router.rate_window"
            + " SET penalty_until = GREATEST(COALESCE(penalty_until, ?), ?) WHERE robot_key = ?")) {
          s.setObject(1, ts(until));
          s.setObject(2, ts(until));
          s.setString(3, robotKey);
          return s.executeUpdate();
        }
      });
    }

    /** The window as the rows say at {@code now}, in memory; {@code lock} holds the robot's row until commit. */
    private Window replay(Connection c, Instant now, boolean lock) throws SQLException {
      Window w = RateWindows.inMemory().window(robotKey, limits);
      try (PreparedStatement s = c.prepareStatement("SELECT penalty_until FROM alert_router.rate_window"
          + " WHERE robot_key = ?" + (lock ? " FOR UPDATE" : ""))) {
        s.setString(1, robotKey);
        try (ResultSet rs = s.executeQuery()) {
          Instant penalty = rs.next() ? instant(rs, "penalty_until") : null;
          if (penalty != null) {
            w.penalise(penalty);
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT sent_at FROM alert_router.rate_send"
          + " WHERE robot_key = ? AND sent_at > ? ORDER BY sent_at")) {
        s.setString(1, robotKey);
        s.setObject(2, ts(now.minus(longest)));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            w.recordSend(instant(rs, "sent_at"));
          }
        }
      }
      return w;
    }

    private int insertSend(Connection c, Instant now) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO alert_router.rate_send (robot_key, sent_at) VALUES (?, ?)")) {
        s.setString(1, robotKey);
        s.setObject(2, ts(now));
        return s.executeUpdate();
      }
    }
  }
}
