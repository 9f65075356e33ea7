package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.store.FiringSlot;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.testkit.StoreContractTest.Stores;
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

/**
 * What every {@link Outbox} must do, in memory, in an embedded file or in a database shared by a
 * fleet: an entry stays from its offer until its end is committed, so a process that dies with
 * deliveries queued or out loses none of them (whoever reloads the queue next sends them), and a
 * delivered entry's notification-log record is written with its end. "Two processes" are two
 * {@link Stores} views of the same state, as in {@link StoreContractTest}.
 */
public abstract class OutboxContractTest {
  /** The instant each test's clock starts at. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final String ROBOT = "ops:0123456789abcdef";

  /** The virtual time of this test, starting at {@link #T0}; each test opens its stores on it. */
  protected ManualClock clock;
  private final List<Stores> opened = new ArrayList<>();

  /** Empties the state the next {@link #open} calls will share. */
  protected abstract void reset() throws Exception;

  /** Opens a view of the state under test; a second call opens a second view of the same state. */
  protected abstract Stores open(ManualClock clock) throws Exception;

  @BeforeEach
  void freshState() throws Exception {
    clock = new ManualClock(T0);
    reset();
  }

  @AfterEach
  void closeViews() throws Exception {
    for (Stores s : opened) {
      s.close();
    }
    opened.clear();
  }

  private Outbox.Queue queue() throws Exception {
    Stores s = open(clock);
    opened.add(s);
    assertThat(s.outbox()).as("the stores under test have an outbox").isNotNull();
    return s.outbox().queue(ROBOT);
  }

  private NotificationLog log() throws Exception {
    Stores s = open(clock);
    opened.add(s);
    return s.notificationLog();
  }

  // ---- what an entry is

  private static Alert alert(String name, Instant endsAt) {
    return Alert.firing(Map.of("alertname", name, "team", "支付-payments", "quote", "it's \"x\" \\ <at>"))
        .annotation("summary", "5xx > 5% on 订单服务").startsAt(T0).endsAt(endsAt)
        .generatorURL("http://prometheus:9090/graph?g0.expr=up%3D%3D0").build();
  }

  private static Outbox.Entry notification(String name, String key, Receipt receipt) {
    Alert firing = alert(name, null);
    Alert resolved = alert(name + "-old", T0.plusSeconds(60));
    Notification n = new Notification("payments", "{}:{alertname=\"" + name + "\"}",
        new TreeMap<>(Map.of("alertname", name)), NotifyReason.ESCALATION, List.of(firing), List.of(resolved),
        List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://wiki.example.com/run?a=1&b=2")),
        T0, 1, "escalation step 2 of 3");
    List<Mention> mentions = List.of(
        Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice 李", new Identity("mobile", "13800000000")),
        Mention.unresolved(MentionTarget.group("sre"), "bob", "Bob", "no DingTalk identity"),
        Mention.all(MentionTarget.parse("all")));
    Outbox.Delivered delivered = new Outbox.Delivered("route\u0000" + name, "ops",
        Set.of(Fingerprint.of(firing.labels())), Set.of(Fingerprint.of(resolved.labels())));
    return new Outbox.Entry(new Delivery("ops", n, mentions, "{{ .Status }} 告警"), key, delivered, receipt);
  }

  private static Outbox.Entry notice(String who) {
    Notice notice = new Notice(NotifyReason.HANDOFF, "schedule:primary", "handoff:primary:" + who,
        "On call now: " + who, List.of("until 2026-03-02 09:00", "next: bob"),
        List.of(Mention.resolved(MentionTarget.contact(who), who, who, new Identity("userId", "u-" + who))), T0);
    return new Outbox.Entry(Delivery.of("ops", notice), null, null, Receipt.NONE);
  }

  private static List<Delivery> deliveries(Outbox.Queue queue) {
    List<Delivery> out = new ArrayList<>();
    for (Outbox.Entry e = queue.take(); e != null; e = queue.take()) {
      out.add(e.delivery());
    }
    return out;
  }

  // ---- the queue

