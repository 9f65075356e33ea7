package io.github.alertrouter.engine;

import static io.github.alertrouter.engine.OnePolicy.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.RouterStats;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stats()} is what {@code serve} answers every {@code /metrics} scrape and readiness probe
 * with: every few seconds, from each Prometheus. Its cost must not grow with the alerts held
 * (100,000 behind a large Alertmanager), so the router keeps its counts as alerts come and go
 * rather than asking the store to count them.
 */
class StatsCostTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final VisitCountingStore store = new VisitCountingStore();
  private final AlertRouter router = AlertRouter.builder().config(config()).scheduler(scheduler)
      .platforms(Platforms.of(new ScriptedPlatform(scheduler.clock()))).alertStore(store).build();

  @AfterEach
  void close() {
    router.close();
  }

  @Test
  void aScrapeVisitsNoneOfTheAlertsHeld() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      // a tenth of them end a minute from now, the rest in a day
      Duration life = i % 10 == 0 ? Duration.ofMinutes(1) : Duration.ofDays(1);
      alerts.add(Alert.firing(Map.of("alertname", "A" + (i % 50), "instance", "host-" + i))
          .startsAt(T0).endsAt(T0.plus(life)).build());
    }
    router.submit(alerts);
    store.visits = 0;

    for (int scrape = 0; scrape < 100; scrape++) {
      assertThat(router.stats()).isEqualTo(new RouterStats(10_000, 10_000, 50, 0, 0));
    }
    scheduler.advance(Duration.ofMinutes(1)); // a tenth ended, with nobody telling the router
    for (int scrape = 0; scrape < 100; scrape++) {
      assertThat(router.stats()).isEqualTo(new RouterStats(10_000, 9_000, 50, 0, 0));
    }

    assertThat(store.visits).as("alerts the store visited to answer 200 scrapes of 10,000 alerts").isZero();
  }

  /**
   * The in-memory store, counting each alert it reads to count them, as a database's
   * {@code count(*)} reads each row.
   */
  private static final class VisitCountingStore implements AlertStore {
    private final AlertStore alerts = AlertStore.inMemory();
    long visits;

    @Override
    public List<Alert> receive(List<Alert> received, Instant now) {
      return alerts.receive(received, now);
    }

    @Override
    public void resolved(Alert ended, Instant now) {
      alerts.resolved(ended, now);
    }

    @Override
    public List<Alert> all() {
      return alerts.all();
    }

    @Override
    public Counts counts(Instant now) {
      List<Alert> all = alerts.all();
      visits += all.size();
      return new Counts(all.size(), (int) all.stream().filter(a -> !a.isResolvedAt(now)).count());
    }

    @Override
    public List<Fingerprint> expire(Instant cutoff) {
      return alerts.expire(cutoff);
    }
  }
}
