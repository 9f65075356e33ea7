package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;

import io.github.alertrouter.Alert;
import io.github.alertrouter.store.Fleet;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One member of a fleet on the database: the lease is the one row of {@code fleet_lease}, and
 * alerts accepted while not routing them wait in {@code alert_change} for the holder. Every time
 * is the database's ({@code clock_timestamp()}): the members' clocks may disagree, the
 * database's is the one they share. Each method is one autocommit statement.
 */
final class PgFleet implements Fleet {
  /**
   * The lease row while this member holds it, locked FOR SHARE: a member taking the lease over
   * updates that row, so it waits until the statement that found the lease valid commits, and then
   * reads what that statement stored. Uses {@code clock_timestamp()}, not {@code now()}: a
   * statement that waited for a lock rechecks the lease at the time it got it.
   */
  private static final String HELD = "SELECT 1 FROM alert_router.fleet_lease"
      + " WHERE name = 'fleet' AND holder = ? AND expires_at > clock_timestamp() FOR SHARE";

  // a holder whose lease expired while nobody took it may renew it: nobody else held it meanwhile
  private static final String HOLD = "UPDATE alert_router.fleet_lease"
      + " SET holder = ?, expires_at = clock_timestamp() + ? * interval '1 microsecond'"
      + " WHERE name = 'fleet' AND (holder = ? OR expires_at <= clock_timestamp())";

  private static final String RELEASE = "UPDATE alert_router.fleet_lease SET expires_at = '-infinity'"
      + " WHERE name = 'fleet' AND holder = ?";

  // route is the outer side of a left join ON true, which only a nested loop can run, so the
  // lease is checked (and locked) before the upsert runs, and the left join answers one row for
  // an empty batch; the inbox insert runs after the main query, from what stored returned
  private static final String RECEIVE = "WITH lease AS (" + HELD + "),"
      + " route AS (SELECT ?::boolean AND EXISTS (SELECT 1 FROM lease) AS here),"
      + " stored AS (" + AlertRows.UPSERT + "),"
      + " inbox AS (INSERT INTO alert_router.alert_change (fingerprint)"
      + " SELECT fingerprint FROM stored WHERE NOT (SELECT here FROM route))"
      + " SELECT route.here, stored.fingerprint, stored.starts_at FROM route LEFT JOIN stored ON true";

  // the alerts as the statement's snapshot has them: an inbox row it sees was committed with its
  // alert's upsert; an alert expired meanwhile has nothing left to route and is dropped
  private static final String TAKE_NEW = "WITH lease AS (" + HELD + "),"
      + " taken AS (DELETE FROM alert_router.alert_change WHERE EXISTS (SELECT 1 FROM lease)"
      + " RETURNING id, fingerprint)"
      + " SELECT a.labels, a.annotations, a.starts_at, a.ends_at, a.generator_url"
      + " FROM (SELECT fingerprint, min(id) AS first FROM taken GROUP BY fingerprint) t"
      + " JOIN alert_router.alert a ON a.fingerprint = t.fingerprint ORDER BY t.first";

  private final Db db;
  private final String member;
  private final Duration leaseTtl;
  private final long ttlMicros;

  PgFleet(Db db, String member, Duration leaseTtl) {
    this.db = db;
    this.member = Objects.requireNonNull(member, "member");
    this.leaseTtl = Objects.requireNonNull(leaseTtl, "leaseTtl");
    // saturates past 292,000 years, which no lease needs
    this.ttlMicros = TimeUnit.MICROSECONDS.convert(leaseTtl);
    if (ttlMicros <= 0) {
      throw new IllegalArgumentException("leaseTtl must be >= 1 microsecond, but was " + leaseTtl);
    }
  }

  @Override
  public String member() {
    return member;
  }

  @Override
  public Duration leaseTtl() {
    return leaseTtl;
  }

  @Override
  public boolean hold() {
    return db.run("hold the fleet's lease", c -> {
      try (PreparedStatement s = c.prepareStatement(HOLD)) {
        s.setString(1, member);
        s.setLong(2, ttlMicros);
        s.setString(3, member);
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void release() {
    db.run("release the fleet's lease", c -> {
      try (PreparedStatement s = c.prepareStatement(RELEASE)) {
        s.setString(1, member);
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Intake receive(List<Alert> alerts, Instant now, boolean routeHere) {
    AlertRows rows = AlertRows.of(alerts, now);
    Upserted upserted = db.run("store " + rows.size() + " alerts", c -> {
      try (PreparedStatement s = c.prepareStatement(RECEIVE)) {
        s.setString(1, member);
        s.setBoolean(2, routeHere);
        rows.bind(c, s, 3);
        boolean here = false;
        Map<Long, Instant> startedAt = new HashMap<>(rows.size() * 2);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            here = rs.getBoolean("here");
            long fingerprint = rs.getLong("fingerprint");
            if (!rs.wasNull()) { // the one row of an empty batch has none
              startedAt.put(fingerprint, instant(rs, "starts_at"));
            }
          }
        }
        return new Upserted(here, startedAt);
      }
    });
    return new Intake(rows.stored(upserted.startedAt()), upserted.routeHere());
  }

  @Override
  public List<Alert> takeNew() {
    return db.run("take the new alerts", c -> {
      List<Alert> taken = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(TAKE_NEW)) {
        s.setString(1, member);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            taken.add(AlertRows.read(rs));
          }
        }
      }
      return taken;
    });
  }

  @Override
  public String toString() {
    return "PgFleet[" + member + "]";
  }

  /** What the intake statement answered: whether to route here, and each fingerprint's kept start. */
  private record Upserted(boolean routeHere, Map<Long, Instant> startedAt) {}
}
