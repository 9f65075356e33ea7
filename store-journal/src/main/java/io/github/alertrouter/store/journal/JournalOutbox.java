package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.github.alertrouter.store.KeptEntries;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.OutboxJson;
import io.github.alertrouter.store.Receipt;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each robot's queue of deliveries, kept until its lane says how each ended. Core's in-memory
 * outbox is the reference for what it keeps (per robot, every entry not ended in queue order, and
 * which of them wait), but not wrapped: it cannot name its entries, and the records need a name
 * that lets a replaced entry keep its place in a replay and a compaction.
 *
 * <p>Records: {@code outbox.offer} carries the entry as {@link OutboxJson} and its id, a number
 * that is new for an entry added at the end and the old one's for an entry that replaced another
 * (replay puts it in the same place). {@code outbox.end} carries the ids that ended and, when they
 * were delivered, their notification-log records: one record, so a crash keeps both or neither
 * (a torn last record is dropped whole), and the log seam's state includes them from then on.
 * Taking an entry, letting go and reloading are not journaled: an entry taken and never ended
 * comes back at the next open, the one duplicate allowed (its POST was out at the crash).
 * Compaction writes an offer per entry not ended, in queue order, with its id.
 *
 * <p>An entry read back has {@link Receipt#NONE} and waits only once the queue is reloaded, as a
 * new process's view of a durable outbox does; entries offered since open keep their receipts
 * until {@link Queue#release}. Thread-safe: a queue's memory is guarded by the queue, and its
 * changes also hold the journal's lock (always taken first).
 */
final class JournalOutbox implements Outbox, Seam {
  private static final String OFFER = "outbox.offer";
  private static final String END = "outbox.end";

  private final Map<String, RobotQueue> queues = new ConcurrentHashMap<>();
  private final Journal journal;
  private final JournalNotificationLog log;
  private long nextId; // guarded by the journal's lock (changes, replay)

  JournalOutbox(Journal journal, JournalNotificationLog log) {
    this.journal = journal;
    this.log = log;
  }

  @Override
  public Queue queue(String robotKey) {
    return robotQueue(robotKey);
  }

  private RobotQueue robotQueue(String robotKey) {
    return queues.computeIfAbsent(Objects.requireNonNull(robotKey, "robotKey"), RobotQueue::new);
  }

  @Override
  public long depth() {
    return queues.values().stream().mapToLong(RobotQueue::kept).sum();
  }

  @Override
  public String toString() {
    return "JournalOutbox[" + queues.size() + " robots]";
  }

  private final class RobotQueue implements Queue {
    private final String robotKey;
    private final KeptEntries entries = new KeptEntries(); // guarded by this

    RobotQueue(String robotKey) {
      this.robotKey = robotKey;
    }

    @Override
    public Entry offer(Entry entry) {
      String json = OutboxJson.write(entry); // encoded before the lock: the lock is held for the write only
      return journal.change(tx -> {
        synchronized (this) {
          Entry old = entries.waitingWithKey(entry.key());
          long id = old == null ? nextId : entries.id(old);
          tx.append(JournalFormat.line(OFFER, offered(robotKey, id, json)));
          if (old == null) {
            nextId++;
          }
          entries.offered(old, entry, id);
          return old;
        }
      });
    }

    @Override
    public synchronized Entry take() {
      return entries.take();
    }

    @Override
    public synchronized List<Entry> takeNotifications() {
      return entries.takeNotifications();
    }

    @Override
    public void ended(List<Entry> taken, Receipt.Outcome outcome, Instant at) {
      List<Delivered> delivered = outcome == Receipt.Outcome.DELIVERED
          ? taken.stream().map(Entry::delivered).filter(Objects::nonNull).toList() : List.of();
      List<ObjectNode> records = delivered.stream()
          .map(d -> JournalNotificationLog.payload(d.group(), d.robotId(), d.entry(at))).toList();
      journal.change(tx -> {
        synchronized (this) {
          // an entry this queue does not hold (let go of since it was taken) stays for the next reload
          List<Long> ending = new ArrayList<>();
          taken.forEach(e -> {
            Long id = entries.id(e);
            if (id != null) {
              ending.add(id);
            }
          });
          if (ending.isEmpty() && records.isEmpty()) {
            return null;
          }
          tx.append(JournalFormat.line(END, end(robotKey, ending, outcome, at, records)));
          ending.forEach(entries::end);
          delivered.forEach(d -> log.apply(d.group(), d.robotId(), d.entry(at)));
          return null;
        }
      });
    }

    @Override
    public synchronized int release() {
      return entries.release(); // the receipts belong to what this process gave up
    }

    @Override
    public synchronized List<Entry> reload() {
      return entries.reload();
    }

    @Override
    public synchronized int size() {
      return entries.size();
    }

    @Override
    public synchronized int notifications() {
      return entries.notifications();
    }

    synchronized int kept() {
      return entries.kept();
    }

    /** An offer read back: in place of the entry with its id, else at the end. Waits once reloaded. */
    synchronized void replayOffer(long id, Entry entry) {
      entries.restore(id, entry);
    }

    synchronized void replayEnd(JsonNode ids) {
      ids.forEach(id -> entries.end(id.asLong()));
    }

    synchronized void writeState(Sink out) throws IOException {
      for (Map.Entry<Long, Entry> e : entries.byId().entrySet()) {
        out.write(OFFER, offered(robotKey, e.getKey(), OutboxJson.write(e.getValue())));
      }
    }
  }

  private static ObjectNode offered(String robotKey, long id, String entryJson) {
    ObjectNode payload = Codec.object().put("robot", robotKey).put("id", id);
    payload.putRawValue("entry", new RawValue(entryJson)); // OutboxJson's text, nested as it is
    return payload;
  }

  private static ObjectNode end(String robotKey, List<Long> ids, Receipt.Outcome outcome, Instant at,
      List<ObjectNode> records) {
    ObjectNode payload = Codec.object().put("robot", robotKey);
    ids.forEach(payload.putArray("ids")::add);
    payload.put("outcome", outcome.name());
    Codec.put(payload, "at", at);
    ArrayNode log = payload.putArray("log");
    records.forEach(log::add);
    return payload;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public void replay(String type, JsonNode p) {
    RobotQueue queue = robotQueue(Codec.text(p, "robot"));
    switch (type) {
      case OFFER -> {
        JsonNode id = Codec.field(p, "id");
        if (!id.canConvertToLong()) {
          throw new IllegalArgumentException("\"id\" is not a number");
        }
        queue.replayOffer(id.asLong(), OutboxJson.read(Codec.field(p, "entry").toString()));
        nextId = Math.max(nextId, id.asLong() + 1);
      }
      case END -> {
        queue.replayEnd(Codec.field(p, "ids"));
        p.path("log").forEach(log::replayRecord);
      }
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    for (RobotQueue queue : queues.values()) {
      queue.writeState(out);
    }
  }
}
