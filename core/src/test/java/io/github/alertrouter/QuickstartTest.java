package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's quickstart, kept compiling and true. */
class QuickstartTest {
  @Test
  void readmeQuickstartRoutesAsDocumented() {
    RouterConfig inCode = RouterConfig.builder()
        .robot(new Robot("sre-ding", "dingtalk",
            Secret.of("https://oapi.dingtalk.com/robot/send?access_token=test"), null, "alert"))
        .notificationPolicy(NotificationPolicy.builder("payments-critical")
            .matching(Condition.eq("team", "payments"), Condition.in("severity", "critical", "error"))
            .notifyRule(new NotifyRule(null, List.of("sre-ding"), List.of(MentionTarget.parse("label:owner"))))
            .repeatInterval(Duration.ofMinutes(10))
            .build())
        .build();

    Alert alert = Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments", "severity", "critical"))
        .annotation("summary", "5xx > 5%")
        .startsAt(Instant.parse("2026-03-08T01:59:30Z"))
        .build();

    RoutingTree routes = RoutingTree.compile(inCode.notificationPolicies());
    List<RouteMatch> matches = routes.match(alert.labels());
    assertThat(matches).hasSize(1);
    RouteMatch match = matches.get(0);
    assertThat(match.settings().name() + " " + match.groupKey(alert.labels()))
        .isEqualTo("payments-critical {}/{severity=~\"critical|error\",team=\"payments\"}:{alertname=\"HighErrorRate\"}");
  }
}
