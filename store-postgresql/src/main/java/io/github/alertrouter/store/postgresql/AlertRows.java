package io.github.alertrouter.store.postgresql;

import static io.github.alertrouter.store.postgresql.Db.instant;
import static io.github.alertrouter.store.postgresql.Db.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.Alert;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch of alerts as rows of {@code alert_router.alert}, written by one upsert ({@link #UPSERT}),
 * and a row read back ({@link #read}). Both intakes use it, {@link PgAlertStore}'s and {@link
 * PgFleet}'s, so that an alert is stored the same whichever member accepts it. Times are kept to
 * the microsecond (PostgreSQL's precision); alerts come back truncated so.
 */
final class AlertRows {
  /** The columns {@link #read} reads, in its order. */
  static final String COLUMNS = "labels, annotations, starts_at, ends_at, generator_url";
  /**
   * The batch as one statement (an upsert of unnested arrays), so 500 alerts cost one round trip,
   * with the episode rule ({@link AlertStore#continued}) inside it, so that two instances updating
   * one alert cannot lose its start. Returns {@code fingerprint, starts_at}; {@link #bind} sets its
   * parameters.
   */
  static final String UPSERT = "INSERT INTO alert_router.alert AS a"
      + " (fingerprint, labels, annotations, starts_at, ends_at, generator_url)"
      + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],"
      + " ?::text[])"
      + " ON CONFLICT (fingerprint) DO UPDATE SET labels = EXCLUDED.labels, annotations = EXCLUDED.annotations,"
      + " starts_at = CASE WHEN a.ends_at > ? AND a.starts_at < EXCLUDED.starts_at THEN a.starts_at"
      + " ELSE EXCLUDED.starts_at END,"
      + " ends_at = EXCLUDED.ends_at, generator_url = EXCLUDED.generator_url"
      + " RETURNING fingerprint, starts_at";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private final List<Alert> given;
  private final long[] fingerprints; // of given, computed once: hashing the labels is not free
  private final Map<Long, Alert> rows;
  private final Instant now;

  private AlertRows(List<Alert> given, long[] fingerprints, Map<Long, Alert> rows, Instant now) {
    this.given = given;
    this.fingerprints = fingerprints;
    this.rows = rows;
    this.now = now;
  }

  /** {@code alerts} received at {@code now}, one row per fingerprint. */
  static AlertRows of(List<Alert> alerts, Instant now) {
    // one row per fingerprint in the statement (an upsert may not touch a row twice): a later
    // alert of the batch updates an earlier one here, by the same rule the database applies;
    // in fingerprint order, so that two batches sharing alerts lock their rows in the same order
    // (in the order received, two instances' batches could deadlock)
    long[] fingerprints = new long[alerts.size()];
    Map<Long, Alert> rows = new TreeMap<>();
    for (int i = 0; i < fingerprints.length; i++) {
      Alert alert = alerts.get(i);
      fingerprints[i] = alert.fingerprint().value();
      rows.merge(fingerprints[i], alert, (earlier, later) -> AlertStore.continued(micros(earlier), micros(later), now));
    }
    return new AlertRows(alerts, fingerprints, rows, now);
  }

  /** How many rows the upsert writes. */
  int size() {
    return rows.size();
  }

  /** Sets {@link #UPSERT}'s parameters in {@code s}, the first at index {@code first}. */
  void bind(Connection c, PreparedStatement s, int first) throws SQLException {
    int n = rows.size();
    Object[] fingerprints = new Object[n];
    String[] labels = new String[n];
    String[] annotations = new String[n];
    String[] starts = new String[n];
    String[] ends = new String[n];
    String[] urls = new String[n];
    StringBuilder json = new StringBuilder(256);
    int i = 0;
    for (Map.Entry<Long, Alert> row : rows.entrySet()) {
      Alert a = row.getValue();
      fingerprints[i] = row.getKey();
      labels[i] = json(json, a.labels());
      annotations[i] = json(json, a.annotations());
      starts[i] = micros(a.startsAt()).toString();
      ends[i] = micros(a.endsAt()).toString();
      urls[i] = a.generatorURL();
      i++;
    }
    s.setArray(first, c.createArrayOf("bigint", fingerprints));
    s.setArray(first + 1, c.createArrayOf("text", labels));
    s.setArray(first + 2, c.createArrayOf("text", annotations));
    s.setArray(first + 3, c.createArrayOf("text", starts));
    s.setArray(first + 4, c.createArrayOf("text", ends));
    s.setArray(first + 5, c.createArrayOf("text", urls));
    s.setObject(first + 6, ts(now));
  }

  /**
   * The alerts as stored, in the order given, from the start the upsert kept for each fingerprint
   * ({@code startedAt}, by fingerprint value).
   */
  List<Alert> stored(Map<Long, Instant> startedAt) {
    Map<Long, Alert> stored = new HashMap<>(rows.size() * 2);
    List<Alert> out = new ArrayList<>(given.size());
    for (int i = 0; i < fingerprints.length; i++) {
      out.add(stored.computeIfAbsent(fingerprints[i], fp -> stored(rows.get(fp), startedAt.get(fp))));
    }
    return out;
  }

  /** {@code row} with the start the database kept, and its end as stored; itself when they are. */
  private static Alert stored(Alert row, Instant start) {
    Instant end = micros(row.endsAt());
    if (start.equals(row.startsAt()) && end.equals(row.endsAt())) {
      return row; // the common case: no copy of its labels
    }
    return new Alert(row.labels(), row.annotations(), start, end, row.generatorURL());
  }

  /** The alert in the current row of {@code rs}, which selected {@link #COLUMNS}. */
  static Alert read(ResultSet rs) throws SQLException {
    return new Alert(map(rs.getString("labels")), map(rs.getString("annotations")), instant(rs, "starts_at"),
        instant(rs, "ends_at"), rs.getString("generator_url"));
  }

  /** {@code a} with its times as a timestamptz column keeps them. */
  static Alert micros(Alert a) {
    return new Alert(a.labels(), a.annotations(), micros(a.startsAt()), micros(a.endsAt()), a.generatorURL());
  }

  private static Instant micros(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * {@code map} as a JSON object, written by hand: Jackson's map serializer was a measurable share
   * of an intake, and a map of strings needs only string escaping ({@code "}, {@code \\} and
   * control characters; {@link #map} reads it back).
   */
  static String json(StringBuilder out, Map<String, String> map) {
    out.setLength(0);
    out.append('{');
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      string(out, e.getKey()).append(':');
      string(out, e.getValue());
    }
    return out.append('}').toString();
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"');
  }

  private static TreeMap<String, String> map(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new StoreException("PostgreSQL store: an alert's labels are not JSON", e);
    }
  }
}
