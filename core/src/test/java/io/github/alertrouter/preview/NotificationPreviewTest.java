package io.github.alertrouter.preview;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.ContactGroup;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.NotifyWindow;
import io.github.alertrouter.config.OutsideWindow;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationPreviewTest {
  private static final Instant AT = Instant.parse("2026-03-08T02:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RouterConfig config = RouterConfig.builder()
      .contact(new Contact("alice", "Alice", "13800000001", null, Map.of("chat", Map.of("id", "a1"))))
      .contact(new Contact("bob", "Bob", null, null, Map.of()))
      .contactGroup(new ContactGroup("sre", "SRE", List.of("alice", "bob")))
      .robot(new Robot("ops-chat", "chat", Secret.of("https://chat.example.com/hook/T"), null, "alert"))
      .robot(new Robot("ops-wecom", "wecom", Secret.of("https://qyapi.weixin.qq.com/send?key=K"), null, null))
      .notificationPolicy(NotificationPolicy.builder("payments")
          .matching(Condition.eq("team", "payments"))
          .groupRule(new GroupRule(Duration.ofSeconds(5), null, List.of("alertname")))
          .notifyRule(new NotifyRule(null, List.of("ops-chat", "ops-wecom"),
              List.of(MentionTarget.group("sre"), MentionTarget.parse("label:owner")),
              Map.of("chat", "custom {{x}}")))
          .repeatInterval(Duration.ofHours(1))
          .build())
      .build();

  @Test
  void firstNotificationOfEachGroupPerRobotWithMentionsAndExactBodies() throws Exception {
    Alert a = Alert.firing(Map.of("alertname", "Disk", "team", "payments", "owner", "dave", "i", "1"))
        .startsAt(AT.minusSeconds(60)).annotation("runbook_url", "https://runbooks/disk").build();
    Alert b = Alert.firing(Map.of("alertname", "Disk", "team", "payments", "i", "2")).startsAt(AT).build();
    Alert gone = Alert.firing(Map.of("alertname", "Cpu", "team", "payments"))
        .startsAt(AT.minusSeconds(600)).endsAt(AT.minusSeconds(1)).build();

    JsonNode doc = JSON.readTree(RoutingPreview.of(config, List.of(a, b, gone), AT, Platforms.of(new Chat())).toJson());
    JsonNode notifications = doc.get("notifications");

    assertThat(notifications).hasSize(2); // Cpu resolved before its first notice: never announced
    JsonNode chat = notifications.get(0);
    assertThat(chat.get("policy").asText()).isEqualTo("payments");
    assertThat(chat.get("groupKey").asText()).isEqualTo("{}/{team=\"payments\"}:{alertname=\"Disk\"}");
    assertThat(chat.get("reason").asText()).isEqualTo("first notification");
    assertThat(chat.get("alerts").toString()).isEqualTo("{\"firing\":2,\"resolved\":0}");
    assertThat(chat.get("sendAt").asText()).isEqualTo("2026-03-08T02:00:05Z");
    assertThat(chat.get("escalationStep").isNull()).isTrue();
    assertThat(chat.get("robot").asText()).isEqualTo("ops-chat");
    assertThat(chat.get("platform").asText()).isEqualTo("chat");
    assertThat(chat.get("mentions").toString()).isEqualTo("["
        + "{\"target\":\"group:sre\",\"contact\":\"alice\",\"name\":\"Alice\",\"resolved\":true,"
        + "\"identity\":{\"type\":\"id\",\"value\":\"a1\"}},"
        + "{\"target\":\"group:sre\",\"contact\":\"bob\",\"name\":\"Bob\",\"resolved\":false,"
        + "\"reason\":\"no chat id\"},"
        + "{\"target\":\"label:owner\",\"contact\":null,\"name\":\"dave\",\"resolved\":false,"
        + "\"reason\":\"no contact with id, mobile or email \\\"dave\\\"\"}]");
    JsonNode message = chat.get("messages").get(0);
    assertThat(message.get("type").asText()).isEqualTo("text");
    assertThat(message.get("body").get("text").asText())
        .isEqualTo("template=custom {{x}} keyword=alert alerts=2 mentions=a1 links=RUNBOOK");
    assertThat(message.get("bytes").asInt()).isEqualTo(message.get("body").toString().getBytes("UTF-8").length);
    assertThat(chat.has("error")).isFalse();

    JsonNode wecom = notifications.get(1);
    assertThat(wecom.get("robot").asText()).isEqualTo("ops-wecom");
    assertThat(wecom.get("messages")).isEmpty();
    assertThat(wecom.get("error").asText())
        .isEqualTo("no platform module for \"wecom\" on the class path (available: chat)");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(OutsideWindow.class)
  void aNoticeDueWhileTheWindowIsClosedIsSentWhenItOpensOrNotListedWhenDropped(OutsideWindow outside)
      throws Exception {
    // AT is 10:00 in Shanghai; the window is 22:00-23:00 there
    NotifyWindow evening = new NotifyWindow(EnumSet.allOf(DayOfWeek.class), TimeOfDay.parse("22:00"),
        TimeOfDay.parse("23:00"), ZoneId.of("Asia/Shanghai"), outside);
    RouterConfig windowed = RouterConfig.builder()
        .robot(new Robot("ops-chat", "chat", Secret.of("https://chat.example.com/hook/T"), null, null))
        .notificationPolicy(NotificationPolicy.builder("evening")
            .notifyRule(new NotifyRule(evening, List.of("ops-chat"), List.of()))
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
    Alert a = Alert.firing(Map.of("alertname", "Disk")).startsAt(AT).build();

    JsonNode notifications = JSON.readTree(
        RoutingPreview.of(windowed, List.of(a), AT, Platforms.of(new Chat())).toJson()).get("notifications");

    if (outside == OutsideWindow.HOLD) {
      assertThat(notifications.get(0).get("sendAt").asText()).isEqualTo("2026-03-08T14:00:00Z");
    } else {
      assertThat(notifications).isEmpty();
    }
  }

  @Test
  void aTemplateThePlatformRejectsIsReportedNotThrown() throws Exception {
    Alert a = Alert.firing(Map.of("alertname", "Disk", "team", "payments")).startsAt(AT).build();
    RouterConfig broken = config.toBuilder().build();
    Chat strict = new Chat() {
      @Override
      public List<OutboundMessage> render(RenderRequest request) {
        throw new IllegalArgumentException("template line 1: unclosed tag");
      }
    };
    JsonNode doc = JSON.readTree(RoutingPreview.of(broken, List.of(a), AT, Platforms.of(strict)).toJson());
    assertThat(doc.get("notifications").get(0).get("error").asText())
        .isEqualTo("cannot render: template line 1: unclosed tag");
  }

  /** A platform that @s by {@code im.chat.id} and renders a one-line summary of what it was given. */
  private static class Chat implements PlatformProvider {
    @Override
    public String id() {
      return "chat";
    }

    @Override
    public IdentityResolution resolve(Contact contact) {
      String id = contact.identity("chat").get("id");
      return id == null ? IdentityResolution.unresolved("no chat id") : IdentityResolution.resolved(new Identity("id", id));
    }

    @Override
    public List<OutboundMessage> render(RenderRequest r) {
      String text = "template=" + r.template() + " keyword=" + r.robot().keyword()
          + " alerts=" + r.notification().firing().size()
          + " mentions=" + r.mentions().stream().filter(Mention::isResolved).map(m -> m.identity().value())
              .collect(Collectors.joining(","))
          + " links=" + r.notification().links().stream().map(l -> l.kind().name()).collect(Collectors.joining(","));
      return List.of(new OutboundMessage("text", JSON.createObjectNode().put("text", text).toString(), r.mentions()));
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      throw new UnsupportedOperationException();
    }
  }
}
