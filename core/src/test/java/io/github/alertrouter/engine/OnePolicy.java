package io.github.alertrouter.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The engine scenarios' smallest setup: robot {@code ops} on the {@link ScriptedPlatform}, one
 * policy grouped by alertname, repeating every 4 h, with resolved notices.
 */
final class OnePolicy {
  /** Group wait 30 s, group interval 5 min: what the crash and fleet scenarios hold alerts past. */
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);

  private OnePolicy() {}

  static RouterConfig config() {
    return RouterConfig.builder()
        .robot(new Robot("ops", "scripted", Secret.of("https://example.com/hook/ops"), null, null))
        .notificationPolicy(NotificationPolicy.builder("p")
            .groupRule(new GroupRule(GROUP_WAIT, GROUP_INTERVAL, List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of("ops"), List.of()))
            .repeatInterval(Duration.ofHours(4))
            .sendResolved(true)
            .build())
        .build();
  }

  /** An alert named {@code name} whose source keeps re-sending it: firing for a day from {@code at}. */
  static Alert firing(String name, Instant at) {
    return Alert.firing(Map.of("alertname", name)).startsAt(at).endsAt(at.plus(Duration.ofDays(1))).build();
  }
}
