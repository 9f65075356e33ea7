package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.RouterSnapshot;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A configuration reload: a new router takes over the old one's alerts, notification log,
 * escalations and run-time silences (Alertmanager keeps its alerts and nflog across a reload).
 * Without it, a reload forgot every firing group: resolved notices were never sent for what had
 * been announced, and running escalations stopped.
 */
class TakeOverScenariosTest {
  private static final String BASIC = """
      notificationPolicies:
        - name: payments
          groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname] }
          notifyRule: { robots: [ops], mention: ["contact:alice"] }
          repeatInterval: 4h
          sendResolved: true
      """;
  private static final String ESCALATING = EscalationScenariosTest.POLICY;

  private RouterFixture f;
  private AlertRouter next;

  @AfterEach
  void close() {
    if (next != null) {
      next.close();
    }
    f.close();
  }

  private void takeOver(AlertRouter replacement) {
    next = replacement;
    next.takeOver(f.router);
    f.scheduler.runDue();
  }

  private void submitToNext(Alert... alerts) {
    next.submit(alerts);
    f.scheduler.runDue();
  }

  @Test
  void aReloadRepeatsNothingKeepsTheRepeatScheduleAndSendsTheResolvedNotice() {
    f = new RouterFixture(BASIC);
    Instant start = f.clock.instant();
    Alert disk = f.firing(Map.of("alertname", "DiskFull", "instance", "db-1"));
    f.submit(disk);
    f.advance(Duration.ofSeconds(30));
    assertThat(f.messages("ops")).hasSize(1);
    f.advance(Duration.ofMinutes(10));

    takeOver(f.another());
    submitToNext(disk); // Alertmanager sends the group again at its own group_interval
    f.advance(Duration.ofMinutes(30));

    assertThat(f.messages("ops")).hasSize(1);
    assertThatThrownBy(() -> f.router.submit(disk)).isInstanceOf(IllegalStateException.class);

    f.advance(Duration.between(f.clock.instant(), start.plus(Duration.ofHours(4))));
    assertThat(f.messages("ops")).hasSize(1); // the repeat is due 4h after the first notice, not after the reload
    f.advance(Duration.ofMinutes(10));
    assertThat(f.messages("ops")).hasSize(2);
    assertThat(f.sent.get(1).reason()).isEqualTo(NotifyReason.REPEAT);

    submitToNext(f.resolved(disk));
    f.advance(Duration.ofMinutes(5));

    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(3);
    assertThat(ops.get(2).notification().resolved()).isNotEmpty();
    assertThat(ops.get(2).values("instance")).contains("db-1");
    assertThat(next.stats().firingAlerts()).isZero();
  }

