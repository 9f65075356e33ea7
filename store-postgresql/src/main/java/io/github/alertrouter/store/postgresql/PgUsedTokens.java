package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.store.UsedTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Used action-link nonces, one row each until the link expires. */
final class PgUsedTokens implements UsedTokens {
  private final Db db;
  private final Clock clock;

  PgUsedTokens(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean markUsed(String nonce, Instant expiresAt) {
    Instant now = clock.instant();
    return db.run("mark an action link used", c -> {
      try (PreparedStatement sweep = c.prepareStatement("DELETE FROM alert_router.used_token WHERE expires_at <= ?")) {
        sweep.setObject(1, ts(now));
        sweep.executeUpdate();
      }
      // a row left by an expired mark may be taken over; a live one wins, whoever races it
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO alert_router.used_token (nonce, expires_at) VALUES (?, ?)"
              + " ON CONFLICT (nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at"
              + " WHERE alert_router.used_token.expires_at <= ?")) {
        s.setString(1, nonce);
        s.setObject(2, ts(expiresAt));
        s.setObject(3, ts(now));
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean isUsed(String nonce) {
    Instant now = clock.instant();
    return db.run("read a used action link", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT 1 FROM alert_router.used_token WHERE nonce = ? AND expires_at > ?")) {
        s.setString(1, nonce);
        s.setObject(2, ts(now));
        try (ResultSet rs = s.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public void release(String nonce) {
    db.run("release an action link", c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_router.used_token WHERE nonce = ?")) {
        s.setString(1, nonce);
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Map<String, Instant> used() {
    Instant now = clock.instant();
    return db.run("read used action links", c -> {
      Map<String, Instant> live = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT nonce, expires_at FROM alert_router.used_token WHERE expires_at > ?")) {
        s.setObject(1, ts(now));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            live.put(rs.getString("nonce"), instant(rs, "expires_at"));
          }
        }
      }
      return live;
    });
  }
}
