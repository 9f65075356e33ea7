package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Alerts: core's in-memory store, each change journaled as the call that made it. Replaying
 * {@code receive}, {@code resolved} and {@code expire} in order rebuilds the same map, since the
 * in-memory store's rules (an update keeps the episode's start) depend only on what came before.
 */
final class JournalAlertStore implements AlertStore, Seam {
  private static final String RECEIVE = "alerts.receive";
  private static final String RESOLVED = "alerts.resolved";
  private static final String EXPIRE = "alerts.expire";
  /** Compaction writes the alerts in batches of this many, one record each. */
  private static final int BATCH = 500;

  private final AlertStore memory = AlertStore.inMemory();
  private final Journal journal;

  JournalAlertStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public List<Alert> receive(List<Alert> alerts, Instant now) {
    byte[] line = receiveRecord(alerts, now); // encoded before the lock: the lock is held for the write only
    return journal.change(tx -> {
      tx.append(line);
      return memory.receive(alerts, now);
    });
  }

  @Override
  public void resolved(Alert ended, Instant now) {
    ObjectNode payload = Codec.object();
    payload.set("alert", Codec.alert(ended));
    Codec.put(payload, "now", now);
    byte[] line = JournalFormat.line(RESOLVED, payload);
    journal.change(tx -> {
      tx.append(line);
      memory.resolved(ended, now);
      return null;
    });
  }

  @Override
  public List<Alert> all() {
    return memory.all();
  }

  @Override
  public Counts counts(Instant now) {
    return memory.counts(now);
  }

  /** Throws while the journal cannot take changes (the last write or fsync failed, or it is closed). */
  @Override
  public void probe() {
    journal.checkWritable();
  }

  @Override
  public List<Fingerprint> expire(Instant cutoff) {
    return journal.change(tx -> {
      // journaled only when it drops something: it runs every few minutes, mostly for nothing
      if (memory.all().stream().noneMatch(a -> a.isResolvedAt(cutoff))) {
        return List.of();
      }
      ObjectNode payload = Codec.object();
      Codec.put(payload, "cutoff", cutoff);
      tx.append(JournalFormat.line(EXPIRE, payload));
      return memory.expire(cutoff);
    });
  }

  private static byte[] receiveRecord(List<Alert> alerts, Instant now) {
    return JournalFormat.line(RECEIVE, out -> {
      out.writeStartObject();
      Codec.writeInstant(out, "now", now);
      out.writeFieldName("alerts");
      Codec.writeAlerts(out, alerts);
      out.writeEndObject();
    });
  }

  @Override
  public String name() {
    return "alerts";
  }

  @Override
  public void replay(String type, JsonNode p) {
    switch (type) {
      case RECEIVE -> memory.receive(Codec.alerts(Codec.field(p, "alerts")), Codec.instant(p, "now"));
      case RESOLVED -> memory.resolved(Codec.alert(Codec.field(p, "alert")), Codec.instant(p, "now"));
      case EXPIRE -> memory.expire(Codec.instant(p, "cutoff"));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    List<Alert> all = memory.all();
    for (int from = 0; from < all.size(); from += BATCH) {
      // into an empty store, receive keeps each alert as it is, whatever "now" says
      List<Alert> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      ObjectNode payload = Codec.object();
      Codec.put(payload, "now", Instant.EPOCH);
      payload.set("alerts", Codec.alerts(batch));
      out.write(RECEIVE, payload);
    }
  }
}
