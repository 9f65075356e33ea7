package io.github.alertrouter.wecom;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for robots, alerts, notifications and requests, and JSON parsing. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-08T02:00:05Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static final WeComProvider PROVIDER = new WeComProvider();
  static final String WEBHOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

  private Fixtures() {}

  static Robot robot(Map<String, String> options) {
    return new Robot("ops", "wecom", Secret.of(WEBHOOK), null, null, options);
  }

  static Robot robot() {
    return robot(Map.of());
  }

  static Alert alert(String name, String instance) {
    return Alert.firing(Map.of("alertname", name, "service", "payments", "severity", "critical", "instance", instance))
        .annotation("summary", "p99 latency above 2s on " + instance)
        .startsAt(T0)
        .generatorURL("https://prometheus.example.com/graph?g0.expr=up")
        .build();
  }

  static Notification notification(List<Alert> firing, List<Alert> resolved, List<NotificationLink> links) {
    return Notification.of("payments-oncall", "{}:{alertname=\"HighLatency\"}",
        new TreeMap<>(Map.of("alertname", "HighLatency", "service", "payments")),
        firing.isEmpty() ? NotifyReason.ALL_RESOLVED : NotifyReason.FIRST_NOTIFICATION, firing, resolved, links,
        T0.plusSeconds(60));
  }

  static Notification firing(int count) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      alerts.add(alert("HighLatency", "web-" + i));
    }
    return notification(alerts, List.of(), List.of());
  }

  static Mention mobile(String name, String number) {
    return Mention.resolved(MentionTarget.contact(name), name, name, new Identity("mobile", number));
  }

  static Mention userId(String name, String id) {
    return Mention.resolved(MentionTarget.contact(name), name, name, new Identity("userId", id));
  }

  static Mention all() {
    return Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
  }

  static Mention unresolved(String name) {
    return Mention.unresolved(MentionTarget.contact("c"), "c", name, "no WeCom userid or mobile");
  }

  static List<OutboundMessage> render(Notification n, List<Mention> mentions, Robot robot, String template) {
    return PROVIDER.render(RenderRequest.of(n, mentions, robot, template));
  }

  static JsonNode parse(OutboundMessage m) {
    try {
      return JSON.readTree(m.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content of a message, whatever its type. */
  static String content(OutboundMessage m) {
    JsonNode root = parse(m);
    return root.get(root.get("msgtype").asText()).get("content").asText();
  }

  /** A text message's list, as strings. */
  static List<String> list(OutboundMessage m, String name) {
    List<String> out = new ArrayList<>();
    parse(m).path("text").path(name).forEach(v -> out.add(v.asText()));
    return out;
  }

  /** Every content within its type's limit. */
  static boolean withinLimit(OutboundMessage m) {
    int max = m.type().equals("text") ? 2048 : 4096;
    return content(m).getBytes(StandardCharsets.UTF_8).length <= max;
  }
}
