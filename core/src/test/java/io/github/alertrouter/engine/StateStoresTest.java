package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StateStores;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code AlertRouter.Builder.stores} wires every seam a store module opens, as the single setters do. */
class StateStoresTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  private record Seams(NotificationLog notificationLog, RateWindows rateWindows, EscalationStore escalations,
      HandoffLog handoffs, UsedTokens usedTokens, BindingStore bindings, AlertStore alerts, SilenceStore silences,
      Outbox outbox) implements StateStores {}

  @Test
  void aRouterBuiltOnStateStoresKeepsItsStateThere() {
    ManualScheduler scheduler = new ManualScheduler(T0);
    NotificationLog log = NotificationLog.inMemory();
    Seams seams = new Seams(log, RateWindows.inMemory(), EscalationStore.inMemory(), HandoffLog.inMemory(),
        UsedTokens.inMemory(scheduler.clock()), BindingStore.inMemory(), AlertStore.inMemory(), SilenceStore.inMemory(),
        Outbox.inMemory(log));
    ScriptedPlatform chat = new ScriptedPlatform(scheduler.clock());
    chat.set("ops", ScriptedPlatform.Behaviour.DOWN); // the notice waits in the outbox between attempts
    RouterConfig config = RouterConfig.builder()
        .robot(new Robot("ops", "scripted", Secret.of("https://example.com/hook/ops"), null, null))
        .notificationPolicy(NotificationPolicy.builder("p")
            .groupRule(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of("ops"), List.of()))
            .repeatInterval(Duration.ofHours(4))
            .build())
        .build();

    try (AlertRouter router = AlertRouter.builder().config(config).scheduler(scheduler).platforms(Platforms.of(chat))
        .stores(seams).build()) {
      Alert disk = Alert.firing(Map.of("alertname", "Disk")).startsAt(T0).build();
      router.submit(disk);
      router.addSilence(new Silence("s1", List.of(Condition.eq("alertname", "Noisy")), T0, T0.plusSeconds(3600),
          "bob", "known"));
      scheduler.advance(Duration.ofSeconds(31));

      assertThat(seams.alerts().all()).extracting(Alert::labels).containsExactly(disk.labels());
      assertThat(seams.silences().all()).extracting(Silence::id).containsExactly("s1");
      assertThat(seams.outbox().depth()).as("the notice, between attempts").isEqualTo(1);

      chat.set("ops", ScriptedPlatform.Behaviour.UP);
      scheduler.advance(Duration.ofMinutes(2));
      assertThat(seams.outbox().depth()).isZero();
      assertThat(log.entries()).hasSize(1);
    }
  }
}
