package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.github.alertrouter.testkit.RandomNotifications;
import io.github.alertrouter.testkit.RandomText;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkBudgetProperties {
  private static final List<Mention> MENTIONS = List.of(
      Fixtures.mobile("Alice", "13800000001"), Fixtures.mobile("Hk", "+852-61234567"),
      Fixtures.userId("Bob", "manager7675"), Fixtures.unresolved("磁盘 🔥 Carol"));

  static Stream<Long> seeds() {
    return RandomText.seeds(60);
  }

  /** Over random CJK / emoji / arbitrary / huge texts, 1–400 alerts, both layouts and overflows. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMessageFitsIsValidJsonAndValidUtf8AndKeepsEveryMention(long seed) throws Exception {
    RandomText random = new RandomText(seed);
    List<String> texts = RandomNotifications.texts(random);
    int alertCount = random.between(1, 400);
    boolean split = random.coin();
    boolean card = random.coin();
    List<Alert> firing = new ArrayList<>();
    List<Alert> resolved = new ArrayList<>();
    for (int i = 0; i < alertCount; i++) {
      String t = texts.get(i % texts.size());
      Alert a = Alert.firing(Map.of("alertname", "A" + i, "team", t, "severity", "critical"))
          .annotation("summary", t).annotation("description", t + "\n" + t).startsAt(T0).build();
      if (i % 3 == 2) {
        resolved.add(a.resolvedAt(T0.plusSeconds(i)));
      } else {
        firing.add(a);
      }
    }
    List<NotificationLink> links = List.of(
        new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb"),
        new NotificationLink(NotificationLink.Kind.SILENCE, "Silence", "https://ops.example.com/s"));
    Notification n = Fixtures.notification(firing, resolved, links);
    // every other seed in Chinese: its built-in words cost 3 bytes a character
    Map<String, String> options = Map.of("overflow", split ? "split" : "truncate",
        "msgType", card ? "actionCard" : "markdown", "locale", seed % 2 == 0 ? "zh-CN" : "en");

    List<OutboundMessage> out = Fixtures.render(n, MENTIONS, Fixtures.robot("告警", options), null);

    assertThat(out).isNotEmpty();
    if (!split) {
      assertThat(out).hasSizeLessThanOrEqualTo(2);
    }
    for (OutboundMessage m : out) {
      assertThat(m.bytes()).isLessThanOrEqualTo(20_000);
      RandomNotifications.assertValidUtf8(m.body());
      JsonNode root = Fixtures.parse(m);
      assertThat(root.get("msgtype").asText()).isEqualTo(m.type());
      assertThat(Fixtures.text(m)).contains("告警");
    }
    List<OutboundMessage> carriers = out.stream().filter(m -> !m.mentions().isEmpty()).toList();
    assertThat(carriers).hasSize(1);
    String text = Fixtures.text(carriers.get(0));
    assertThat(text).contains("@13800000001", "@+852-61234567", "@manager7675");
    JsonNode at = Fixtures.parse(carriers.get(0)).get("at");
    assertThat(at.get("atMobiles")).extracting(JsonNode::asText).containsExactly("13800000001", "+852-61234567");
    assertThat(at.get("atUserIds")).extracting(JsonNode::asText).containsExactly("manager7675");
  }
}
