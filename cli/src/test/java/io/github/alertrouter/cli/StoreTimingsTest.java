package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store calls are timed by store and operation, failures counted, and the calls behave as before. */
class StoreTimingsTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private final StoreTimings timings = new StoreTimings();

  private String scrape() {
    PrometheusText text = new PrometheusText();
    timings.writeTo(text, "alert_router_");
    return text.text();
  }

  @Test
  void everyCallIsCountedInTheHistogramOfItsStoreAndOperation() {
    AlertStore alerts = timings.timed(AlertStore.class, "alerts", AlertStore.inMemory());
    Alert a = Alert.firing(Map.of("alertname", "A")).startsAt(T0).build();

    assertThat(alerts.receive(List.of(a), T0)).containsExactly(a);
    alerts.receive(List.of(a), T0);
    assertThat(alerts.all()).containsExactly(a);

    String text = scrape();
    assertThat(text).contains("# TYPE alert_router_store_operation_seconds histogram")
        .contains("alert_router_store_operation_seconds_count{store=\"alerts\",operation=\"receive\"} 2")
        .contains("alert_router_store_operation_seconds_bucket{store=\"alerts\",operation=\"receive\",le=\"+Inf\"} 2")
        .contains("alert_router_store_operation_seconds_bucket{store=\"alerts\",operation=\"receive\",le=\"0.0005\"} ")
        .contains("alert_router_store_operation_seconds_count{store=\"alerts\",operation=\"all\"} 1");
    assertThat(text).doesNotContain("operation=\"toString\"");
    ServeMetricsTest.assertWellFormed(text);
  }

  @Test
  void aFailingCallIsCountedAndItsExceptionReachesTheCallerUnchanged() {
    AlertStore down = new AlertStore() {
      @Override
      public List<Alert> receive(List<Alert> received, Instant now) {
        throw new StoreException("store: receive failed (connection refused)", null);
      }

      @Override
      public void resolved(Alert ended, Instant now) { }

      @Override
      public List<Alert> all() {
        return List.of();
      }

      @Override
      public Counts counts(Instant now) {
        return new Counts(0, 0);
      }

      @Override
      public List<Fingerprint> expire(Instant cutoff) {
        return List.of();
      }
    };
    AlertStore alerts = timings.timed(AlertStore.class, "alerts", down);

    assertThatThrownBy(() -> alerts.receive(List.of(), T0))
        .isInstanceOf(StoreException.class).hasMessage("store: receive failed (connection refused)");
    assertThat(scrape())
        .contains("alert_router_store_operation_errors_total{store=\"alerts\",operation=\"receive\"} 1")
        .contains("alert_router_store_operation_seconds_count{store=\"alerts\",operation=\"receive\"} 1");
  }

  @Test
  void whatAStoreHandsOutIsTimedUnderItsName() {
    RateWindows windows = timings.timed(RateWindows.class, "rateWindows", RateWindows.inMemory());
    RateWindows.Window window = windows.window("ops:abc", List.of(new RateLimit(20, Duration.ofMinutes(1))));

    assertThat(window.tryAcquire(T0)).isZero();

    assertThat(scrape())
        .contains("alert_router_store_operation_seconds_count{store=\"rateWindows\",operation=\"window\"} 1")
        .contains("alert_router_store_operation_seconds_count{store=\"rateWindows\",operation=\"tryAcquire\"} 1");
  }
}
