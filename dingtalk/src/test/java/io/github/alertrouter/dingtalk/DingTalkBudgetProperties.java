package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.OutboundMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class DingTalkBudgetProperties {
  private static final List<Mention> MENTIONS = List.of(
      Fixtures.mobile("Alice", "13800000001"), Fixtures.mobile("Hk", "+852-61234567"),
      Fixtures.userId("Bob", "manager7675"), Fixtures.unresolved("磁盘 🔥 Carol"));

  @Property(tries = 60)
  void everyMessageFitsIsValidJsonAndValidUtf8AndKeepsEveryMention(
      @ForAll("texts") List<String> texts,
      @ForAll @IntRange(min = 1, max = 400) int alertCount,
      @ForAll boolean split,
      @ForAll boolean card) throws Exception {
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
    Map<String, String> options = Map.of("overflow", split ? "split" : "truncate",
        "msgType", card ? "actionCard" : "markdown");

    List<OutboundMessage> out = Fixtures.render(n, MENTIONS, Fixtures.robot("告警", options), null);

    assertThat(out).isNotEmpty();
    if (!split) {
      assertThat(out).hasSizeLessThanOrEqualTo(2);
    }
    for (OutboundMessage m : out) {
      assertThat(m.bytes()).isLessThanOrEqualTo(20_000);
      assertValidUtf8(m.body());
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

  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> cjk = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(0).ofMaxLength(300);
    Arbitrary<String> emoji = Arbitraries.of("🔥", "✅", "👨‍👩‍👧", "🇨🇳", "😀", "𠀀", "\"", "\\", "\n", "@all", "](", "<at>")
        .list().ofMaxSize(400).map(l -> String.join("", l));
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(200);
    Arbitrary<String> huge = Arbitraries.strings().withCharRange('\u4e00', '\u4e10').ofLength(9_000);
    return Arbitraries.frequencyOf(
        Tuple.of(5, cjk), Tuple.of(5, emoji), Tuple.of(3, any),
        Tuple.of(1, huge)).list().ofMinSize(1).ofMaxSize(5);
  }

  private static void assertValidUtf8(String body) throws CharacterCodingException {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
        i++;
      } else {
        assertThat(Character.isSurrogate(c)).as("lone surrogate at %d", i).isFalse();
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
  }
}
