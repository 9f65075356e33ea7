package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.T0;
import static io.github.alertrouter.dingtalk.Fixtures.alert;
import static io.github.alertrouter.dingtalk.Fixtures.mentions;
import static io.github.alertrouter.dingtalk.Fixtures.mobile;
import static io.github.alertrouter.dingtalk.Fixtures.notification;
import static io.github.alertrouter.dingtalk.Fixtures.parse;
import static io.github.alertrouter.dingtalk.Fixtures.render;
import static io.github.alertrouter.dingtalk.Fixtures.robot;
import static io.github.alertrouter.dingtalk.Fixtures.text;
import static io.github.alertrouter.dingtalk.Fixtures.unresolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotificationLink.Kind;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DingTalkRenderTest {
  private static final List<NotificationLink> LINKS = List.of(
      new NotificationLink(Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb/latency"),
      new NotificationLink(Kind.SILENCE, "Silence 1h", "https://ops.example.com/silence?g=1"));
  private static final Map<String, String> SHANGHAI = Map.of("timeZone", "Asia/Shanghai");

  @Test
  void firingMarkdownHasKeywordStatusAlertLinesAndBothMentionForms() {
    Notification n = notification(List.of(alert("HighLatency", "web-1"), alert("HighLatency", "web-2"),
        alert("HighLatency", "web-3")), List.of(), LINKS);

    List<OutboundMessage> out = render(n, mentions(), robot("alert", SHANGHAI), null);

    assertThat(out).hasSize(1);
    JsonNode root = parse(out.get(0));
    assertThat(root.get("msgtype").asText()).isEqualTo("markdown");
    assertThat(root.at("/markdown/title").asText()).isEqualTo("[alert] [FIRING:3] HighLatency payments");
    String text = text(out.get(0));
    assertThat(text).startsWith("### [alert] 🔥 FIRING:3")
        .contains("**Policy:** payments-oncall · **Reason:** first notification")
        .contains("🔥 **HighLatency** · critical", "p99 latency above 2s on web-2", "instance=web-3")
        .contains("started 2026-03-08 10:00:05 CST (+08:00)")
        .contains("[source](https://prometheus.example.com/graph?g0.expr=up)")
        .contains("[Runbook](https://ops.example.com/rb/latency) · [Silence 1h](https://ops.example.com/silence?g=1)")
        .contains("Carol Wang (not @-ed: no DingTalk userId or mobile)")
        .endsWith("\n@13800000001 @0123");
    assertThat(root.at("/at/atMobiles")).extracting(JsonNode::asText).containsExactly("13800000001");
    assertThat(root.at("/at/atUserIds")).extracting(JsonNode::asText).containsExactly("0123");
    assertThat(root.at("/at/isAtAll").asBoolean()).isFalse();
    assertThat(out.get(0).mentions()).extracting(Mention::name).containsExactly("Alice", "Bob");
  }

  @Test
  void resolvedLooksDifferentAndShowsHowLongItFired() {
    Alert a = alert("HighLatency", "web-1").resolvedAt(T0.plus(Duration.ofMinutes(65)));
    List<OutboundMessage> out = render(notification(List.of(), List.of(a), List.of()), List.of(), robot(), null);

    JsonNode root = parse(out.get(0));
    assertThat(root.at("/markdown/title").asText()).isEqualTo("[alert] [RESOLVED:1] HighLatency payments");
    assertThat(text(out.get(0))).startsWith("### [alert] ✅ RESOLVED:1").doesNotContain("🔥")
        .contains("✅ **HighLatency** · critical · resolved after 1h 5m")
        .contains("started 2026-03-08 02:00:05 UTC (+00:00) · ended 2026-03-08 03:05:05 UTC (+00:00)")
        .contains("all alerts resolved");
  }

  @Test
  void mixedNotificationListsFiringThenResolved() {
    Alert gone = alert("HighLatency", "web-9").resolvedAt(T0.plusSeconds(45));
    String text = text(render(notification(List.of(alert("HighLatency", "web-1")), List.of(gone), List.of()),
        List.of(), robot(), null).get(0));

    assertThat(text).contains("🔥 FIRING:1 · ✅ RESOLVED:1", "resolved after 45s");
    assertThat(text.indexOf("**Firing**")).isLessThan(text.indexOf("web-1")).isLessThan(text.indexOf("**Resolved**"));
    assertThat(text.indexOf("**Resolved**")).isLessThan(text.indexOf("web-9"));
  }

  @Test
  void everyoneSetsIsAtAll() {
    List<OutboundMessage> out = render(Fixtures.firing(1), List.of(Mention.all(MentionTarget.parse("all"))),
        robot(), null);

    assertThat(parse(out.get(0)).at("/at/isAtAll").asBoolean()).isTrue();
    assertThat(text(out.get(0))).endsWith("@所有人");
  }

  @Test
  void noKeywordMeansNoBracketPrefix() {
    JsonNode root = parse(render(Fixtures.firing(1), List.of(), robot(null, Map.of()), null).get(0));
    assertThat(root.at("/markdown/title").asText()).isEqualTo("[FIRING:1] HighLatency payments");
  }

  @Test
  void generatorUrlIsLinkedOnlyWhenHttp() {
    Alert a = Alert.firing(Map.of("alertname", "X")).generatorURL("javascript:alert(1)").startsAt(T0).build();
    assertThat(text(render(notification(List.of(a), List.of(), List.of()), List.of(), robot(), null).get(0)))
        .doesNotContain("[source]").doesNotContain("javascript");
  }

  @Test
  void hostileAlertTextCannotMentionLinkOrFakeAHeading() {
    Alert a = Alert.firing(Map.of("alertname", "X", "team", "@all <at user_id=\"all\"> [click](http://evil)"))
        .annotation("description", "ok\n# ✅ RESOLVED\n- @13800000009 ![t](http://track)")
        .startsAt(T0).build();
    String text = text(render(notification(List.of(a), List.of(), List.of()), List.of(), robot(), null).get(0));

    assertThat(text).doesNotContain("@all", "<at", "](http://evil", "](http://track", "@13800000009")
        .contains("＠all", "［click］(http://evil)");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("# ") || l.startsWith("- "));
  }

  @Test
  void digestSaysHowManyGroupsItMerges() {
    Notification n = new Notification("p", "{}", new TreeMap<>(), NotifyReason.DIGEST,
        List.of(alert("A", "h1"), alert("B", "h2")), List.of(), List.of(), T0, 4);

    String text = text(render(n, List.of(), robot(), null).get(0));
    assertThat(text).contains("**Digest:** merges 4 groups", "digest of queued notifications");
    assertThat(parse(render(n, List.of(), robot(), null).get(0)).at("/markdown/title").asText())
        .isEqualTo("[alert] [FIRING:2] A");
  }

  @Test
  void actionCardHasButtonsUserIdTokensAndAFollowUpThatMentionsEveryone() {
    Notification n = notification(List.of(alert("HighLatency", "web-1")), List.of(), LINKS);
    List<OutboundMessage> out = render(n, mentions(),
        robot("alert", Map.of("msgType", "actionCard", "btnOrientation", "horizontal")), null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("actionCard", "text");
    JsonNode card = parse(out.get(0));
    assertThat(card.has("at")).isFalse();
    assertThat(card.at("/actionCard/title").asText()).startsWith("[alert] [FIRING:1]");
    assertThat(card.at("/actionCard/btnOrientation").asText()).isEqualTo("1");
    assertThat(card.at("/actionCard/btns/0/title").asText()).isEqualTo("Runbook");
    assertThat(card.at("/actionCard/btns/1/actionURL").asText()).isEqualTo("https://ops.example.com/silence?g=1");
    assertThat(text(out.get(0))).contains("[alert]", "@0123", "Carol Wang (not @-ed")
        .doesNotContain("@13800000001").doesNotContain("[Runbook]");
    assertThat(out.get(0).mentions()).isEmpty();

    JsonNode follow = parse(out.get(1));
    assertThat(follow.at("/text/content").asText()).startsWith("[alert] [FIRING:1]").endsWith("@13800000001 @0123");
    assertThat(follow.at("/at/atMobiles/0").asText()).isEqualTo("13800000001");
    assertThat(follow.at("/at/atUserIds/0").asText()).isEqualTo("0123");
    assertThat(out.get(1).mentions()).hasSize(2);
  }

  @Test
  void actionCardWithOneLinkUsesASingleButton() {
    Notification n = notification(List.of(alert("HighLatency", "web-1")), List.of(), LINKS.subList(0, 1));
    List<OutboundMessage> out = render(n, List.of(), robot("alert", Map.of("msgType", "actionCard")), null);

    assertThat(out).hasSize(1);
    JsonNode card = parse(out.get(0)).get("actionCard");
    assertThat(card.get("singleTitle").asText()).isEqualTo("Runbook");
    assertThat(card.get("singleURL").asText()).isEqualTo("https://ops.example.com/rb/latency");
    assertThat(card.get("btnOrientation").asText()).isEqualTo("0");
    assertThat(card.has("btns")).isFalse();
  }

  @Test
  void actionCardWithoutLinksFallsBackToMarkdown() {
    List<OutboundMessage> out = render(Fixtures.firing(1), mentions(), robot("alert", Map.of("msgType", "actionCard")), null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("markdown");
    assertThat(parse(out.get(0)).at("/at/atMobiles/0").asText()).isEqualTo("13800000001");
  }

  @Test
  void templateValuesAreEscapedEvenInTripleMustaches() {
    Alert a = Alert.firing(Map.of("alertname", "X", "team", "@all <at user_id=\"all\"> [c](http://evil)"))
        .annotation("summary", "**bold** @13800000009").startsAt(T0).build();
    String template = "{{statusLine}} {{policy}}\n{{#firing}}- {{{summary}}} {{&summary}}"
        + "{{#labels}} {{name}}={{{value}}}{{/labels}}{{/firing}}\n{{mentions}}";
    List<OutboundMessage> out = render(notification(List.of(a), List.of(), List.of()), mentions(), robot(), template);

    String text = text(out.get(0));
    assertThat(text).startsWith("🔥 FIRING:1 payments-oncall\n- ＊＊bold＊＊ ＠13800000009")
        .contains("team=＠all ＜at user_id=\"all\"> ［c］(http://evil)")
        .doesNotContain("@all", "<at", "](http://evil", "@13800000009")
        .endsWith("@13800000001 @0123");
    assertThat(text.split("@13800000001", -1)).hasSize(2);
    assertThat(parse(out.get(0)).at("/markdown/title").asText()).startsWith("[alert] [FIRING:1]");
  }

  @Test
  void templateThatDropsMentionsGetsThemAppended() {
    String text = text(render(Fixtures.firing(1), mentions(), robot(), "just {{status}}").get(0));
    assertThat(text).isEqualTo("just firing\n\n@13800000001 @0123");
  }

  @Test
  void templateWithTokenPrefixStillGetsTheWholeToken() {
    String text = text(render(Fixtures.firing(1), List.of(Fixtures.mobile("A", "13800000001")), robot(),
        "call @1380000000").get(0));
    assertThat(text).isEqualTo("call @1380000000\n\n@13800000001");
  }

  @Test
  void aZhCnRobotNamesWhoCannotBeAtedInChineseStillEscaped() {
    String hostile = "Carol [x](https://evil.example.com) **王** @13800000009";
    List<Mention> who = List.of(mobile("Alice", "13800000001"), unresolved("张三"), unresolved(hostile),
        Mention.unresolved(MentionTarget.contact("d"), "d", "李四", "mobile number not bound yet (this policy requires binding)"));
    Notification n = notification(List.of(alert("HighLatency", "web-1")), List.of(), LINKS);

    String en = text(render(n, who, robot("alert", Map.of()), null).get(0));
    String zh = text(render(n, who, robot("alert", Map.of("locale", "zh-CN")), null).get(0));

    assertThat(zh).contains("张三（未 @：没有钉钉 userId 或手机号）", "李四（未 @：手机号尚未绑定（此策略要求绑定））")
        .doesNotContain("not @-ed");
    String escapedName = en.substring(en.indexOf("Carol"), en.indexOf(" (not @-ed: no DingTalk", en.indexOf("Carol")));
    assertThat(escapedName).as("escaped in English").doesNotContain("](https://evil");
    assertThat(zh).as("the name escaped as in English").contains(escapedName + "（未 @：没有钉钉 userId 或手机号）")
        .doesNotContain("](https://evil");
    assertThat(parse(render(n, who, robot("alert", Map.of("locale", "zh-CN")), null).get(0)).at("/at/atMobiles"))
        .extracting(JsonNode::asText).containsExactly("13800000001");
  }
}
