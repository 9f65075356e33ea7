package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.BindingStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Bindings, one row per (contact, platform). */
final class PgBindingStore implements BindingStore {
  private final Db db;

  PgBindingStore(Db db) {
    this.db = db;
  }

  @Override
  public Optional<Binding> find(String contactId, String platform) {
    return db.run("read a binding", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT mobile, bound_at FROM alert_router.binding WHERE contact_id = ? AND platform = ?")) {
        s.setString(1, contactId);
        s.setString(2, platform);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next()
              ? Optional.of(new Binding(contactId, platform, rs.getString("mobile"), instant(rs, "bound_at")))
              : Optional.empty();
        }
      }
    });
  }

  @Override
  public void put(Binding binding) {
    db.run("write a binding", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO alert_router.binding (contact_id, platform, mobile, bound_at) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (contact_id, platform) DO UPDATE SET mobile = EXCLUDED.mobile, bound_at = EXCLUDED.bound_at")) {
        s.setString(1, binding.contactId());
        s.setString(2, binding.platform());
        s.setString(3, binding.mobile());
        s.setObject(4, ts(binding.boundAt()));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public void remove(String contactId, String platform) {
    db.run("remove a binding", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM alert_router.binding WHERE contact_id = ? AND platform = ?")) {
        s.setString(1, contactId);
        s.setString(2, platform);
        return s.executeUpdate();
      }
    });
  }
}