  @Test
  void entriesLeaveInOrderAndANewerOneWithTheSameKeyTakesTheWaitingOnesPlace() throws Exception {
    Outbox.Queue queue = queue();
    Outbox.Entry a = notification("A", "g-a", Receipt.NONE);
    Outbox.Entry b = notification("B", "g-b", Receipt.NONE);
    Outbox.Entry newerA = notification("A2", "g-a", Receipt.NONE);

    assertThat(queue.offer(a)).isNull();
    assertThat(queue.offer(b)).isNull();
    assertThat(queue.offer(newerA).delivery()).isEqualTo(a.delivery());

    assertThat(queue.size()).isEqualTo(2);
    assertThat(deliveries(queue)).containsExactly(newerA.delivery(), b.delivery());
  }

  @Test
  void aDigestTakesTheNotificationsAndLeavesTheNoticesInOrder() throws Exception {
    Outbox.Queue queue = queue();
    Outbox.Entry a = notification("A", "g-a", Receipt.NONE);
    Outbox.Entry handoff = notice("alice");
    Outbox.Entry b = notification("B", null, Receipt.NONE);
    List.of(a, handoff, b).forEach(queue::offer);

    assertThat(queue.notifications()).isEqualTo(2);
    assertThat(queue.takeNotifications()).extracting(Outbox.Entry::delivery).containsExactly(a.delivery(), b.delivery());
    assertThat(queue.take().delivery()).isEqualTo(handoff.delivery());
  }

  // ---- across processes

  @Test
  void whatOneProcessQueuedAndTookButNeverEndedIsSentByTheNextExactlyAsItWas() throws Exception {
    Outbox.Queue dead = queue();
    Outbox.Entry out = notification("A", "g-a", outcome -> { });
    Outbox.Entry waiting = notice("alice");
    Outbox.Entry digestable = notification("B", null, Receipt.NONE);
    dead.offer(out);
    dead.offer(waiting);
    dead.offer(digestable);
    assertThat(dead.take()).as("its request was out when it died").isNotNull();

    Outbox.Queue next = queue();
    assertThat(next.reload()).extracting(Outbox.Entry::delivery)
        .containsExactly(out.delivery(), waiting.delivery(), digestable.delivery());

    assertThat(next.size()).isEqualTo(3);
    List<Outbox.Entry> taken = new ArrayList<>();
    for (Outbox.Entry e = next.take(); e != null; e = next.take()) {
      taken.add(e);
    }
    assertThat(taken).extracting(Outbox.Entry::delivery)
        .containsExactly(out.delivery(), waiting.delivery(), digestable.delivery());
    assertThat(taken).extracting(Outbox.Entry::key).containsExactly("g-a", null, null);
    assertThat(taken.get(0).delivered()).isEqualTo(out.delivered());
    assertThat(taken.get(1).delivered()).isNull();
  }

  @Test
  void anEscalationNoticeQueuedByAProcessThatDiedIsReadBackNamingItsFiring() throws Exception {
    // the next router records the firing from it rather than firing the step a second time
    Outbox.StepFired step = new Outbox.StepFired("{}:{alertname=\"A\"}", T0, new FiringSlot(1, 2, 3),
        T0.plusSeconds(600), Set.of("ops", "dev"));
    Outbox.Entry escalation = new Outbox.Entry(notification("A", null, Receipt.NONE).delivery(), null, null, step,
        Receipt.NONE);
    Outbox.Queue dead = queue();
    dead.offer(escalation);
    dead.offer(notice("alice"));

    Outbox.Queue next = queue();
    assertThat(next.reload()).extracting(Outbox.Entry::step).containsExactly(step, null);
  }

  @Test
  void aDeliveredEntryLeavesWithItsLogRecordAndNothingIsSentAgain() throws Exception {
    Outbox.Queue sender = queue();
    Outbox.Entry entry = notification("A", "g-a", Receipt.NONE);
    sender.offer(entry);
    Outbox.Entry taken = sender.take();
    Instant deliveredAt = T0.plusSeconds(3);

    sender.ended(List.of(taken), Receipt.Outcome.DELIVERED, deliveredAt);

    Outbox.Delivered d = entry.delivered();
    assertThat(log().get(d.group(), d.robotId())).isEqualTo(d.entry(deliveredAt));
    Outbox.Queue next = queue();
    next.reload();
    assertThat(next.size()).isZero();
    assertThat(next.take()).isNull();
  }

