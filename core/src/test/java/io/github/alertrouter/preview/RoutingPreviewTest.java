package io.github.alertrouter.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.RouterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPreviewTest {
  private static final Instant AT = Instant.parse("2026-03-08T02:00:00Z");

  private final RouterConfig config = RouterConfig.builder()
      .notificationPolicy(NotificationPolicy.builder("payments")
          .matching(Condition.eq("team", "payments"))
          .groupRule(new GroupRule(null, null, List.of("alertname", "cluster")))
          .repeatInterval(Duration.ofHours(1))
          .routes(List.of(NotificationPolicy.builder("payments-db").matching(Condition.re("service", "mysql|pg")).build()))
          .build())
      .notificationPolicy(NotificationPolicy.builder("everything").repeatInterval(Duration.ofHours(4)).build())
      .build();

  @Test
  void documentHasTheStableShape() {
    Alert firing = Alert.firing(Map.of("alertname", "DiskFull", "team", "payments", "service", "pg", "cluster", "hz"))
        .startsAt(AT.minusSeconds(60)).build();
    Alert resolved = Alert.firing(Map.of("alertname", "接口错误", "env", "a\"b"))
        .startsAt(AT.minusSeconds(600)).endsAt(AT.minusSeconds(1)).build();

    String json = RoutingPreview.of(config, List.of(firing, resolved), AT).toJson();

    assertThat(json).isEqualTo("""
        {
          "at": "2026-03-08T02:00:00Z",
          "alerts": [
            {
              "fingerprint": "%s",
              "status": "firing",
              "labels": {
                "alertname": "DiskFull",
                "cluster": "hz",
                "service": "pg",
                "team": "payments"
              },
              "silencedBy": [],
              "inhibited": false,
              "policies": [
                {
                  "name": "payments-db",
                  "routeKey": "{}/{team=\\"payments\\"}/{service=~\\"mysql|pg\\"}",
                  "groupKey": "{}/{team=\\"payments\\"}/{service=~\\"mysql|pg\\"}:{alertname=\\"DiskFull\\", cluster=\\"hz\\"}",
                  "groupLabels": {
                    "alertname": "DiskFull",
                    "cluster": "hz"
                  }
                },
                {
                  "name": "everything",
                  "routeKey": "{}",
                  "groupKey": "{}:{alertname=\\"DiskFull\\"}",
                  "groupLabels": {
                    "alertname": "DiskFull"
                  }
                }
              ]
            },
            {
              "fingerprint": "%s",
              "status": "resolved",
              "labels": {
                "alertname": "接口错误",
                "env": "a\\"b"
              },
              "silencedBy": [],
              "inhibited": false,
              "policies": [
                {
                  "name": "everything",
                  "routeKey": "{}",
                  "groupKey": "{}:{alertname=\\"接口错误\\"}",
                  "groupLabels": {
                    "alertname": "接口错误"
                  }
                }
              ]
            }
          ],
          "notifications": []
        }
        """.formatted(firing.fingerprint(), resolved.fingerprint()));
  }

  @Test
  void statusIsTakenAtThePreviewInstant() {
    Alert endsLater = Alert.firing(Map.of("alertname", "A")).startsAt(AT.minusSeconds(60)).endsAt(AT.plusSeconds(60)).build();
    assertThat(RoutingPreview.of(config, List.of(endsLater), AT).alerts().get(0).status()).isEqualTo("firing");
    assertThat(RoutingPreview.of(config, List.of(endsLater), AT.plusSeconds(60)).alerts().get(0).status()).isEqualTo("resolved");
  }
}
