package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts as one row per fingerprint. A batch is one statement (an upsert of unnested arrays),
 * so a webhook of 500 alerts costs one round trip, and the episode rule ({@link
 * AlertStore#continued}) runs inside it, so two instances updating one alert cannot lose its start.
 * Times are kept to the microsecond (PostgreSQL's precision); alerts come back truncated so.
 */
final class PgAlertStore implements AlertStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
  private static final String UPSERT = "INSERT INTO alert_router.alert AS a"
      + " (fingerprint, labels, annotations, starts_at, ends_at, generator_url)"
      + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],"
      + " ?::text[])"
      + " ON CONFLICT (fingerprint) DO UPDATE SET labels = EXCLUDED.labels, annotations = EXCLUDED.annotations,"
      + " starts_at = CASE WHEN a.ends_at > ? AND a.starts_at < EXCLUDED.starts_at THEN a.starts_at"
      + " ELSE EXCLUDED.starts_at END,"
      + " ends_at = EXCLUDED.ends_at, generator_url = EXCLUDED.generator_url"
      + " RETURNING fingerprint, starts_at";

  private final Db db;

  PgAlertStore(Db db) {
    this.db = db;
  }

  @Override
  public List<Alert> receive(List<Alert> alerts, Instant now) {
    // one row per fingerprint in the statement (an upsert may not touch a row twice): a later
    // alert of the batch updates an earlier one here, by the same rule the database applies
    Map<Fingerprint, Alert> rows = new LinkedHashMap<>();
    for (Alert alert : alerts) {
      rows.merge(alert.fingerprint(), micros(alert), (earlier, later) -> AlertStore.continued(earlier, later, now));
    }
    int n = rows.size();
    Object[] fingerprints = new Object[n];
    String[] labels = new String[n];
    String[] annotations = new String[n];
    String[] starts = new String[n];
    String[] ends = new String[n];
    String[] urls = new String[n];
    int i = 0;
    for (Alert a : rows.values()) {
      fingerprints[i] = a.fingerprint().value();
      labels[i] = json(a.labels());
      annotations[i] = json(a.annotations());
      starts[i] = a.startsAt().toString();
      ends[i] = a.endsAt().toString();
      urls[i] = a.generatorURL();
      i++;
    }
    Map<Long, Instant> startedAt = db.run("store " + n + " alerts", c -> {
      try (PreparedStatement s = c.prepareStatement(UPSERT)) {
        s.setArray(1, c.createArrayOf("bigint", fingerprints));
        s.setArray(2, c.createArrayOf("text", labels));
        s.setArray(3, c.createArrayOf("text", annotations));
        s.setArray(4, c.createArrayOf("text", starts));
        s.setArray(5, c.createArrayOf("text", ends));
        s.setArray(6, c.createArrayOf("text", urls));
        s.setObject(7, ts(now));
        Map<Long, Instant> started = new HashMap<>(n * 2);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            started.put(rs.getLong(1), instant(rs, "starts_at"));
          }
        }
        return started;
      }
    });
    Map<Fingerprint, Alert> stored = new HashMap<>(n * 2);
    rows.forEach((fp, a) -> stored.put(fp, new Alert(a.labels(), a.annotations(), startedAt.get(fp.value()),
        a.endsAt(), a.generatorURL())));
    List<Alert> out = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      out.add(stored.get(alert.fingerprint()));
    }
    return out;
  }

  @Override
  public void resolved(Alert ended, Instant now) {
    db.run("resolve an alert", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE alert_router.alert SET ends_at = ? WHERE fingerprint = ? AND ends_at > ?")) {
        s.setObject(1, ts(micros(ended).endsAt()));
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
      try (PreparedStatement s = c.prepareStatement(
              "SELECT labels, annotations, starts_at, ends_at, generator_url FROM alert_router.alert");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.add(new Alert(map(rs.getString(1)), map(rs.getString(2)), instant(rs, "starts_at"),
              instant(rs, "ends_at"), rs.getString(5)));
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

  private static Alert micros(Alert a) {
    return new Alert(a.labels(), a.annotations(), a.startsAt().truncatedTo(ChronoUnit.MICROS),
        a.endsAt().truncatedTo(ChronoUnit.MICROS), a.generatorURL());
  }

  private static String json(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new StoreException("PostgreSQL store: cannot write labels as JSON", e);
    }
  }

  private static TreeMap<String, String> map(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new StoreException("PostgreSQL store: an alert's labels are not JSON", e);
    }
  }
}
