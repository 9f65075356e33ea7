package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.Alert;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for robots, alerts, notifications and requests, and JSON parsing. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-08T02:00:05Z");
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final DingTalkProvider PROVIDER = new DingTalkProvider();

  private Fixtures() {}

  public static Robot robot(String keyword, Map<String, String> options) {
    return new Robot("ops", "dingtalk", Secret.of("https://oapi.dingtalk.com/robot/send?access_token=t"), null,
        keyword, options);
  }

  public static Robot robot() {
    return robot("alert", Map.of());
  }

  public static Alert alert(String name, String instance) {
    return Alert.firing(Map.of("alertname", name, "service", "payments", "severity", "critical", "instance", instance))
        .annotation("summary", "p99 latency above 2s on " + instance)
        .startsAt(T0)
        .generatorURL("https://prometheus.example.com/graph?g0.expr=up")
        .build();
  }

  public static Notification notification(List<Alert> firing, List<Alert> resolved, List<NotificationLink> links) {
    return Notification.of("payments-oncall", "{}:{alertname=\"HighLatency\"}",
        new TreeMap<>(Map.of("alertname", "HighLatency", "service", "payments")),
        firing.isEmpty() ? NotifyReason.ALL_RESOLVED : NotifyReason.FIRST_NOTIFICATION, firing, resolved, links,
        T0.plusSeconds(60));
  }

  public static Notification firing(int count) {
    List<Alert> alerts = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      alerts.add(alert("HighLatency", "web-" + i));
    }
    return notification(alerts, List.of(), List.of());
  }

  public static Mention mobile(String name, String number) {
    return Mention.resolved(MentionTarget.contact(name), name, name, new Identity("mobile", number));
  }

  public static Mention userId(String name, String id) {
    return Mention.resolved(MentionTarget.contact(name), name, name, new Identity("userId", id));
  }

  public static Mention unresolved(String name) {
    return Mention.unresolved(MentionTarget.contact("c"), "c", name, "no DingTalk userId or mobile");
  }

  public static List<Mention> mentions() {
    return List.of(mobile("Alice", "13800000001"), userId("Bob", "0123"), unresolved("Carol Wang"));
  }

  public static List<OutboundMessage> render(Notification n, List<Mention> mentions, Robot robot, String template) {
    return PROVIDER.render(RenderRequest.of(n, mentions, robot, template));
  }

  public static JsonNode parse(OutboundMessage m) {
    try {
      return JSON.readTree(m.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The markdown or card text of a message. */
  public static String text(OutboundMessage m) {
    JsonNode root = parse(m);
    String type = root.get("msgtype").asText();
    return type.equals("text") ? root.get("text").get("content").asText() : root.get(type).get("text").asText();
  }

  public static void assertWithinBudget(List<OutboundMessage> messages) {
    for (OutboundMessage m : messages) {
      assertThat(m.bytes()).as("body bytes of %s", m).isLessThanOrEqualTo(20_000);
    }
  }
}
