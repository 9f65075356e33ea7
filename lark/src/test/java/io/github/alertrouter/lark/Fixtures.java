package io.github.alertrouter.lark;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for robots, alerts, notifications and requests, and JSON parsing. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-08T02:00:05Z");
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final LarkProvider PROVIDER = new LarkProvider();
  public static final List<NotificationLink> LINKS = List.of(
      new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb"),
      new NotificationLink(NotificationLink.Kind.SILENCE, "Silence", "https://ops.example.com/s"));

  private Fixtures() {}

  public static Robot robot(String keyword, Map<String, String> options) {
    return new Robot("ops", "lark", Secret.of("https://open.feishu.cn/open-apis/bot/v2/hook/t0ken"), null,
        keyword, options);
  }

  public static Alert alert(String name, String instance, String severity) {
    return Alert.firing(Map.of("alertname", name, "service", "payments", "severity", severity, "instance", instance))
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

  public static Notification firing(int count, String severity) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      alerts.add(alert("HighLatency", "web-" + i, severity));
    }
    return notification(alerts, List.of(), LINKS);
  }

  public static Mention userId(String name, String id) {
    return Mention.resolved(MentionTarget.contact(name), name, name, new Identity("userId", id));
  }

  public static Mention openId(String name, String id) {
    return Mention.resolved(MentionTarget.contact(name), name, name, new Identity("openId", id));
  }

  public static Mention all() {
    return Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
  }

  public static Mention unresolved(String name) {
    return Mention.unresolved(MentionTarget.contact("c"), "c", name, "no Lark user_id or open_id");
  }

  public static List<OutboundMessage> render(Notification n, List<Mention> mentions, Robot robot, String template) {
    return PROVIDER.render(RenderRequest.of(n, mentions, robot, template));
  }

  public static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
