package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StateStores;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.FiringSlot;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@code store} seams must do, whatever keeps the state: in
 * memory, an embedded file or a database shared by several instances. A store module's tests
 * extend this with a subclass that opens its stores; each test starts from empty state.
 *
 * <p>"Two routers" here are two {@link Stores} views opened on the same state: in memory the same
 * objects (two routers in one process share them), on a database two separate connections, as two
 * instances of {@code serve} would be. What one writes the other reads, and what must happen once
 * (a handoff announced, an action link used, a permit of a robot's rate window taken) happens
 * once between them, even when they race.
 */
public abstract class StoreContractTest {
  /** A robot limit as DingTalk's: 20 messages a minute (the window keeps 10% headroom: 18). */
  protected static final RateLimit TWENTY_A_MINUTE = new RateLimit(20, Duration.ofMinutes(1));
  /** What {@link #TWENTY_A_MINUTE} lets through in any minute. */
  protected static final int PERMITS = 18;
  /** The instant each test's clock starts at. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  /** The virtual time of this test: what stores that expire entries (used tokens) follow. */
  protected ManualClock clock;
  private final List<Stores> opened = new ArrayList<>();

  /**
   * The seams of one router, opened on the state under test. {@link #close} releases what the
   * view holds (a connection pool), never the state.
   */
  public record Stores(NotificationLog notificationLog, RateWindows rateWindows, EscalationStore escalations,
      HandoffLog handoffs, UsedTokens usedTokens, BindingStore bindings, AlertStore alerts, SilenceStore silences,
      Outbox outbox, AutoCloseable closer)
      implements AutoCloseable {
    /** Views without an outbox (the {@link OutboxContractTest} needs one). */
    public Stores(NotificationLog notificationLog, RateWindows rateWindows, EscalationStore escalations,
        HandoffLog handoffs, UsedTokens usedTokens, BindingStore bindings, AlertStore alerts, SilenceStore silences,
        AutoCloseable closer) {
      this(notificationLog, rateWindows, escalations, handoffs, usedTokens, bindings, alerts, silences, null, closer);
    }

    /** The seams a store module opened ({@code PostgresStores}, {@code JournalStores}); {@code closer} releases them. */
    public static Stores of(StateStores stores, AutoCloseable closer) {
      return new Stores(stores.notificationLog(), stores.rateWindows(), stores.escalations(), stores.handoffs(),
          stores.usedTokens(), stores.bindings(), stores.alerts(), stores.silences(), stores.outbox(), closer);
    }

    /** Views of in-memory state: every call to {@code open} answers the same objects. */
    public static Stores inMemory(java.time.Clock clock) {
      NotificationLog log = NotificationLog.inMemory();
      return new Stores(log, RateWindows.inMemory(), EscalationStore.inMemory(),
          HandoffLog.inMemory(), UsedTokens.inMemory(clock), BindingStore.inMemory(), AlertStore.inMemory(),
          SilenceStore.inMemory(), Outbox.inMemory(log), () -> { });
    }

    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  /** Empties the state the next {@link #open} calls will share (the first call of each test). */
  protected abstract void reset() throws Exception;

  /**
   * Opens a view of the state under test on {@code clock}; a second call opens a second view of
   * the same state.
   */
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

  /** A view that is closed after the test. */
  protected Stores router() throws Exception {
    Stores s = open(clock);
    opened.add(s);
    return s;
  }

  // ---- alerts: what was accepted, so that a crash loses none

  private static Alert alert(String name, Instant startsAt, Instant endsAt) {
    return Alert.firing(java.util.Map.of("alertname", name, "team", "支付-payments", "quote", "it's \"x\" \\ \u00e9",
            "control", "tab\tline\nnul\u0000unit\u001fend"))
        .annotation("summary", "5xx > 5% on 订单服务\n\tsee the runbook").startsAt(startsAt).endsAt(endsAt).build();
  }

  @Test
  void acceptedAlertsAreStoredAsGivenAndReadByTheOtherRouter() throws Exception {
    Stores a = router();
    Stores b = router();
    Alert one = alert("A", T0, T0.plusSeconds(300));
    Alert two = Alert.firing(java.util.Map.of("alertname", "B")).startsAt(T0).endsAt(T0.plusSeconds(60))
        .generatorURL("http://prometheus:9090/graph?g0.expr=up%3D%3D0").build();
    assertThat(a.alerts().receive(List.of(one, two), T0)).containsExactly(one, two);

    assertThat(b.alerts().all()).containsExactlyInAnyOrder(one, two);
    assertThat(b.alerts().counts(T0.plusSeconds(100))).isEqualTo(new AlertStore.Counts(2, 1));
  }

  @Test
  void anUpdateOfAFiringAlertKeepsItsStartAndOneOfAnEndedAlertStartsAnew() throws Exception {
    AlertStore alerts = router().alerts();
    alerts.receive(List.of(alert("A", T0, T0.plusSeconds(300))), T0);

    Alert update = alert("A", T0.plusSeconds(60), T0.plusSeconds(400)); // a source that re-stamps its start
    assertThat(alerts.receive(List.of(update), T0.plusSeconds(60))).singleElement()
        .satisfies(a -> assertThat(a.startsAt()).as("one episode").isEqualTo(T0))
        .satisfies(a -> assertThat(a.endsAt()).isEqualTo(T0.plusSeconds(400)));

    Alert again = alert("A", T0.plusSeconds(500), T0.plusSeconds(800)); // after it ended at +400
    assertThat(alerts.receive(List.of(again), T0.plusSeconds(500))).containsExactly(again);
    assertThat(alerts.all()).containsExactly(again);
  }

  @Test
  void aLaterAlertOfTheSameBatchUpdatesAnEarlierOne() throws Exception {
    AlertStore alerts = router().alerts();
    Alert first = alert("A", T0, T0.plusSeconds(300));
    Alert resolved = first.resolvedAt(T0.plusSeconds(10));
    List<Alert> stored = alerts.receive(List.of(first, alert("B", T0, T0.plusSeconds(300)), resolved), T0.plusSeconds(10));

    assertThat(stored).hasSize(3);
    assertThat(stored.get(2)).isEqualTo(resolved);
    assertThat(alerts.all()).hasSize(2).contains(resolved);
  }

  @Test
  void aResolveByHandEndsAFiringAlertButNotOneThatHadEnded() throws Exception {
    AlertStore alerts = router().alerts();
    Alert firing = alert("A", T0, T0.plusSeconds(300));
    Alert ended = alert("B", T0, T0.plusSeconds(30));
    alerts.receive(List.of(firing, ended), T0);

    alerts.resolved(firing.resolvedAt(T0.plusSeconds(60)), T0.plusSeconds(60));
    alerts.resolved(ended.resolvedAt(T0.plusSeconds(60)), T0.plusSeconds(60));
    alerts.resolved(alert("C", T0, T0.plusSeconds(60)), T0.plusSeconds(60)); // not stored: stays so

    assertThat(alerts.all()).containsExactlyInAnyOrder(firing.resolvedAt(T0.plusSeconds(60)), ended);
  }

  @Test
  void expiringDropsOnlyAlertsResolvedByTheCutoff() throws Exception {
    Stores a = router();
    Alert early = alert("A", T0, T0.plusSeconds(30));
    Alert atCutoff = alert("B", T0, T0.plusSeconds(60));
    Alert firing = alert("C", T0, T0.plusSeconds(61));
    a.alerts().receive(List.of(early, atCutoff, firing), T0);

    assertThat(a.alerts().expire(T0.plusSeconds(60))).containsExactlyInAnyOrder(early.fingerprint(),
        atCutoff.fingerprint());
    assertThat(router().alerts().all()).containsExactly(firing);
    assertThat(a.alerts().expire(T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void routersStoringTheSameAlertsAtOnceLoseNone() throws Exception {
    int routers = 4;
    List<Stores> views = new ArrayList<>();
    for (int i = 0; i < routers; i++) {
      views.add(router());
    }
    ExecutorService pool = Executors.newFixedThreadPool(routers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (Stores view : views) {
        done.add(pool.submit(() -> {
          go.await();
          for (int batch = 0; batch < 10; batch++) {
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
              alerts.add(alert("A" + (batch * 50 + i), T0, T0.plusSeconds(300)));
            }
            view.alerts().receive(alerts, T0);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(views.get(0).alerts().counts(T0)).isEqualTo(new AlertStore.Counts(500, 500));
  }

  @Test
  void aStoreThatCanTakeAlertsAnswersTheProbeWhichChangesNothing() throws Exception {
    // the probe is every stats(): serve's readiness and each /metrics scrape
    Stores a = router();
    a.alerts().probe();
    Alert one = alert("A", T0, T0.plusSeconds(300));
    a.alerts().receive(List.of(one), T0);

    a.alerts().probe();
    router().alerts().probe();
    assertThat(router().alerts().all()).containsExactly(one);
    assertThat(a.alerts().counts(T0)).isEqualTo(new AlertStore.Counts(1, 1));
  }

  // ---- silences added at run time

  @Test
  void silencesAddedAtRunTimeAreStoredReplacedAndRemovedById() throws Exception {
    Stores a = router();
    Stores b = router();
    Silence s2 = new Silence("s2", List.of(Condition.eq("alertname", "Disk"), Condition.re("instance", "db-.*"),
        Condition.nin("env", "dev", "test"), Condition.neq("team", "支付")), T0, T0.plusSeconds(3600), "bob", "维护窗口");
    Silence s1 = new Silence("s1", List.of(Condition.in("severity", "warning", "info"), Condition.nre("job", "x|y")),
        T0, T0.plusSeconds(60), "", "");
    a.silences().put(s2);
    a.silences().put(s1);
    assertThat(b.silences().all()).as("ordered by id").containsExactly(s1, s2);

    Silence ended = new Silence("s2", s2.matchers(), T0, T0.plusSeconds(5), "bob", "ended early");
    b.silences().put(ended);
    a.silences().remove("s1");
    a.silences().remove("absent");
    assertThat(a.silences().all()).containsExactly(ended);
  }

  // ---- notification log: what each robot's chat last received from each group

  @Test
  void aGroupKeyIsKeptAsTheRouterWritesIt() throws Exception {
    Stores a = router();
    String key = "payments/critical\u0000{}/{team=~\"^(?:pay)$\"}:{alertname=\"订单\\0\"}";
    a.notificationLog().record(key, "ding", entry(Set.of(fp(1)), Set.of(), T0));
    assertThat(router().notificationLog().get(key, "ding")).isNotNull();
    assertThat(router().notificationLog().entries()).containsOnlyKeys(key);
    a.notificationLog().forget(key);
    assertThat(a.notificationLog().entries()).isEmpty();
  }

  @Test
  void theNotificationLogAnswersWhatWasRecordedPerGroupAndRobot() throws Exception {
    NotificationLog log = router().notificationLog();
    assertThat(log.get("{}:{team=\"a\"}", "ding")).isNull();

    NotificationLog.Entry first = entry(Set.of(fp(1), fp(2)), Set.of(), T0);
    log.record("{}:{team=\"a\"}", "ding", first);
    log.record("{}:{team=\"a\"}", "lark", entry(Set.of(fp(1)), Set.of(fp(3)), T0.plusSeconds(1)));
    log.record("{}:{team=\"b\"}", "ding", entry(Set.of(), Set.of(fp(4)), T0.plusSeconds(2)));

    assertThat(log.get("{}:{team=\"a\"}", "ding")).isEqualTo(first);
    assertThat(log.get("{}:{team=\"a\"}", "lark").resolved()).containsExactly(fp(3));
    assertThat(log.get("{}:{team=\"b\"}", "lark")).isNull();

    NotificationLog.Entry later = entry(Set.of(fp(2)), Set.of(fp(1)), T0.plusSeconds(60));
    log.record("{}:{team=\"a\"}", "ding", later);
    assertThat(log.get("{}:{team=\"a\"}", "ding")).as("a later notice replaces the entry").isEqualTo(later);

    assertThat(log.entries()).containsOnlyKeys("{}:{team=\"a\"}", "{}:{team=\"b\"}");
    assertThat(log.entries().get("{}:{team=\"a\"}")).containsOnlyKeys("ding", "lark");

    log.forget("{}:{team=\"a\"}");
    assertThat(log.get("{}:{team=\"a\"}", "ding")).isNull();
    assertThat(log.get("{}:{team=\"a\"}", "lark")).isNull();
    assertThat(log.get("{}:{team=\"b\"}", "ding")).as("another group is kept").isNotNull();
  }

  @Test
  void anOlderRecordNeverReplacesANewerOneWhoeverWritesIt() throws Exception {
    // a late receipt (or a reloaded notice counted as received) must not roll a chat's state back
    NotificationLog.Entry newer = entry(Set.of(fp(2)), Set.of(fp(1)), T0.plusSeconds(60));
    router().notificationLog().record("g", "ding", newer);

    router().notificationLog().record("g", "ding", entry(Set.of(fp(1), fp(2)), Set.of(), T0));

    assertThat(router().notificationLog().get("g", "ding")).isEqualTo(newer);
  }

  @Test
  void whatOneRouterRecordedTheOtherReads() throws Exception {
    Stores a = router();
    Stores b = router();
    Set<Fingerprint> many = IntStream.range(0, 2_000).mapToObj(StoreContractTest::fp).collect(Collectors.toSet());
    a.notificationLog().record("g", "ding", entry(many, Set.of(fp(-1)), T0));

    NotificationLog.Entry read = b.notificationLog().get("g", "ding");
    assertThat(read.firing()).isEqualTo(many);
    assertThat(read.resolved()).containsExactly(fp(-1));
    assertThat(read.at()).isEqualTo(T0);

    b.notificationLog().forget("g");
    assertThat(a.notificationLog().get("g", "ding")).isNull();
  }

  @Test
  void groupKeysAndRobotIdsAreKeptAsTheyAre() throws Exception {
    // group keys carry label values: quotes, backslashes, non-ASCII, anything an alert may hold
    String group = "{}/{severity=~\"crit|page\"}:{alertname=\"磁盘满 '\\\\ \\\"%_\", instance=\"db-1\"}";
    NotificationLog log = router().notificationLog();
    log.record(group, "robot 1", entry(Set.of(fp(7)), Set.of(), T0));
    assertThat(router().notificationLog().get(group, "robot 1").firing()).containsExactly(fp(7));
    assertThat(log.get(group.replace("%", "x"), "robot 1")).isNull();
  }

  // ---- rate windows: one count per robot for every router that posts to it

  @Test
  void aRobotWindowLetsItsLimitThroughThenSaysWhenTheNextMayGo() throws Exception {
    RateWindows.Window w = router().rateWindows().window("robot-1", List.of(TWENTY_A_MINUTE));
    assertThat(w.available(T0)).isEqualTo(PERMITS);
    for (int i = 0; i < PERMITS; i++) {
      assertThat(w.tryAcquire(T0.plusSeconds(i))).as("send %d", i + 1).isZero();
    }
    assertThat(w.available(T0.plusSeconds(PERMITS))).isZero();
    Instant full = T0.plusSeconds(30);
    assertThat(w.tryAcquire(full)).as("the first send leaves the window at T0 + 60 s").isEqualTo(Duration.ofSeconds(30));
    assertThat(w.waitTime(full)).isEqualTo(Duration.ofSeconds(30));
    assertThat(w.available(full)).as("a refused permit is not taken").isZero();

    assertThat(w.tryAcquire(T0.plusSeconds(60))).isZero();
    assertThat(w.available(T0.plusSeconds(61))).as("the second went at T0 + 1 s").isOne();
    assertThat(router().rateWindows().window("robot-2", List.of(TWENTY_A_MINUTE)).available(full))
        .as("another robot has its own window").isEqualTo(PERMITS);
  }

  @Test
  void aPenaltyHoldsTheRobotUntilItEnds() throws Exception {
    RateWindows.Window w = router().rateWindows().window("robot-1", List.of(TWENTY_A_MINUTE));
    Instant until = T0.plus(Duration.ofMinutes(10));
    w.penalise(until);
    assertThat(w.penaltyEnds(T0)).isEqualTo(until);
    assertThat(w.available(T0)).isZero();
    assertThat(w.tryAcquire(T0)).isEqualTo(Duration.ofMinutes(10));
    w.penalise(T0.plusSeconds(5));
    assertThat(w.penaltyEnds(T0)).as("a shorter penalty does not shorten a longer one").isEqualTo(until);

    assertThat(w.penaltyEnds(until)).isNull();
    assertThat(w.tryAcquire(until)).isZero();
  }

  @Test
  void routersSharingARobotCountTogether() throws Exception {
    RateWindows.Window a = router().rateWindows().window("robot-1", List.of(TWENTY_A_MINUTE));
    RateWindows.Window b = router().rateWindows().window("robot-1", List.of(TWENTY_A_MINUTE));
    for (int i = 0; i < PERMITS; i++) {
      assertThat((i % 2 == 0 ? a : b).tryAcquire(T0.plusMillis(i))).isZero();
    }
    assertThat(a.tryAcquire(T0.plusSeconds(1))).isPositive();
    assertThat(b.tryAcquire(T0.plusSeconds(1))).isPositive();

    a.penalise(T0.plus(Duration.ofMinutes(10)));
    assertThat(b.penaltyEnds(T0.plusSeconds(90))).as("a penalty holds every router").isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void racingRoutersNeverTakeMoreThanTheLimit() throws Exception {
    List<RateWindows.Window> windows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      windows.add(router().rateWindows().window("robot-1", List.of(TWENTY_A_MINUTE)));
    }
    List<Boolean> taken = race(8, 5, (thread, i) -> windows.get(thread % 2).tryAcquire(T0.plusMillis(i)).isZero());
    assertThat(taken.stream().filter(t -> t).count()).as("permits taken by 40 racing sends").isEqualTo(PERMITS);
  }

  // ---- escalation episodes

  @Test
  void anEscalationEpisodeIsKeptWithItsFiredStepsAndAcknowledgement() throws Exception {
    EscalationStore store = router().escalations();
    assertThat(store.get("g")).isEmpty();

    EscalationState state = EscalationState.start(T0)
        .withFired(List.of(new FiringSlot(0, 0, 0), new FiringSlot(1, 2, 1)), T0.plusSeconds(600))
        .acknowledge("张三 <ops@example.com>", T0.plusSeconds(700));
    store.put("g", state);
    assertThat(router().escalations().get("g")).contains(state);

    EscalationState resolved = state.unacknowledge().resolve();
    router().escalations().put("g", resolved);
    assertThat(store.get("g")).contains(resolved);

    store.remove("g");
    assertThat(router().escalations().get("g")).isEmpty();
    store.remove("never-there");
  }

  @Test
  void anEpisodesGroupKeyMayHoldAnyCharacterALabelValueCan() throws Exception {
    String key = "{}/{team=\"支付\"}:{alertname=\"a\u0000b\\\\c\"}";
    EscalationState state = EscalationState.start(T0);
    router().escalations().put(key, state);

    assertThat(router().escalations().get(key)).contains(state);
    assertThat(router().escalations().get(key.replace("\u0000", ""))).isEmpty();
    router().escalations().remove(key);
    assertThat(router().escalations().get(key)).isEmpty();
  }

  // ---- handoffs announced once

  @Test
  void aHandoffIsClaimedOnceByWhicheverRouterComesFirst() throws Exception {
    HandoffLog a = router().handoffs();
    HandoffLog b = router().handoffs();
    assertThat(a.claim("primary", T0)).isTrue();
    assertThat(b.claim("primary", T0)).isFalse();
    assertThat(a.claim("primary", T0)).isFalse();
    assertThat(b.claim("primary", T0.plus(Duration.ofDays(7)))).as("the next handoff").isTrue();
    assertThat(b.claim("secondary", T0)).as("another schedule").isTrue();

    List<HandoffLog> logs = List.of(a, b);
    List<Boolean> claimed = race(8, 1, (thread, i) -> logs.get(thread % 2).claim("racing", T0));
    assertThat(claimed).containsOnlyOnce(true);
  }

  // ---- action links used once

  @Test
  void anActionLinkWorksOnceUntilReleased() throws Exception {
    UsedTokens a = router().usedTokens();
    UsedTokens b = router().usedTokens();
    Instant expires = T0.plus(Duration.ofHours(24));
    assertThat(a.isUsed("n1")).isFalse();
    assertThat(a.markUsed("n1", expires)).isTrue();
    assertThat(b.markUsed("n1", expires)).isFalse();
    assertThat(b.isUsed("n1")).isTrue();

    b.release("n1"); // the action failed: the link may be tried again
    assertThat(a.isUsed("n1")).isFalse();
    assertThat(a.markUsed("n1", expires)).isTrue();
    assertThat(b.used()).containsEntry("n1", expires);

    List<UsedTokens> both = List.of(a, b);
    List<Boolean> won = race(8, 1, (thread, i) -> both.get(thread % 2).markUsed("racing", expires));
    assertThat(won).containsOnlyOnce(true);
  }

  @Test
  void anExpiredLinkIsForgotten() throws Exception {
    UsedTokens used = router().usedTokens();
    used.markUsed("short", T0.plusSeconds(30));
    used.markUsed("long", T0.plus(Duration.ofHours(2)));
    clock.advance(Duration.ofSeconds(30));
    assertThat(used.isUsed("short")).isFalse();
    assertThat(used.isUsed("long")).isTrue();
    assertThat(used.used()).containsOnlyKeys("long");
  }

  // ---- bindings

  @Test
  void aBindingIsKeptPerContactAndPlatform() throws Exception {
    BindingStore a = router().bindings();
    BindingStore b = router().bindings();
    assertThat(a.find("alice", "dingtalk")).isEmpty();

    Binding ding = new Binding("alice", "dingtalk", "+8613800000001", T0);
    a.put(ding);
    a.put(new Binding("alice", "wecom", "+8613800000002", T0));
    assertThat(b.find("alice", "dingtalk")).contains(ding);

    Binding rebound = new Binding("alice", "dingtalk", "+8613800000003", T0.plusSeconds(60));
    b.put(rebound);
    assertThat(a.find("alice", "dingtalk")).as("one binding per contact and platform").contains(rebound);

    a.remove("alice", "dingtalk");
    assertThat(b.find("alice", "dingtalk")).isEmpty();
    assertThat(b.find("alice", "wecom")).isPresent();
  }

  // ---- helpers

  /** {@code threads} threads each make {@code perThread} calls at once; the answers, in no order. */
  protected static <T> List<T> race(int threads, int perThread, RaceCall<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<T>> task = () -> {
          start.await();
          List<T> answers = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            answers.add(call.call(thread, thread * perThread + i));
          }
          return answers;
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> f : futures) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One call of a {@link #race}: which thread, and a number unique across the race. */
  @FunctionalInterface
  protected interface RaceCall<T> {
    /**
     * One call's work; what it returns is collected.
     *
     * @param thread the racing thread, from 0
     * @param i a number no other call of the race gets
     * @throws Exception to fail the race
     */
    T call(int thread, int i) throws Exception;
  }

  /** A distinct fingerprint for each {@code n}: that of the label set {@code n="<n>"}. */
  protected static Fingerprint fp(long n) {
    return Fingerprint.of(Map.of("n", Long.toString(n)));
  }

  /** A notification-log entry: these were delivered firing and resolved {@code at}. */
  protected static NotificationLog.Entry entry(Set<Fingerprint> firing, Set<Fingerprint> resolved, Instant at) {
    return new NotificationLog.Entry(firing, resolved, at);
  }
}
