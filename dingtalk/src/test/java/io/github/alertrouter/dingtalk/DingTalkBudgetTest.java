package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.assertWithinBudget;
import static io.github.alertrouter.dingtalk.Fixtures.mentions;
import static io.github.alertrouter.dingtalk.Fixtures.parse;
import static io.github.alertrouter.dingtalk.Fixtures.render;
import static io.github.alertrouter.dingtalk.Fixtures.robot;
import static io.github.alertrouter.dingtalk.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DingTalkBudgetTest {
  private static final Pattern MORE = Pattern.compile("…and (\\d+) more alerts");

  @Test
  void truncateKeepsWholeAlertsThenSaysHowManyAreLeftOut() {
    List<OutboundMessage> out = render(Fixtures.firing(500), mentions(), robot(), null);

    assertThat(out).hasSize(1);
    assertWithinBudget(out);
    String text = text(out.get(0));
    int shown = count(text, "🔥 **HighLatency**");
    Matcher more = MORE.matcher(text);
    assertThat(more.find()).isTrue();
    assertThat(shown).isGreaterThan(10);
    assertThat(shown + Integer.parseInt(more.group(1))).isEqualTo(500);
    assertThat(text).endsWith("@13800000001 @0123");
    assertThat(parse(out.get(0)).at("/at/atMobiles/0").asText()).isEqualTo("13800000001");
    assertThat(out.get(0).bytes()).isGreaterThan(15_000); // it uses the room it has
  }

  @Test
  void aTruncatedMessageReportsHowManyAlertsItLeavesOut() {
    List<OutboundMessage> out = render(Fixtures.firing(300), mentions(), robot(), null);

    assertThat(out).singleElement().satisfies(m -> {
      String text = text(m);
      int shown = count(text, "🔥 **HighLatency**");
      Matcher more = MORE.matcher(text);
      assertThat(more.find()).isTrue();
      assertThat(m.omittedAlerts()).isPositive().isEqualTo(Integer.parseInt(more.group(1)));
      assertThat(shown + m.omittedAlerts()).isEqualTo(300);
    });
  }

  @Test
  void aTruncatedActionCardCountsWhatItLeavesOutOnTheCardNotOnTheMentionFollowUp() {
    List<NotificationLink> links = List.of(
        new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb"));
    var n = Fixtures.notification(Fixtures.firing(300).firing(), List.of(), links);
    List<OutboundMessage> out = render(n, mentions(), robot("alert", Map.of("msgType", "actionCard")), null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("actionCard", "text");
    assertThat(out.get(0).omittedAlerts() + count(text(out.get(0)), "HighLatency**")).isEqualTo(300);
    assertThat(out.get(0).omittedAlerts()).isPositive();
    assertThat(out.get(1).omittedAlerts()).isZero();
  }

  @Test
  void splitListsEveryAlertInPartsWithMentionsOnlyInTheFirst() {
    List<OutboundMessage> out = render(Fixtures.firing(500), mentions(), robot("alert", Map.of("overflow", "split")), null);

    assertWithinBudget(out);
    assertThat(out.size()).isGreaterThan(2);
    int total = 0;
    for (int i = 0; i < out.size(); i++) {
      String text = text(out.get(i));
      total += count(text, "🔥 **HighLatency**");
      assertThat(parse(out.get(i)).at("/markdown/title").asText()).endsWith("(" + (i + 1) + "/" + out.size() + ")");
      assertThat(text).doesNotContain("more alerts").contains("[alert]");
      if (i == 0) {
        assertThat(text).endsWith("@13800000001 @0123");
        assertThat(parse(out.get(i)).has("at")).isTrue();
        assertThat(out.get(i).mentions()).hasSize(2);
      } else {
        assertThat(text).doesNotContain("@13800000001").doesNotContain("Carol Wang");
        assertThat(parse(out.get(i)).has("at")).isFalse();
        assertThat(out.get(i).mentions()).isEmpty();
      }
    }
    assertThat(total).isEqualTo(500);
    assertThat(out).as("split leaves no alert out").allSatisfy(m -> assertThat(m.omittedAlerts()).isZero());
  }

  @Test
  void oneHugeAlertIsShortenedNotDropped() {
    Alert a = Alert.firing(Map.of("alertname", "Huge"))
        .annotation("summary", "磁盘已满🔥".repeat(3_000))
        .annotation("description", "\"\\\n".repeat(5_000))
        .build();
    List<OutboundMessage> out = render(Fixtures.notification(List.of(a), List.of(), List.of()), mentions(), robot(), null);

    assertWithinBudget(out);
    String text = text(out.get(0));
    assertThat(text).contains("🔥 **Huge**", "磁盘已满", "…").endsWith("@13800000001 @0123");
  }

  @Test
  void splitActionCardsSendTheMentionFollowUpAfterTheFirstCard() {
    List<NotificationLink> links = List.of(
        new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb"));
    var n = Fixtures.notification(Fixtures.firing(300).firing(), List.of(), links);
    List<OutboundMessage> out = render(n, mentions(), robot("alert", Map.of("overflow", "split", "msgType", "actionCard")), null);

    assertWithinBudget(out);
    assertThat(out.get(0).type()).isEqualTo("actionCard");
    assertThat(out.get(1).type()).isEqualTo("text");
    assertThat(out.subList(2, out.size())).extracting(OutboundMessage::type).containsOnly("actionCard");
    assertThat(text(out.get(0))).contains("@0123");
    assertThat(text(out.get(2))).doesNotContain("@0123");
  }

  @Test
  void smallNotificationsAreOneMessageWithoutPartNumbers() {
    List<OutboundMessage> out = render(Fixtures.firing(3), mentions(), robot("alert", Map.of("overflow", "split")), null);
    assertThat(out).hasSize(1);
    assertThat(parse(out.get(0)).at("/markdown/title").asText()).doesNotContain("(1/");
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }
}
