package io.github.alertrouter.wecom;

import static io.github.alertrouter.wecom.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.testkit.RandomNotifications;
import io.github.alertrouter.testkit.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte budgets and mentions over seeded random notifications; a failure names its seed. */
class WeComBudgetProperties {
  private static final List<Mention> MENTIONS = List.of(
      Fixtures.mobile("Alice", "13800000001"), Fixtures.mobile("Hk", "+852-61234567"),
      Fixtures.userId("Bob", "manager7675"), Fixtures.userId("Dan", "dan.li"), Fixtures.all(),
      Fixtures.unresolved("磁盘 🔥 Carol"));

  static Stream<Long> seeds() {
    return RandomText.seeds(25); // each seed renders up to 400 alerts into 2048-byte parts: keep the build quick
  }

  /** Over random CJK / emoji / arbitrary / huge texts, 1–400 alerts, every type, mode and overflow. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyContentFitsIsValidJsonAndUtf8AndEveryMentionIsCarriedOnce(long seed) throws Exception {
    RandomText random = new RandomText(seed);
    List<String> texts = RandomNotifications.texts(random);
    int alertCount = random.between(1, 400);
    boolean split = random.coin();
    String msgType = random.pick("markdown", "text", "markdown_v2");
    String mode = random.pick("followUp", "single");
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
        new NotificationLink(NotificationLink.Kind.RUNBOOK, random.hostile(5) + "Runbook", "https://ops.example.com/rb"),
        new NotificationLink(NotificationLink.Kind.SILENCE, "Silence", "https://ops.example.com/s"));
    Notification n = Fixtures.notification(firing, resolved, links);
    List<Mention> mentions = MENTIONS.subList(0, random.between(0, MENTIONS.size()));
    // every other seed in Chinese: its built-in words cost 3 bytes a character
    Map<String, String> options = Map.of("overflow", split ? "split" : "truncate", "msgType", msgType,
        "mentionMode", mode, "locale", seed % 2 == 0 ? "zh-CN" : "en");

    List<OutboundMessage> out = Fixtures.render(n, mentions, Fixtures.robot(options), null);

    assertThat(out).isNotEmpty();
    if (!split) {
      assertThat(out).hasSizeLessThanOrEqualTo(2);
    }
    for (OutboundMessage m : out) {
      RandomNotifications.assertValidUtf8(m.body());
      JsonNode root = Fixtures.parse(m);
      assertThat(root.get("msgtype").asText()).isEqualTo(m.type());
      assertThat(Fixtures.withinLimit(m)).as("content of %s within its limit", m).isTrue();
      assertThat(Fixtures.content(m)).isNotBlank();
    }
    List<String> carried = new ArrayList<>();
    for (OutboundMessage m : out) {
      String content = Fixtures.content(m);
      // every "<@" is one of ours: a planned userid token
      assertThat(content.split("<@", -1).length - 1)
          .isEqualTo(m.type().equals("markdown") ? (int) m.mentions().stream().filter(x -> x.identity().type().equals("userId")).count() : 0);
      for (Mention x : m.mentions()) {
        String v = x.identity().value();
        boolean inLists = Fixtures.list(m, "mentioned_list").contains(x.isAll() ? "@all" : v)
            || Fixtures.list(m, "mentioned_mobile_list").contains(v);
        boolean inContent = m.type().equals("markdown") && content.contains("<@" + v + ">");
        assertThat(inLists || inContent).as("%s carries %s", m.type(), x).isTrue();
        carried.add(x.isAll() ? "all" : v);
      }
    }
    List<String> planned = mentions.stream().filter(Mention::isResolved)
        .map(x -> x.isAll() ? "all" : x.identity().value()).toList();
    assertThat(carried).containsExactlyInAnyOrderElementsOf(planned);
  }
}