  @Test
  void anEscalationGoesOnFromWhereItWasUnderTheNewRouter() {
    f = new RouterFixture(ESCALATING);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30)); // first notice
    f.advance(Duration.ofMinutes(10)); // step 1
    assertThat(f.messages("ops")).hasSize(2);
    f.advance(Duration.ofMinutes(2));

    takeOver(f.another()); // its own, empty escalation store: the episode moves over
    f.advance(Duration.ofMinutes(3)); // step 1's repeat, 15 min after the first notice
    assertThat(f.messages("ops")).hasSize(3);
    assertThat(f.messages("ops").get(2).reasonText()).contains("escalation step 1 of 2 (repeat 1 of 1)");

    f.advance(Duration.ofMinutes(15)); // step 2, 30 min after the first notice, through dev
    assertThat(f.messages("ops")).hasSize(3); // nothing sent twice
    assertThat(f.messages("dev")).singleElement()
        .satisfies(m -> assertThat(m.reasonText()).contains("escalation step 2 of 2"));
  }

  @Test
  void anAcknowledgementSurvivesTheReloadAndCanBeWithdrawnOnTheNewRouter() {
    f = new RouterFixture(ESCALATING);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    String groupKey = f.sent.get(0).groupKey();
    assertThat(f.router.acknowledge(groupKey, "bob")).isTrue();

    takeOver(f.another());
    f.advance(Duration.ofMinutes(20));
    assertThat(f.messages("ops")).hasSize(2); // notice, acknowledgement; step 1 and its repeat stay held

    assertThat(next.unacknowledge(groupKey, "bob")).isTrue();
    f.scheduler.runDue();
    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(4); // the withdrawal, then the held step at once
    assertThat(ops.get(2).reasonText()).contains("acknowledgement withdrawn by bob");
    assertThat(ops.get(3).reasonText()).contains("escalation step 1 of 2");
  }

  @Test
  void aRestartFromASnapshotRepeatsNothingAndTheEscalationGoesOn() {
    f = new RouterFixture(ESCALATING);
    Alert down = f.firing(Map.of("alertname", "PayDown"));
    f.submit(down);
    f.advance(Duration.ofSeconds(30)); // first notice
    f.advance(Duration.ofMinutes(10)); // step 1
    f.router.close();
    byte[] stored = f.router.snapshot().toJson(); // what serve keeps in --storage.path

    next = f.another(); // the next process: a new router, its own empty stores
    next.restore(RouterSnapshot.fromJson(stored));
    f.scheduler.runDue();
    submitToNext(down); // Alertmanager re-sends the group
    f.advance(Duration.ofMinutes(5)); // step 1's repeat, 15 min after the first notice

    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(3); // nothing announced again; the repeat on its old schedule
    assertThat(ops.get(2).reasonText()).contains("escalation step 1 of 2 (repeat 1 of 1)");

    submitToNext(f.resolved(down));
    f.advance(Duration.ofMinutes(30));
    assertThat(f.messages("dev")).isEmpty(); // resolved before step 2: the episode ended
  }

  @Test
  void aClaimLinkUsedBeforeTheReloadStaysUsedAfterIt() {
    f = new RouterFixture(ESCALATING);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    java.util.regex.Matcher claim = EscalationScenariosTest.claimLink(f.messages("ops").get(0));
    assertThat(claim.matches()).isTrue();
    assertThat(f.router.actionHandler().orElseThrow().handle("POST", claim.group(1), Map.of(), "who=bob".getBytes())
        .status()).isEqualTo(200);

    takeOver(f.another()); // built with the fixture's shared UsedTokens, as serve builds its routers

    assertThat(next.actionHandler().orElseThrow().handle("POST", claim.group(1), Map.of(), "who=eve".getBytes())
        .status()).isEqualTo(409);
  }

  @Test
  void silencesAddedAtRunTimeAreKept() {
    f = new RouterFixture(BASIC);
    f.router.addSilence(new Silence("maint", List.of(Condition.eq("alertname", "Maintenance")),
        f.clock.instant(), f.clock.instant().plus(Duration.ofHours(2)), "alice", "planned work"));

    takeOver(f.another());
    submitToNext(f.firing(Map.of("alertname", "Maintenance")));
    f.advance(Duration.ofMinutes(1));

    assertThat(next.silences()).extracting(Silence::id).containsExactly("maint");
    assertThat(f.messages("ops")).isEmpty();
  }

  @Test
  void aChangedConfigKeepsGroupsWithTheSameKeyAndUsesItsNewSettings() {
    f = new RouterFixture(BASIC);
    f.submit(f.firing(Map.of("alertname", "DiskFull", "instance", "db-1")));
    f.advance(Duration.ofSeconds(30));

    takeOver(f.another(BASIC.replace("contact:alice", "contact:bob"))); // a contact change
    f.advance(Duration.ofMinutes(10));
    assertThat(f.messages("ops")).hasSize(1); // the same group: not announced again

    submitToNext(f.firing(Map.of("alertname", "DiskFull", "instance", "db-2")));
    f.advance(Duration.ofMinutes(5));
    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(2);
    assertThat(ops.get(1).values("instance")).contains("db-2");
    assertThat(ops.get(1).mentions()).containsExactly("userId:bob007"); // the new config's mention
  }

  @Test
  void aRouterCannotTakeOverItselfOrAClosedOne() {
    f = new RouterFixture(BASIC);
    assertThatThrownBy(() -> f.router.takeOver(f.router)).isInstanceOf(IllegalArgumentException.class);
    next = f.another();
    AlertRouter closed = f.another();
    closed.close();
    assertThatThrownBy(() -> next.takeOver(closed)).isInstanceOf(IllegalStateException.class);
  }
}
