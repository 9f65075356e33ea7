package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine workload: one policy grouping by {@code service}, a DingTalk robot, a contact @-ed by
 * label, and alerts shaped like Kubernetes alerts (8 labels, 3 annotations).
 */
final class EngineWorkload {
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);

  private EngineWorkload() {}

  static RouterConfig config() {
    return RouterConfig.builder()
        .contact(new Contact("alice", "Alice", "+86 138 0000 0001", null, Map.of()))
        .robot(new Robot("ops", "dingtalk", Secret.of("https://oapi.dingtalk.com/robot/send?access_token=bench"),
            null, "alert", Map.of("timeZone", "Asia/Shanghai")))
        .notificationPolicy(NotificationPolicy.builder("bench")
            .groupRule(new GroupRule(GROUP_WAIT, GROUP_INTERVAL, List.of("service")))
            .notifyRule(new NotifyRule(null, List.of("ops"), List.of(MentionTarget.parse("label:owner"))))
            .repeatInterval(Duration.ofHours(4))
            .sendResolved(false)
            .build())
        .build();
  }

  /** Alert {@code n} of group {@code group}, firing from {@code at} for {@code lifetime}. */
  static Alert alert(int group, long n, Instant at, Duration lifetime) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("alertname", "HighErrorRate");
    labels.put("service", "svc-" + group);
    labels.put("namespace", "ns-" + (group % 40));
    labels.put("pod", "svc-" + group + "-" + Long.toHexString(n));
    labels.put("cluster", "prod-" + (group % 3));
    labels.put("severity", n % 5 == 0 ? "critical" : "warning");
    labels.put("team", "team-" + (group % 25));
    labels.put("owner", "alice");
    return Alert.firing(labels)
        .annotation("summary", "5xx ratio above 5% on svc-" + group)
        .annotation("description", "The error ratio of svc-" + group + " has been above 5% for 5 minutes.")
        .annotation("runbook_url", "https://runbooks.example.com/high-error-rate")
        .startsAt(at).endsAt(at.plus(lifetime))
        .build();
  }
}
