package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.OutboxJson;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.store.WaitingEntries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox as rows of {@code alert_router.outbox}, each robot's waiting entries mirrored in this
 * process's memory. The lane reads its queue on every drain, so {@code take}, {@code size} and
 * {@code notifications} answer from the mirror; {@code offer} writes through (an insert, or an
 * update in place of a waiting entry with the same key) and {@code ended} deletes the rows in the
 * transaction that records a delivered entry in the notification log.
 *
 * <p>The mirror is authoritative between a {@link Queue#reload reload} and a {@link Queue#release
 * release} because only the fleet's lease holder sends: the lease is our claim on the rows, where
 * a queue shared by competing workers would claim each with {@code FOR UPDATE SKIP LOCKED}. A
 * robot's queue must go out in order and under one rate window anyway, so it has one consumer at
 * a time, and a row lock would hold a transaction (and a pooled connection) open across each
 * POST; nor does a reload skip locked rows: a row skipped because a late end of the member that
 * stepped down held it would, should that end roll back, wait unsent until the next takeover.
 */
final class PgOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(PgOutbox.class);

  private static final String INSERT = "INSERT INTO alert_router.outbox (id, position, robot_key, entry_key, entry)"
      + " SELECT n, n, ?, ?, ? FROM nextval('alert_router.outbox_seq') AS n RETURNING id";
  // a new id in the old place: an end of the replaced entry (a late one) no longer matches the row
  private static final String REPLACE = "UPDATE alert_router.outbox"
      + " SET id = nextval('alert_router.outbox_seq'), entry_key = ?, entry = ? WHERE id = ? RETURNING id";
  private static final String DELETE = "DELETE FROM alert_router.outbox WHERE id = ?";
  private static final String READ = "SELECT id, entry FROM alert_router.outbox WHERE robot_key = ? ORDER BY position";
  private static final String DEPTH = "SELECT count(*) FROM alert_router.outbox";

  private final Db db;
  private final ConcurrentHashMap<String, Mirror> queues = new ConcurrentHashMap<>();

  PgOutbox(Db db) {
    this.db = db;
  }

  @Override
  public Queue queue(String robotKey) {
    return queues.computeIfAbsent(robotKey, Mirror::new);
  }

  /** The rows, every member's: what a member that died left counts until someone ends it. */
  @Override
  public long depth() {
    return db.run("count the outbox", c -> {
      try (PreparedStatement s = c.prepareStatement(DEPTH); ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public String toString() {
    return "PgOutbox[" + queues.size() + " robots]";
  }

  /** One robot's queue: its rows, and in memory the entries waiting. Locked on itself. */
  private final class Mirror implements Queue {
    private final String robotKey;
    // guarded by this
    private final WaitingEntries waiting = new WaitingEntries();
    // every entry of this view not yet ended (waiting or out), with its row
    private final Map<Entry, Long> ids = new IdentityHashMap<>();
    // by row: the entries offered or read since the last release, which a reload keeps as they are
    private final Map<Long, Entry> held = new HashMap<>();

    Mirror(String robotKey) {
      this.robotKey = robotKey;
    }

    // under the lock through the write: a take between finding the waiting entry and replacing
    // its row would send the old one and then end (delete) the row holding the new one
    @Override
    public synchronized Entry offer(Entry entry) {
      String json = OutboxJson.write(entry);
      String key = entry.key() == null ? null : Db.key(entry.key());
      Entry replaced = waiting.withKey(entry.key());
      if (replaced != null) {
        long oldId = ids.get(replaced);
        Long id = db.run("replace a queued delivery", c -> replace(c, oldId, key, json));
        forget(replaced, oldId);
        if (id != null) {
          waiting.replace(replaced, entry);
          keep(entry, id);
          return replaced;
        }
        // a member that had it out ended it meanwhile: the newer entry queues at the end
        waiting.remove(replaced);
      }
      long id = db.run("queue a delivery", c -> insert(c, key, json));
      waiting.addLast(entry);
      keep(entry, id);
      return replaced;
    }

    @Override
    public synchronized Entry take() {
      return waiting.pollFirst();
    }

    @Override
    public synchronized List<Entry> takeNotifications() {
      return waiting.takeIf(e -> !e.delivery().isNotice());
    }

    @Override
    public void ended(List<Entry> taken, Receipt.Outcome outcome, Instant at) {
      List<Long> rows = new ArrayList<>();
      synchronized (this) {
        taken.forEach(e -> {
          Long id = ids.get(e);
          if (id != null) {
            rows.add(id);
          }
        });
      }
      // in one order for every member, so two ending the same entries (one of them late) cannot deadlock
      rows.sort(Comparator.naturalOrder());
      List<Delivered> records = outcome != Receipt.Outcome.DELIVERED ? List.of()
          : taken.stream().map(Entry::delivered).filter(Objects::nonNull)
              .sorted(Comparator.comparing((Delivered d) -> Db.key(d.group())).thenComparing(Delivered::robotId))
              .toList();
      if (rows.isEmpty() && records.isEmpty()) {
        return;
      }
      db.tx(outcome == Receipt.Outcome.DELIVERED ? "record delivered deliveries" : "end deliveries that gave up", c -> {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
          for (long id : rows) {
            s.setLong(1, id);
            s.addBatch();
          }
          s.executeBatch();
        }
        for (Delivered d : records) {
          PgNotificationLog.record(c, d.group(), d.robotId(), d.entry(at));
        }
        return null;
      });
      synchronized (this) {
        taken.forEach(e -> {
          Long id = ids.get(e);
          if (id != null) {
            forget(e, id);
          }
        });
      }
    }

    @Override
    public synchronized int release() {
      int count = ids.size();
      // an entry out now may still end (its request completes): its row is then deleted as usual
      waiting.toList().forEach(ids::remove);
      waiting.clear();
      held.clear();
      return count;
    }

    @Override
    public synchronized List<Entry> reload() {
      List<Row> rows = db.run("read a robot's outbox", this::read);
      Map<Long, Entry> kept = new HashMap<>();
      waiting.clear();
      ids.clear();
      for (Row row : rows) {
        Entry entry = held.get(row.id());
        if (entry == null) {
          try {
            entry = OutboxJson.read(row.json());
          } catch (IllegalArgumentException e) {
            // written by a newer release (or damaged): the rest of the queue must still go out
            LOG.warn("robot {}: outbox entry {} is left for a release that can read it: {}", robotId(), row.id(),
                e.getMessage());
            continue;
          }
        }
        kept.put(row.id(), entry);
        ids.put(entry, row.id());
        waiting.addLast(entry);
      }
      held.clear();
      held.putAll(kept);
      return waiting.toList();
    }

    @Override
    public synchronized int size() {
      return waiting.size();
    }

    @Override
    public synchronized int notifications() {
      return waiting.notifications();
    }

    private void keep(Entry entry, long id) {
      ids.put(entry, id);
      held.put(id, entry);
    }

    private void forget(Entry entry, long id) {
      ids.remove(entry);
      held.remove(id);
    }

    /** The robot's id without the hash of its webhook. */
    private String robotId() {
      int colon = robotKey.lastIndexOf(':');
      return colon < 0 ? robotKey : robotKey.substring(0, colon);
    }

    private long insert(Connection c, String key, String json) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(INSERT)) {
        s.setString(1, robotKey);
        s.setString(2, key);
        s.setString(3, json);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    /** The replacing entry's new id, or null when the row is gone. */
    private Long replace(Connection c, long oldId, String key, String json) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(REPLACE)) {
        s.setString(1, key);
        s.setString(2, json);
        s.setLong(3, oldId);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? rs.getLong(1) : null;
        }
      }
    }

    private List<Row> read(Connection c) throws SQLException {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(READ)) {
        s.setString(1, robotKey);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(new Row(rs.getLong("id"), rs.getString("entry")));
          }
        }
      }
      return rows;
    }
  }

  private record Row(long id, String json) {}
}
