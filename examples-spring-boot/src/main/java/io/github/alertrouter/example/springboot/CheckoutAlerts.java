package io.github.alertrouter.example.springboot;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Alerts raised by the application itself rather than by Prometheus: inject the
 * {@link AlertRouter} bean and submit. Submitting never blocks on a chat (delivery runs on the
 * router's threads) and delivery problems never come back as exceptions. Thread-safe.
 */
@Component
public class CheckoutAlerts {
  private final AlertRouter router;

  /** Created by Spring with the starter's router. */
  public CheckoutAlerts(AlertRouter router) {
    this.router = router;
  }

  /**
   * Reports checkout's error ratio as too high; the same labels again update the same alert, so
   * calling this on every check does not repeat the message.
   */
  public void errorRatioTooHigh(double ratio) {
    router.submit(Alert.firing(Map.of("alertname", "CheckoutErrorRatio", "team", "payments", "severity", "critical"))
        .annotation("summary", String.format(Locale.ROOT, "checkout errors at %.1f%%", ratio * 100))
        .build());
  }
}
