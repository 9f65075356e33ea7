package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Operator;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Run-time silences as one row per id; the matchers as JSON ({@code [{key, op, values}]}). */
final class PgSilenceStore implements SilenceStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Db db;

  PgSilenceStore(Db db) {
    this.db = db;
  }

  @Override
  public void put(Silence silence) {
    db.run("store a silence", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO alert_router.silence (id, matchers, starts_at, ends_at, created_by, comment)"
              + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET matchers = EXCLUDED.matchers,"
              + " starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, created_by = EXCLUDED.created_by,"
              + " comment = EXCLUDED.comment")) {
        s.setString(1, silence.id());
        s.setString(2, matchers(silence.matchers()));
        s.setObject(3, ts(silence.startsAt()));
        s.setObject(4, ts(silence.endsAt()));
        s.setString(5, silence.createdBy());
        s.setString(6, silence.comment());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public void remove(String id) {
    db.run("remove a silence", c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_router.silence WHERE id = ?")) {
        s.setString(1, id);
        return s.executeUpdate();
      }
    });
  }

  @Override
  public List<Silence> all() {
    return db.run("read the silences", c -> {
      List<Silence> all = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, matchers, starts_at, ends_at, created_by, comment"
              + " FROM alert_router.silence ORDER BY id COLLATE \"C\"");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.add(new Silence(rs.getString(1), conditions(rs.getString(2)), instant(rs, "starts_at"),
              instant(rs, "ends_at"), rs.getString(5), rs.getString(6)));
        }
      }
      return all;
    });
  }

  private static String matchers(List<Condition> conditions) {
    ArrayNode array = JSON.createArrayNode();
    for (Condition condition : conditions) {
      ObjectNode node = array.addObject();
      node.put("key", condition.key());
      node.put("op", condition.op().name());
      ArrayNode values = node.putArray("values");
      condition.values().forEach(values::add);
    }
    return array.toString();
  }

  private static List<Condition> conditions(String json) {
    try {
      List<Condition> conditions = new ArrayList<>();
      for (JsonNode node : JSON.readTree(json)) {
        List<String> values = new ArrayList<>();
        node.get("values").forEach(v -> values.add(v.asText()));
        conditions.add(new Condition(node.get("key").asText(), Operator.valueOf(node.get("op").asText()), values));
      }
      return conditions;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StoreException("PostgreSQL store: a silence's matchers cannot be read: " + e.getMessage(), e);
    }
  }
}
