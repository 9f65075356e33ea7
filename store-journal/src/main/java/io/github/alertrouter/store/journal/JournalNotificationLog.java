package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.store.NotificationLog;
import java.io.IOException;
import java.util.Map;

/**
 * What each chat received: core's in-memory log, each delivery and each forgotten group journaled.
 * A delivery the outbox ends is journaled in the outbox's end record instead ({@link #apply}).
 */
final class JournalNotificationLog implements NotificationLog, Seam {
  private static final String RECORD = "log.record";
  private static final String FORGET = "log.forget";

  private final NotificationLog memory = NotificationLog.inMemory();
  private final Journal journal;

  JournalNotificationLog(Journal journal) {
    this.journal = journal;
  }

  @Override
  public Entry get(String group, String robotId) {
    return memory.get(group, robotId);
  }

  @Override
  public void record(String group, String robotId, Entry entry) {
    byte[] line = JournalFormat.line(RECORD, payload(group, robotId, entry));
    journal.change(tx -> {
      Entry previous = memory.get(group, robotId);
      if (previous != null && previous.at().isAfter(entry.at())) {
        return null; // the log ignores an older entry: nothing to keep
      }
      tx.append(line);
      memory.record(group, robotId, entry);
      return null;
    });
  }

  @Override
  public void forget(String group) {
    byte[] line = JournalFormat.line(FORGET, Codec.object().put("group", group));
    journal.change(tx -> {
      tx.append(line);
      memory.forget(group);
      return null;
    });
  }

  @Override
  public Map<String, Map<String, Entry>> entries() {
    return memory.entries();
  }

  /**
   * Records a delivery inside another seam's change, whose record carries this one's
   * {@link #payload}: the outbox commits a delivered entry's end and its log record as one.
   */
  void apply(String group, String robotId, Entry entry) {
    memory.record(group, robotId, entry);
  }

  /** {@link #apply} from a {@link #payload} read back (the same as a {@code log.record}'s). */
  void replayRecord(JsonNode p) {
    memory.record(Codec.text(p, "group"), Codec.text(p, "robot"), Codec.entry(Codec.field(p, "entry")));
  }

  /** A {@code log.record}'s payload: the outbox's end record carries these too. */
  static ObjectNode payload(String group, String robotId, Entry entry) {
    ObjectNode payload = Codec.object().put("group", group).put("robot", robotId);
    payload.set("entry", Codec.entry(entry));
    return payload;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void replay(String type, JsonNode p) {
    switch (type) {
      case RECORD -> replayRecord(p);
      case FORGET -> memory.forget(Codec.text(p, "group"));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    for (Map.Entry<String, Map<String, Entry>> group : memory.entries().entrySet()) {
      for (Map.Entry<String, Entry> robot : group.getValue().entrySet()) {
        out.write(RECORD, payload(group.getKey(), robot.getKey(), robot.getValue()));
      }
    }
  }
}
