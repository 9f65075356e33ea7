package io.github.alertrouter.engine;

import static io.github.alertrouter.engine.OnePolicy.config;
import static io.github.alertrouter.engine.OnePolicy.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.RouterStats;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StandbyException;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several routers on one shared store, on virtual time: one active at a time by lease, the others
 * accepting alerts for it; a member that dies is replaced within the lease's time to live plus a
 * tick, and the one taking over sends what was due, once.
 */
class FleetTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final Duration GROUP_WAIT = OnePolicy.GROUP_WAIT;
  private static final Duration GROUP_INTERVAL = OnePolicy.GROUP_INTERVAL;
  private static final Duration STEP = Duration.ofMillis(100);

  /** Alice and Bob alternate daily at 02:01 UTC, a minute after T0; handoffs go to the ops robot. */
  private static final String ON_CALL = """
      contacts:
        - { id: alice, name: Alice }
        - { id: bob, name: Bob }
      robots:
        - { id: ops, platform: scripted, webhook: "https://example.com/hook/ops" }
      schedules:
        - id: primary
          timeZone: UTC
          handoffRobot: ops
          layers:
            - { name: daily, members: [alice, bob], rotation: DAILY, handoff: "2026-03-07T02:01" }
      """;

  private final SharedStore store = new SharedStore();
  private final NotificationLog log = NotificationLog.inMemory();
  private final DurableOutbox outbox = new DurableOutbox(log);
  private final HandoffLog handoffs = HandoffLog.inMemory();
  private final SilenceStore silences = SilenceStore.inMemory();
  private final List<Member> live = new ArrayList<>();
  private final List<Member> all = new ArrayList<>();

  /** One process of the fleet: its own timers and its own view of the (one) chat. */
  private final class Member {
    final ManualScheduler scheduler;
    final ScriptedPlatform chat;
    final SharedStore.Member fleet;
    final AlertRouter router;

    Member(String name) {
      this(name, Runnable::run);
    }

    /** {@code sender}: where its HTTP requests run. */
    Member(String name, Executor sender) {
      this(name, sender, config());
    }

    Member(String name, Executor sender, RouterConfig config) {
      Instant now = live.isEmpty() ? T0 : live.get(0).scheduler.now();
      scheduler = new ManualScheduler(now);
      chat = new ScriptedPlatform(scheduler.clock());
      fleet = store.member(name, scheduler.clock(), TTL);
      router = AlertRouter.builder().config(config).scheduler(scheduler).sendExecutor(sender).handoffLog(handoffs)
          .platforms(Platforms.of(chat)).fleet(fleet).alertStore(store.alerts).silenceStore(silences)
          .notificationLog(log).outbox(outbox.process()).build();
      live.add(this);
      all.add(this);
    }

    /** kill -9: its timers never run again, nothing is closed or released. */
    void kill() {
      live.remove(this);
    }
  }

  @AfterEach
  void close() {
    live.forEach(m -> m.router.close());
  }

  /** Starts a member and lets its first lease tick run (the first one started becomes active). */
  private Member start(String name) {
    Member m = new Member(name);
    advance(STEP);
    return m;
  }

  /** Moves every live member's time on together; never two active at once, at any step. */
  private void advance(Duration d) {
    for (long i = 0; i < d.dividedBy(STEP); i++) {
      for (Member m : List.copyOf(live)) {
        m.scheduler.advance(STEP);
      }
      assertThat(live.stream().filter(m -> m.router.active()).count()).as("members active at once").isLessThanOrEqualTo(1);
    }
  }

  /** Advances until {@code m} is active; returns how long that took. */
  private Duration untilActive(Member m, Duration bound) {
    Duration waited = Duration.ZERO;
    while (!m.router.active() && waited.compareTo(bound) < 0) {
      advance(STEP);
      waited = waited.plus(STEP);
    }
    assertThat(m.router.active()).as(m.fleet.member() + " active within " + bound).isTrue();
    return waited;
  }

  /** Every firing announcement any member's chat received (the same chat, seen by each process). */
  private List<String> firingAnnounced() {
    return all.stream().flatMap(m -> m.chat.received("ops").stream()).flatMap(r -> r.firing().stream()).toList();
  }

  private List<String> resolvedAnnounced() {
    return all.stream().flatMap(m -> m.chat.received("ops").stream()).flatMap(r -> r.resolved().stream()).toList();
  }

  @Test
  void oneMemberBecomesActiveAndRoutesWhatEveryMemberAccepted() {
    Member a = new Member("a");
    Member b = new Member("b");
    Member c = start("c");
    assertThat(List.of(a, b, c).stream().filter(m -> m.router.active()).toList()).hasSize(1);
    for (int i = 0; i < 9; i++) {
      List.of(a, b, c).get(i % 3).router.submit(firing("A" + i, a.scheduler.now()));
    }
    advance(GROUP_WAIT.plusSeconds(2));

    assertThat(firingAnnounced()).hasSize(9).doesNotHaveDuplicates();
    Member active = List.of(a, b, c).stream().filter(m -> m.router.active()).findFirst().orElseThrow();
    assertThat(active.chat.received("ops")).as("only the active member sends").hasSize(9);
    assertThat(active.router.stats().groups()).isEqualTo(9);
  }

  @Test
  void theActiveMemberCountsTheFleetsAlertsAndAStandbyNoneSoTheFleetsSumIsRight() {
    Member a = start("a");
    Member b = start("b");
    a.router.submit(firing("A", a.scheduler.now()));
    b.router.submit(firing("B", b.scheduler.now()), firing("C", b.scheduler.now()));
    advance(Duration.ofSeconds(1)); // a lease tick: the active member takes what the standby accepted

    assertThat(a.router.stats()).isEqualTo(new RouterStats(3, 3, 3, 0, 0));
    assertThat(b.router.stats()).as("a standby holds no groups, and counts no alerts")
        .isEqualTo(new RouterStats(0, 0, 0, 0));

    a.fleet.cutOff = true; // a partition: a stands down, b takes over from the store
    untilActive(b, Duration.ofSeconds(15));
    assertThat(a.router.active()).isFalse();
    assertThat(a.router.stats()).isEqualTo(new RouterStats(0, 0, 0, 0));
    assertThat(b.router.stats()).isEqualTo(new RouterStats(3, 3, 3, 0, 0));
  }

  @Test
  void whenTheActiveMemberDiesAStandbyTakesOverWithin15sAndSendsWhatWasDueOnce() {
    Member a = start("a");
    Member b = start("b");
    assertThat(a.router.active()).isTrue();
    for (int i = 0; i < 5; i++) {
      a.router.submit(firing("Early" + i, a.scheduler.now()));
    }
    advance(GROUP_WAIT.plusSeconds(1));
    assertThat(firingAnnounced()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      a.router.submit(firing("Late" + i, a.scheduler.now())); // inside their group wait at the kill
      b.router.submit(firing("ViaStandby" + i, a.scheduler.now()));
    }
    advance(Duration.ofSeconds(5));

    a.kill();
    Duration takeover = untilActive(b, Duration.ofSeconds(15));
    assertThat(takeover).isLessThanOrEqualTo(TTL.plus(TTL.dividedBy(10)));
    advance(GROUP_WAIT.plusSeconds(1));

    assertThat(firingAnnounced()).as("each alert announced once across the fleet").hasSize(15).doesNotHaveDuplicates();
    assertThat(b.chat.received("ops")).as("the early ones are not repeated by the member taking over").hasSize(10);
  }

  @Test
  void whatTheActiveMemberHadOutWhenItDiedIsSentAgainByTheNextAndItsResolutionIsAnnounced() {
    Member a = new Member("a", request -> { }); // its requests never complete: out when it is killed
    advance(STEP);
    Member b = start("b");
    a.router.submit(firing("X", a.scheduler.now()), firing("Y", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(1));
    assertThat(firingAnnounced()).isEmpty();
    b.router.submit(firing("X", T0).resolvedAt(b.scheduler.now()), firing("Y", T0).resolvedAt(b.scheduler.now()));

    a.kill();
    untilActive(b, Duration.ofSeconds(15));
    advance(GROUP_INTERVAL.plusSeconds(1));

    assertThat(resolvedAnnounced()).as("the chat may show them firing: it hears them resolve, once")
        .containsExactlyInAnyOrder("X", "Y");
    assertThat(outbox.size()).isZero();
  }

  @Test
  void aHandoffWhileNoMemberWasActiveIsAnnouncedByTheOneTakingOverOnce() {
    RouterConfig onCall = RouterConfig.parse(ON_CALL, "fleet.yaml", Map.of());
    Member a = new Member("a", Runnable::run, onCall);
    advance(STEP);
    Member b = new Member("b", Runnable::run, onCall);
    advance(Duration.ofSeconds(50));

    a.kill(); // 10 s before the handoff; b's turn comes only once a's lease has run out
    untilActive(b, Duration.ofSeconds(15));
    advance(Duration.ofMinutes(1));

    assertThat(handoffsAnnounced()).containsExactly("On call for primary: Bob");
  }

  @Test
  void aHandoffTheDeadMemberAnnouncedIsNotRepeatedByTheOneTakingOver() {
    RouterConfig onCall = RouterConfig.parse(ON_CALL, "fleet.yaml", Map.of());
    Member a = new Member("a", Runnable::run, onCall);
    advance(STEP);
    Member b = new Member("b", Runnable::run, onCall);
    advance(Duration.ofSeconds(65)); // a announces the 02:01 handoff

    a.kill();
    untilActive(b, Duration.ofSeconds(15));
    advance(Duration.ofMinutes(1));

    assertThat(handoffsAnnounced()).containsExactly("On call for primary: Bob");
  }

  private List<String> handoffsAnnounced() {
    return all.stream().flatMap(m -> m.chat.received("ops").stream()).map(r -> r.notice().title()).toList();
  }

  @Test
  void aCleanStopGivesTheLeaseUpAtOnce() {
    Member a = start("a");
    Member b = start("b");
    a.router.close();
    a.kill();
    assertThat(untilActive(b, Duration.ofSeconds(2))).isLessThanOrEqualTo(TTL.dividedBy(10));
  }

  @Test
  void aMemberCutOffFromTheStoreStopsSendingBeforeAnotherTakesOverAndRefusesAlerts() {
    Member a = start("a");
    Member b = start("b");
    a.router.submit(firing("Before", a.scheduler.now()));
    a.fleet.cutOff = true; // a partition: a cannot renew; b can take over once the lease expires
    assertThatThrownBy(() -> a.router.submit(firing("During", a.scheduler.now())))
        .as("an alert the store did not take is refused (serve answers 503)").isInstanceOf(StoreException.class);

    untilActive(b, Duration.ofSeconds(15)); // advance() checks a stepped down first, at every step
    assertThat(a.router.active()).isFalse();
    advance(GROUP_WAIT.plusSeconds(1));
    assertThat(firingAnnounced()).containsExactly("Before");
    assertThat(a.chat.received("ops")).isEmpty();

    // healed, a is a standby again: it accepts alerts for b
    a.fleet.cutOff = false;
    a.router.submit(firing("After", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(2));
    assertThat(firingAnnounced()).containsExactlyInAnyOrder("Before", "After");
  }

  @Test
  void aMemberThatSteppedDownAndComesBackCarriesOnWithoutRepeating() {
    Member a = start("a");
    Member b = start("b");
    a.router.submit(firing("X", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(1));
    a.fleet.cutOff = true;
    untilActive(b, Duration.ofSeconds(15));
    b.router.submit(firing("X", b.scheduler.now()).resolvedAt(b.scheduler.now()));
    b.kill(); // before the resolved notice went out
    a.fleet.cutOff = false;
    untilActive(a, Duration.ofSeconds(15));
    advance(GROUP_INTERVAL.plusSeconds(1));

    assertThat(firingAnnounced()).containsExactly("X");
    assertThat(resolvedAnnounced()).containsExactly("X");
  }

  @Test
  void aMemberThatStepsDownDropsWhatItsLanesHeldAndTheNewActiveMemberSendsIt() {
    Member a = start("a");
    Member b = start("b");
    a.chat.set("ops", ScriptedPlatform.Behaviour.DOWN); // a's notice waits between attempts
    a.router.submit(firing("X", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(1));
    assertThat(a.router.lanes().get(0).pending()).isEqualTo(1);
    a.fleet.cutOff = true;
    untilActive(b, Duration.ofSeconds(15));
    a.chat.set("ops", ScriptedPlatform.Behaviour.UP); // a's next attempt would now get through
    advance(GROUP_WAIT.plusSeconds(31));

    assertThat(a.chat.received("ops")).as("a standby sends nothing").isEmpty();
    assertThat(a.router.lanes().get(0).pending()).isZero();
    assertThat(firingAnnounced()).containsExactly("X");
  }

  @Test
  void aReloadOfTheActiveMemberKeepsItActiveAndSendsEachNoticeOnce() {
    Member a = start("a");
    Member b = start("b");
    a.router.submit(firing("Early", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(1));
    a.router.submit(firing("Late", a.scheduler.now())); // inside its group wait at the reload
    AlertRouter reloaded = AlertRouter.builder().config(config()).scheduler(a.scheduler).platforms(Platforms.of(a.chat))
        .fleet(a.fleet).alertStore(store.alerts).silenceStore(silences).notificationLog(log).replacing(a.router).build();
    assertThat(reloaded.active()).as("the same member: its lease goes on").isTrue();
    advance(GROUP_WAIT.plusSeconds(1));

    assertThat(b.router.active()).isFalse();
    assertThat(firingAnnounced()).containsExactlyInAnyOrder("Early", "Late");
    reloaded.close();
  }

  @Test
  void silencesAddedOnAStandbyApplyOnTheActiveMember() {
    Member a = start("a");
    Member b = start("b");
    b.router.addSilence(new Silence("quiet", List.of(Condition.eq("alertname", "Muted")),
        b.scheduler.now(), b.scheduler.now().plus(Duration.ofHours(1)), "ops", "maintenance"));
    advance(Duration.ofSeconds(2));
    a.router.submit(firing("Muted", a.scheduler.now()));
    a.router.submit(firing("Loud", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(1));
    assertThat(firingAnnounced()).containsExactly("Loud");

    b.router.expireSilence("quiet");
    advance(GROUP_INTERVAL.plusSeconds(2));
    assertThat(firingAnnounced()).containsExactlyInAnyOrder("Loud", "Muted");
  }

  @Test
  void actingOnAGroupNeedsTheActiveMember() {
    Member a = start("a");
    Member b = start("b");
    a.router.submit(firing("X", a.scheduler.now()));
    advance(GROUP_WAIT.plusSeconds(1));
    String key = a.chat.received("ops").get(0).notification().groupKey();
    assertThatThrownBy(() -> b.router.resolve(key, "alice")).isInstanceOf(StandbyException.class)
        .hasMessageContaining("standby");
    assertThatThrownBy(() -> b.router.acknowledge(key, "alice")).isInstanceOf(StandbyException.class);
    assertThat(a.router.resolve(key, "alice")).isTrue();
  }
}
