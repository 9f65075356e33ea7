package io.github.alertrouter.lark;

import static io.github.alertrouter.lark.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.testkit.RandomText;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over random CJK / emoji / arbitrary text and 1–400 alerts, every type and overflow: every body
 * leaves room for the signing fields and the @all fallback within 20000 bytes, is valid JSON and
 * UTF-8, the first message carries every planned mention, and a truncated message counts the alerts
 * it leaves out ({@link OutboundMessage#omittedAlerts()}) while a split leaves none out.
 */
class LarkBudgetProperties {
  /** What the client may add: signing fields (79 bytes) and the @all swap (≤ 16 more). */
  private static final int CLIENT_ADDS = 100;
  private static final List<Mention> MENTIONS = List.of(Fixtures.userId("Alice", "u1"),
      Fixtures.openId("磁盘 Bob", "ou_2"), Fixtures.all(), Fixtures.unresolved("磁盘 🔥 Carol"));

  static Stream<Long> seeds() {
    return RandomText.seeds(60);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMessageFitsIsValidAndKeepsEveryMention(long seed) throws Exception {
    RandomText random = new RandomText(seed);
    List<String> texts = List.of(random.cjk(400), random.emoji(200), random.any(300), random.hostile(60),
        "磁盘空间不足 🔥".repeat(random.between(1, 400)));
    int count = random.between(1, 400);
    List<Alert> firing = new ArrayList<>();
    List<Alert> resolved = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String t = texts.get(i % texts.size());
      Alert a = Alert.firing(Map.of("alertname", "A" + i, "team", t, "severity", "critical"))
          .annotation("summary", t).annotation("description", t + "\n" + t).startsAt(T0).build();
      if (i % 3 == 2) {
        resolved.add(a.resolvedAt(T0.plusSeconds(i)));
      } else {
        firing.add(a);
      }
    }
    Notification n = Fixtures.notification(firing, resolved, Fixtures.LINKS);
    String type = random.pick("interactive", "post", "text");
    String overflow = random.pick("truncate", "split");

    List<OutboundMessage> out = Fixtures.render(n, MENTIONS, Fixtures.robot("告警",
        // every other seed in Chinese: its built-in words cost 3 bytes a character
        Map.of("msgType", type, "overflow", overflow, "locale", seed % 2 == 0 ? "zh-CN" : "en")), null);

    assertThat(out).isNotEmpty();
    for (OutboundMessage m : out) {
      assertThat(m.bytes() + CLIENT_ADDS).as("seed %d %s %s", seed, type, overflow).isLessThanOrEqualTo(20_000);
      JsonNode json = Fixtures.parse(m.body());
      assertThat(json.get("msg_type").asText()).isEqualTo(type);
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(m.body().getBytes(StandardCharsets.UTF_8)));
      assertThat(m.body()).doesNotContain("\uFFFE");
    }
    String first = out.get(0).body();
    switch (type) {
      case "interactive" -> assertThat(first).contains("<at id=u1></at>", "<at id=ou_2></at>", "<at id=all></at>");
      case "text" -> assertThat(first).contains("<at user_id=\\\"u1\\\">", "<at user_id=\\\"ou_2\\\">", "<at user_id=\\\"all\\\">");
      default -> assertThat(first).contains("\"user_id\":\"u1\"", "\"user_id\":\"ou_2\"", "\"user_id\":\"all\"");
    }
    assertThat(out.get(0).mentions()).hasSize(3);
    int omitted = out.stream().mapToInt(OutboundMessage::omittedAlerts).sum();
    if (overflow.equals("truncate")) {
      assertThat(out).hasSize(1);
      if (omitted > 0) {
        assertThat(first).as("seed %d: the count named in the text", seed)
            .contains(seed % 2 == 0 ? "…另有 " + omitted + " 条告警未列出" : "…and " + omitted + " more alert");
      }
      assertThat(omitted).isLessThan(count);
    } else {
      assertThat(omitted).as("seed %d: split leaves nothing out", seed).isZero();
    }
    if (overflow.equals("split")) {
      String all = String.join("", out.stream().map(OutboundMessage::body).toList());
      for (int i = 0; i < count; i += 37) {
        assertThat(all).as("alert A%d in some part", i).containsPattern("A" + i + "(?![0-9])");
      }
    }
  }
}
