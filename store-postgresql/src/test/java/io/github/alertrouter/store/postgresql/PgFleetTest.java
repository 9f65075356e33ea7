package io.github.alertrouter.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.store.Fleet.Intake;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fleet on a real PostgreSQL, one fresh database per test, each member on its own {@link
 * PostgresStores} as each {@code serve} instance would be. The lease runs on the database's clock,
 * so these tests take real time: leases of a second, and every wait bounded.
 */
class PgFleetTest {
  private static final Duration TTL = Duration.ofSeconds(1);
  /** How long any wait here may take before the test fails. */
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(10);
  /** The alerts' own times: data, unrelated to the lease's clock. */
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  private static final ManualClock CLOCK = new ManualClock(T0);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  @RegisterExtension
  static final OnPostgres POSTGRES = new OnPostgres();

  private final List<AutoCloseable> opened = new ArrayList<>();
  private ExecutorService threads;
  private String url;

  @BeforeEach
  void freshDatabase() throws SQLException {
    String name = "fleet_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(POSTGRES.server().jdbcUrl()); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    url = POSTGRES.server().jdbcUrl().replace("/" + POSTGRES.server().database() + "?", "/" + name + "?");
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void closeAll() throws Exception {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  // ---- the lease

  @Test
  void eachMemberHasAUniqueNameWhichIsAllItShows() {
    PostgresStores stores = instance(url + "&password=NotNeeded1");
    Fleet a = stores.fleet(TTL);
    Fleet b = stores.fleet(TTL);

    assertThat(a.member()).matches(".+-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}").isNotEqualTo(b.member());
    assertThat(a.leaseTtl()).isEqualTo(TTL);
    assertThat(a.toString()).contains(a.member()).doesNotContain("jdbc").doesNotContain("NotNeeded1");
    assertThatThrownBy(() -> stores.fleet(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
  }

  @Test
  void oneMemberHoldsTheLeaseAtATimeAndAReleaseHandsItOverAtOnce() {
    Fleet a = instance().fleet(TTL);
    Fleet b = instance().fleet(TTL);

    assertThat(a.hold()).as("the seeded lease is free").isTrue();
    assertThat(b.hold()).isFalse();
    assertThat(a.hold()).as("renewed").isTrue();
    assertThat(b.hold()).isFalse();

    b.release(); // not its lease: nothing changes
    assertThat(b.hold()).isFalse();
    a.release();
    assertThat(b.hold()).as("released: taken at once").isTrue();
    assertThat(a.hold()).isFalse();
  }

  @Test
  void aLeaseNotRenewedPassesToAnotherMemberOnlyOnceItsTimeToLiveRanOut() throws Exception {
    Fleet a = instance().fleet(TTL);
    Fleet b = instance().fleet(TTL);
    long beforeHold = System.nanoTime();
    assertThat(a.hold()).isTrue();
    long held = System.nanoTime();

    int refused = 0;
    while (!b.hold()) {
      refused++;
      assertThat(Duration.ofNanos(System.nanoTime() - held)).as("still refused after TTL + 1 s")
          .isLessThan(TTL.plusSeconds(1));
      Thread.sleep(POLL.toMillis());
    }
    long taken = System.nanoTime();

    assertThat(refused).as("refused while the lease ran").isPositive();
    assertThat(Duration.ofNanos(taken - held)).as("taken over within TTL + 1 s").isLessThan(TTL.plusSeconds(1));
    // the lease was set after beforeHold and lasted TTL on the database's clock, as nanoTime counts it
    assertThat(Duration.ofNanos(taken - beforeHold)).as("not taken over before the TTL ran out")
        .isGreaterThanOrEqualTo(TTL);
    assertThat(a.hold()).as("the old holder lost it").isFalse();
  }

  @Test
  void aHolderMayRenewItsOwnExpiredLeaseWhileNobodyTookIt() throws Exception {
    Fleet a = instance().fleet(TTL);
    Fleet b = instance().fleet(TTL);
    assertThat(a.hold()).isTrue();
    awaitLeaseExpired();

    assertThat(a.hold()).isTrue();
    assertThat(b.hold()).as("renewed: valid again").isFalse();
  }

  // ---- intake and inbox

  @Test
  void theHoldersIntakeIsRoutedThereAndEveryOtherWaitsInTheInboxForTheHolder() {
    Fleet a = instance().fleet(TTL);
    Fleet b = instance().fleet(TTL);
    assertThat(a.hold()).isTrue();
    Alert x = alert("X");
    Alert y = alert("Y");
    Alert z = alert("Z");

    assertThat(a.receive(List.of(x), T0, true)).isEqualTo(new Intake(List.of(x), true));
    assertThat(a.takeNew()).as("routed by the holder: not in the inbox").isEmpty();

    assertThat(b.receive(List.of(y), T0, true)).as("not the holder").isEqualTo(new Intake(List.of(y), false));
    assertThat(a.receive(List.of(z), T0, false)).as("the holder, not routing").isEqualTo(new Intake(List.of(z), false));
    assertThat(b.takeNew()).as("only the holder takes").isEmpty();
    assertThat(a.takeNew()).containsExactly(y, z);
    assertThat(a.takeNew()).as("each handed out once").isEmpty();

    assertThat(a.receive(List.of(), T0, true)).isEqualTo(new Intake(List.of(), true));
    assertThat(b.receive(List.of(), T0, true)).isEqualTo(new Intake(List.of(), false));
  }

  @Test
  void theHolderTakesEachAlertOnceAsStoredNowAndNoneThatWasDropped() {
    PostgresStores one = instance();
    Fleet a = one.fleet(TTL);
    Fleet b = instance().fleet(TTL);
    assertThat(a.hold()).isTrue();
    Alert first = alert("Y", T0, T0.plusSeconds(300));
    Alert restamped = alert("Y", T0.plusSeconds(60), T0.plusSeconds(400)); // the same alert, its start re-stamped
    Alert ended = alert("W", T0, T0.plusSeconds(30));

    b.receive(List.of(first, ended), T0, true);
    assertThat(b.receive(List.of(restamped), T0.plusSeconds(60), true).stored())
        .containsExactly(alert("Y", T0, T0.plusSeconds(400)));
    assertThat(one.alerts().expire(T0.plusSeconds(60))).containsExactly(ended.fingerprint());

    assertThat(a.takeNew()).as("once, with the episode's start and the last end; the dropped one not at all")
        .containsExactly(alert("Y", T0, T0.plusSeconds(400)));
  }

  @Test
  void aMemberThatLostTheLeaseTakesNothingAndTheNewHolderTakesIt() throws Exception {
    Fleet a = instance().fleet(TTL);
    Fleet b = instance().fleet(TTL);
    assertThat(a.hold()).isTrue();
    b.receive(List.of(alert("Y")), T0, true);
    awaitLeaseExpired();

    assertThat(a.takeNew()).as("expired: not the holder").isEmpty();
    assertThat(b.hold()).isTrue();
    assertThat(b.takeNew()).containsExactly(alert("Y"));
  }

  // ---- a takeover waits for statements that found the old lease valid (FOR SHARE in a CTE)

  @Test
  void aTakeoverWaitsForAnIntakeThatFoundTheOldLeaseValidAndThenSeesItsAlerts() throws Exception {
    PostgresStores one = instance();
    PostgresStores two = instance();
    Fleet a = one.fleet(TTL);
    Fleet b = two.fleet(TTL);
    assertThat(a.hold()).isTrue();
    one.alerts().receive(List.of(alert("X", T0, T0.plusSeconds(300))), T0);
    Alert update = alert("X", T0, T0.plusSeconds(600));

    try (Connection blocker = connect()) {
      // holds the intake mid-statement: its upsert waits for this lock on the alert's row, after
      // its lease check locked the lease row
      blocker.setAutoCommit(false);
      execute(blocker, "SELECT 1 FROM alert_router.alert FOR UPDATE");
      Future<Intake> intake = threads.submit(() -> a.receive(List.of(update), T0.plusSeconds(60), true));
      awaitWaitingOnLock("WITH lease");
      awaitLeaseExpired();

      Future<Boolean> takeover = threads.submit(b::hold);
      awaitWaitingOnLock("UPDATE alert_router.fleet_lease");
      assertThat(takeover).as("waits for the intake").isNotDone();
      blocker.commit();

      assertThat(intake.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("found the lease valid")
          .isEqualTo(new Intake(List.of(update), true));
      assertThat(takeover.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }
    assertThat(two.alerts().all()).as("the new holder's read after taking over").containsExactly(update);
  }

  @Test
  void aTakeoverWaitsForATakeThatFoundTheOldLeaseValid() throws Exception {
    Fleet a = instance().fleet(TTL);
    Fleet b = instance().fleet(TTL);
    assertThat(a.hold()).isTrue();
    b.receive(List.of(alert("Y")), T0, true);

    try (Connection blocker = connect()) {
      blocker.setAutoCommit(false);
      execute(blocker, "SELECT 1 FROM alert_router.alert_change FOR UPDATE");
      Future<List<Alert>> take = threads.submit(a::takeNew);
      awaitWaitingOnLock("WITH lease");
      awaitLeaseExpired();

      Future<Boolean> takeover = threads.submit(b::hold);
      awaitWaitingOnLock("UPDATE alert_router.fleet_lease");
      assertThat(takeover).as("waits for the take").isNotDone();
      blocker.commit();

      assertThat(take.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).containsExactly(alert("Y"));
      assertThat(takeover.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }
    assertThat(b.takeNew()).as("handed out once, to the old holder").isEmpty();
  }

  /**
   * Intakes through the holder and through another member while the holder stops renewing and
   * the other takes over: each alert is routed by whoever held the lease when it arrived, or read
   * by the new holder when it took over, or waits in its inbox; none falls between.
   */
  @Test
  void noAlertIsLostWhileTheLeaseChangesHandsUnderIntake() throws Exception {
    PostgresStores one = instance();
    PostgresStores two = instance();
    Fleet a = one.fleet(TTL);
    Fleet b = two.fleet(TTL);
    assertThat(a.hold()).isTrue();

    record Received(Fleet via, Intake intake) {}
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    AtomicInteger names = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<?>> senders = new ArrayList<>();
    for (Fleet via : List.of(a, a, b, b)) {
      senders.add(threads.submit(() -> {
        for (int batch = 0; batch < 100_000 && !stop.get(); batch++) { // stopped long before the bound
          List<Alert> alerts = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            alerts.add(alert("R" + names.incrementAndGet()));
          }
          received.add(new Received(via, via.receive(alerts, T0, true)));
        }
        return null;
      }));
    }
    List<Alert> readAtTakeover;
    try {
      long held = System.nanoTime();
      while (!b.hold()) { // no pause: read the alerts as soon after the expiry as can be
        assertThat(Duration.ofNanos(System.nanoTime() - held)).isLessThan(TTL.plus(BOUND));
      }
      readAtTakeover = two.alerts().all();
      Thread.sleep(300); // intakes go on under the new holder
    } finally {
      stop.set(true);
    }
    for (Future<?> sender : senders) {
      sender.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }
    assertThat(b.hold()).as("still the holder").isTrue();
    List<Alert> taken = b.takeNew();

    Set<Fingerprint> seen = fingerprints(readAtTakeover);
    Set<Fingerprint> inbox = fingerprints(taken);
    List<Fingerprint> unaccounted = new ArrayList<>();
    List<Fingerprint> routedByOldHolderUnseen = new ArrayList<>();
    Map<String, Integer> answers = new TreeMap<>();
    for (Received r : received) {
      answers.merge((r.via() == a ? "a" : "b") + "/" + r.intake().routeHere(), 1, Integer::sum);
      for (Alert alert : r.intake().stored()) {
        Fingerprint fp = alert.fingerprint();
        if (!r.intake().routeHere() && !seen.contains(fp) && !inbox.contains(fp)) {
          unaccounted.add(fp);
        }
        // what the lock on the lease row is for: the old holder may have stopped before routing it
        if (r.via() == a && r.intake().routeHere() && !seen.contains(fp)) {
          routedByOldHolderUnseen.add(fp);
        }
      }
    }
    assertThat(answers).as("every kind of intake happened: %s", answers)
        .containsKeys("a/true", "a/false", "b/true", "b/false");
    assertThat(unaccounted).as("neither routed, nor read at takeover, nor in the inbox").isEmpty();
    assertThat(routedByOldHolderUnseen).as("routed by the old holder, yet not seen by the new one").isEmpty();
    assertThat(received.stream().mapToInt(r -> r.intake().stored().size()).sum()).isEqualTo(names.get());
  }

  // ---- errors

  @Test
  void aStoreThatCannotBeReachedFailsWithAStoreExceptionShowingNoPassword() {
    PostgresStores stores = instance(url + "&password=NotNeeded1");
    Fleet a = stores.fleet(TTL);
    stores.close();

    assertThatThrownBy(a::hold).isInstanceOf(StoreException.class).hasMessageContaining("hold the fleet's lease")
        .hasMessageNotContaining("NotNeeded1");
    assertThatThrownBy(() -> a.receive(List.of(alert("X")), T0, true)).isInstanceOf(StoreException.class)
        .hasMessageNotContaining("NotNeeded1");
    assertThatThrownBy(a::takeNew).isInstanceOf(StoreException.class).hasMessageNotContaining("NotNeeded1");
    assertThatThrownBy(a::release).isInstanceOf(StoreException.class).hasMessageNotContaining("NotNeeded1");
  }

  // ---- helpers

  private PostgresStores instance() {
    return instance(url);
  }

  private PostgresStores instance(String jdbcUrl) {
    PostgresStores stores = PostgresStores.connect(jdbcUrl, CLOCK);
    opened.add(stores);
    return stores;
  }

  private static Alert alert(String name) {
    return alert(name, T0, T0.plusSeconds(300));
  }

  private static Alert alert(String name, Instant startsAt, Instant endsAt) {
    return Alert.firing(Map.of("alertname", name, "team", "支付-payments")).annotation("summary", "5xx > 5%")
        .startsAt(startsAt).endsAt(endsAt).build();
  }

  private static Set<Fingerprint> fingerprints(List<Alert> alerts) {
    return alerts.stream().map(Alert::fingerprint).collect(Collectors.toCollection(HashSet::new));
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Until the lease has expired on the database's clock. */
  private void awaitLeaseExpired() throws Exception {
    awaitTrue("the lease to expire", "SELECT expires_at <= clock_timestamp() FROM alert_router.fleet_lease", null);
  }

  /** Until a statement of this database that starts with {@code start} waits for a lock. */
  private void awaitWaitingOnLock(String start) throws Exception {
    awaitTrue("a statement '" + start + "...' to wait for a lock", "SELECT count(*) > 0 FROM pg_stat_activity"
        + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ?", start + "%");
  }

  private void awaitTrue(String what, String sql, String parameter) throws Exception {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setString(1, parameter);
      }
      BooleanSupplier holds = () -> {
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      };
      long start = System.nanoTime();
      while (!holds.getAsBoolean()) {
        if (System.nanoTime() - start > BOUND.toNanos()) {
          throw new AssertionError("waited " + BOUND + " for " + what);
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }
}
