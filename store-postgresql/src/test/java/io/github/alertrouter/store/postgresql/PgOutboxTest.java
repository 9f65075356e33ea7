package io.github.alertrouter.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the outbox contract does not reach: a failed end, the mirror while the database is down,
 * a late end from a member that stepped down, the notification log's newer-wins rule through an
 * end, and a row this release cannot read. Each "process" is its own {@link PostgresStores}.
 */
class PgOutboxTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  private static final String ROBOT = "ops:0123456789abcdef";
  // as the router writes them: the route path, NUL, the group key
  private static final String GROUP_A = "payments\u0000{}:{alertname=\"A\"}";
  private static final String GROUP_B = "payments\u0000{}:{alertname=\"B\"}";
  @RegisterExtension
  static final OnPostgres POSTGRES = new OnPostgres();

  private final ManualClock clock = new ManualClock(T0);
  private final List<PostgresStores> opened = new ArrayList<>();

  @BeforeEach
  void emptyState() throws Exception {
    if (!POSTGRES.server().isRunning()) {
      POSTGRES.server().restart();
    }
    PostgresStoreContractTest.empty(POSTGRES.server(), clock);
    POSTGRES.server().psql("DROP FUNCTION IF EXISTS alert_router.refuse() CASCADE");
  }

  @AfterEach
  void closeViews() {
    opened.forEach(PostgresStores::close);
  }

  private PostgresStores process(String url) {
    PostgresStores stores = PostgresStores.connect(url, clock);
    opened.add(stores);
    return stores;
  }

  private Outbox.Queue queue() {
    return process(POSTGRES.server().jdbcUrl()).outbox().queue(ROBOT);
  }

  private static Outbox.Entry entry(String group, String name) {
    Alert alert = Alert.firing(Map.of("alertname", name)).startsAt(T0).build();
    Notification n = new Notification("payments", group.substring(group.indexOf('\u0000') + 1),
        new TreeMap<>(Map.of("alertname", name)), NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(), List.of(),
        T0, 1, null);
    return new Outbox.Entry(new Delivery("ops", n, List.of(), null), group,
        new Outbox.Delivered(group, "ops", Set.of(alert.fingerprint()), Set.of()), Receipt.NONE);
  }

  private static List<String> names(Outbox.Queue queue) {
    List<String> names = new ArrayList<>();
    for (Outbox.Entry e = queue.take(); e != null; e = queue.take()) {
      names.add(e.delivery().notification().groupLabels().get("alertname"));
    }
    return names;
  }

  private long rows() {
    return Long.parseLong(POSTGRES.server().psql("SELECT count(*) FROM alert_router.outbox"));
  }

  @Test
  void aDeliveredEndWhoseTransactionFailsLeavesTheEntryForTheNextReloadAndNoLogRecord() {
    String url = POSTGRES.server().jdbcUrl() + "&password=NotNeeded1";
    Outbox.Queue sender = process(url).outbox().queue(ROBOT);
    sender.offer(entry(GROUP_A, "A"));
    Outbox.Entry out = sender.take();
    // the notification log refuses the record after the outbox row was deleted in the same transaction
    POSTGRES.server().psql("CREATE FUNCTION alert_router.refuse() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;"
        + " CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON alert_router.notification_log"
        + " FOR EACH ROW EXECUTE FUNCTION alert_router.refuse()");

    assertThatThrownBy(() -> sender.ended(List.of(out), Receipt.Outcome.DELIVERED, T0.plusSeconds(1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("record delivered deliveries failed")
        .hasMessageNotContaining("NotNeeded1");

    POSTGRES.server().psql("DROP FUNCTION alert_router.refuse() CASCADE");
    assertThat(process(POSTGRES.server().jdbcUrl()).notificationLog().entries()).as("no record without the end").isEmpty();
    assertThat(rows()).as("the row is still there").isEqualTo(1);
    Outbox.Queue next = queue();
    next.reload();
    assertThat(names(next)).as("sent again by the next: a duplicate, never a loss").containsExactly("A");
    sender.reload(); // the same process, once it sends again, has it too
    assertThat(names(sender)).containsExactly("A");
  }

  @Test
  void takingAndCountingAnswerFromMemoryWhileTheDatabaseIsDown() {
    Outbox.Queue sender = queue();
    sender.offer(entry(GROUP_A, "A"));
    sender.offer(new Outbox.Entry(Delivery.of("ops", new io.github.alertrouter.spi.Notice(NotifyReason.HANDOFF,
        "schedule:primary", "handoff:primary:alice", "On call now: alice", List.of(), List.of(), T0)), null, null,
        Receipt.NONE));
    sender.offer(entry(GROUP_B, "B"));
    sender.reload();

    POSTGRES.server().stop();
    assertThat(sender.size()).isEqualTo(3);
    assertThat(sender.notifications()).isEqualTo(2);
    assertThat(sender.takeNotifications()).hasSize(2);
    assertThat(sender.take().delivery().isNotice()).isTrue();
    assertThat(sender.take()).isNull();
    assertThatThrownBy(() -> sender.offer(entry("payments\u0000{}:{alertname=\"C\"}", "C")))
        .isInstanceOf(StoreException.class);
    assertThat(sender.size()).as("what could not be written is not queued").isZero();
    POSTGRES.server().restart();
  }

  @Test
  void aLateEndOfAMemberThatSteppedDownLeavesTheNewerEntryThatReplacedItsOwn() {
    Outbox.Queue old = queue();
    Outbox.Entry first = entry(GROUP_A, "A");
    old.offer(first);
    Outbox.Entry out = old.take();
    old.release(); // it lost the lease with its request out

    Outbox.Queue active = queue();
    active.reload();
    Outbox.Entry newer = entry(GROUP_A, "A-newer");
    assertThat(active.offer(newer).delivery()).isEqualTo(first.delivery());
    old.ended(List.of(out), Receipt.Outcome.DELIVERED, T0.plusSeconds(1)); // its request completes now

    assertThat(rows()).as("the newer entry's row").isEqualTo(1);
    assertThat(process(POSTGRES.server().jdbcUrl()).notificationLog().get(GROUP_A, "ops")).as("what the chat received")
        .isEqualTo(first.delivered().entry(T0.plusSeconds(1)));
    Outbox.Queue afterwards = queue();
    afterwards.reload();
    assertThat(names(afterwards)).containsExactly("A-newer");
  }

  @Test
  void anEndOfAMemberThatSteppedDownIsCommittedSoTheNextDoesNotSendItAgain() {
    Outbox.Queue old = queue();
    old.offer(entry(GROUP_A, "A"));
    old.offer(entry(GROUP_B, "B"));
    Outbox.Entry out = old.take();
    assertThat(old.release()).isEqualTo(2);

    old.ended(List.of(out), Receipt.Outcome.DELIVERED, T0.plusSeconds(1));

    Outbox.Queue next = queue();
    next.reload();
    assertThat(names(next)).containsExactly("B");
  }

  @Test
  void aLateRecordNeverOverwritesANewerOne() {
    Outbox.Queue sender = queue();
    Outbox.Entry early = entry(GROUP_A, "A");
    Outbox.Entry later = entry(GROUP_A, "A");
    sender.offer(early);
    Outbox.Entry first = sender.take();
    sender.offer(later);
    Outbox.Entry second = sender.take();

    sender.ended(List.of(second), Receipt.Outcome.DELIVERED, T0.plusSeconds(10));
    sender.ended(List.of(first), Receipt.Outcome.DELIVERED, T0.plusSeconds(5)); // answered late

    NotificationLog log = process(POSTGRES.server().jdbcUrl()).notificationLog();
    assertThat(log.get(GROUP_A, "ops").at()).isEqualTo(T0.plusSeconds(10));
    log.record(GROUP_A, "ops", new NotificationLog.Entry(Set.of(), Set.of(Fingerprint.of(Map.of("x", "y"))),
        T0.plusSeconds(9)));
    assertThat(log.get(GROUP_A, "ops").at()).as("the log's own record keeps the rule too").isEqualTo(T0.plusSeconds(10));
    assertThat(rows()).isZero();
  }

  @Test
  void anEntryThisReleaseCannotReadStaysForOneThatCanAndTheRestGoesOut() {
    Outbox.Queue writer = queue();
    writer.offer(entry(GROUP_A, "A"));
    POSTGRES.server().psql("INSERT INTO alert_router.outbox (id, position, robot_key, entry_key, entry)"
        + " SELECT n, n, '" + ROBOT + "', NULL, '{\"v\":99,\"robot\":\"ops\"}' FROM nextval('alert_router.outbox_seq') n");
    writer.offer(entry(GROUP_B, "B"));

    PostgresStores process = process(POSTGRES.server().jdbcUrl());
    Outbox.Queue next = process.outbox().queue(ROBOT);

    assertThat(next.reload()).hasSize(2);
    assertThat(names(next)).containsExactly("A", "B");
    assertThat(process.outbox().depth()).as("the row stays, and counts").isEqualTo(3);
  }
}