  @Test
  void anEntryThatGaveUpLeavesWithoutARecord() throws Exception {
    Outbox.Queue sender = queue();
    Outbox.Entry entry = notification("A", "g-a", Receipt.NONE);
    sender.offer(entry);
    sender.offer(notice("alice"));
    sender.ended(List.of(sender.take()), Receipt.Outcome.GAVE_UP, T0);

    assertThat(log().get(entry.delivered().group(), "ops")).isNull();
    Outbox.Queue next = queue();
    next.reload();
    assertThat(deliveries(next)).containsExactly(notice("alice").delivery());
  }

  @Test
  void theDepthCountsWhatWaitsAndWhatIsOutUntilItEnds() throws Exception {
    Stores s = open(clock);
    opened.add(s);
    Outbox.Queue ops = s.outbox().queue(ROBOT);
    ops.offer(notification("A", "g-a", Receipt.NONE));
    ops.offer(notification("B", "g-b", Receipt.NONE));
    s.outbox().queue("dba:fedcba9876543210").offer(notice("bob"));
    Outbox.Entry out = ops.take();

    Stores other = open(clock);
    opened.add(other);
    assertThat(other.outbox().depth()).isEqualTo(3);
    ops.ended(List.of(out), Receipt.Outcome.DELIVERED, T0);
    assertThat(other.outbox().depth()).isEqualTo(2);
  }

  @Test
  void aDigestsEntriesEndTogether() throws Exception {
    Outbox.Queue sender = queue();
    sender.offer(notification("A", "g-a", Receipt.NONE));
    sender.offer(notification("B", "g-b", Receipt.NONE));
    List<Outbox.Entry> digest = sender.takeNotifications();

    sender.ended(digest, Receipt.Outcome.DELIVERED, T0.plusSeconds(1));

    for (Outbox.Entry e : digest) {
      assertThat(log().get(e.delivered().group(), "ops")).isNotNull();
    }
    Outbox.Queue next = queue();
    next.reload();
    assertThat(next.size()).isZero();
  }

  @Test
  void aProcessThatLetsGoLeavesEverythingForTheNextAndSendsNothingMore() throws Exception {
    Outbox.Queue old = queue();
    old.offer(notification("A", "g-a", Receipt.NONE));
    old.offer(notification("B", "g-b", Receipt.NONE));
    old.take();

    assertThat(old.release()).isEqualTo(2);
    assertThat(old.size()).isZero();
    assertThat(old.take()).isNull();

    Outbox.Queue next = queue();
    next.reload();
    assertThat(deliveries(next)).extracting(d -> d.notification().groupKey())
        .containsExactly("{}:{alertname=\"A\"}", "{}:{alertname=\"B\"}");
  }

  @Test
  void aReplacedEntryKeepsItsPlaceAcrossAReload() throws Exception {
    Outbox.Queue sender = queue();
    sender.offer(notification("A", "g-a", Receipt.NONE));
    sender.offer(notification("B", "g-b", Receipt.NONE));
    Outbox.Entry newerA = notification("A-newer", "g-a", Receipt.NONE);
    sender.offer(newerA);

    Outbox.Queue next = queue();
    next.reload();
    assertThat(deliveries(next)).extracting(d -> d.notification().groupKey())
        .containsExactly(newerA.delivery().notification().groupKey(), "{}:{alertname=\"B\"}");
  }

  @Test
  void entriesOfferedAtOnceAreAllKept() throws Exception {
    Outbox.Queue queue = queue();
    StoreContractTest.race(4, 25, (thread, i) -> queue.offer(notification("A" + i, "g-" + i, Receipt.NONE)));

    Outbox.Queue next = queue();
    next.reload();
    assertThat(next.size()).isEqualTo(100);
    assertThat(deliveries(next)).extracting(d -> d.notification().groupKey()).doesNotHaveDuplicates().hasSize(100);
  }

  @Test
  void robotsHaveQueuesOfTheirOwn() throws Exception {
    Stores s = open(clock);
    opened.add(s);
    s.outbox().queue(ROBOT).offer(notification("A", "g-a", Receipt.NONE));
    Outbox.Queue other = s.outbox().queue("dba:fedcba9876543210");
    other.reload();

    assertThat(other.size()).isZero();
    Outbox.Queue mine = queue();
    mine.reload();
    assertThat(mine.size()).isEqualTo(1);
  }
}
