package io.github.alertrouter.wecom;

import static io.github.alertrouter.wecom.Fixtures.T0;
import static io.github.alertrouter.wecom.Fixtures.content;
import static io.github.alertrouter.wecom.Fixtures.list;
import static io.github.alertrouter.wecom.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeComRenderTest {
  private static final Mention ALICE = Fixtures.userId("Alice", "alice.wang");
  private static final Mention BOB = Fixtures.mobile("Bob", "13800000001");
  private static final Mention CAROL = Fixtures.unresolved("Carol 王");
  private static final List<NotificationLink> LINKS = List.of(
      new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb(1)"),
      new NotificationLink(NotificationLink.Kind.SILENCE, "Silence", "https://ops.example.com/s"));

  private static Notification mixed() {
    Alert firing = Fixtures.alert("HighLatency", "web-1");
    Alert resolved = Fixtures.alert("HighLatency", "web-2").resolvedAt(T0.plusSeconds(3900));
    return Fixtures.notification(List.of(firing), List.of(resolved), LINKS);
  }

  @Test
  void markdownCarriesUseridTokensAndAFollowUpTextCarriesMobilesAndEveryone() {
    List<OutboundMessage> out = render(mixed(), List.of(ALICE, BOB, CAROL, Fixtures.all()),
        Fixtures.robot(Map.of("timeZone", "Asia/Shanghai")), null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("markdown", "text");
    String md = content(out.get(0));
    assertThat(md).startsWith("## <font color=\"warning\">🔥 FIRING:1 · ✅ RESOLVED:1</font> HighLatency payments")
        .contains("> <font color=\"comment\">Group: alertname=HighLatency, service=payments</font>")
        .contains("<font color=\"warning\">🔥 FIRING</font> **HighLatency** · critical")
        .contains("<font color=\"info\">✅ RESOLVED</font> **HighLatency** · critical · after 1h 5m")
        .contains("<font color=\"comment\">started 2026-03-08 10:00:05 CST (+08:00)</font> · "
            + "[source](https://prometheus.example.com/graph?g0.expr=up)")
        .contains("[Runbook](https://ops.example.com/rb%281%29) · [Silence](https://ops.example.com/s)")
        .contains("Carol 王 (not @-ed: no WeCom userid or mobile)")
        .endsWith("<@alice.wang>");
    assertThat(out.get(0).mentions()).containsExactly(ALICE);
    assertThat(content(out.get(1))).isEqualTo("🔥 FIRING:1 · ✅ RESOLVED:1 HighLatency payments");
    assertThat(list(out.get(1), "mentioned_list")).containsExactly("@all");
    assertThat(list(out.get(1), "mentioned_mobile_list")).containsExactly("13800000001");
    assertThat(out.get(1).mentions()).containsExactly(BOB, Fixtures.all());
  }

  @Test
  void onlyUseridsNeedNoFollowUp() {
    List<OutboundMessage> out = render(Fixtures.firing(2), List.of(ALICE, CAROL), Fixtures.robot(), null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("markdown");
    assertThat(content(out.get(0))).contains("<@alice.wang>");
  }

  @Test
  void resolvedLooksGreen() {
    Alert resolved = Fixtures.alert("HighLatency", "web-2").resolvedAt(T0.plusSeconds(45));
    List<OutboundMessage> out = render(Fixtures.notification(List.of(), List.of(resolved), List.of()), List.of(),
        Fixtures.robot(), null);

    assertThat(content(out.get(0))).startsWith("## <font color=\"info\">✅ RESOLVED:1</font>")
        .doesNotContain("warning").contains("after 45s").contains("ended 2026-03-08 02:00:50 UTC");
  }

  @Test
  void singleModeSendsOneTextWithEveryMentionInItsLists() {
    List<OutboundMessage> out = render(mixed(), List.of(ALICE, BOB, CAROL, Fixtures.all()),
        Fixtures.robot(Map.of("mentionMode", "single")), null);

    assertThat(out).singleElement().satisfies(m -> {
      assertThat(m.type()).isEqualTo("text");
      assertThat(list(m, "mentioned_list")).containsExactly("alice.wang", "@all");
      assertThat(list(m, "mentioned_mobile_list")).containsExactly("13800000001");
      assertThat(content(m)).startsWith("🔥 FIRING:1 · ✅ RESOLVED:1 HighLatency payments")
          .contains("Runbook: https://ops.example.com/rb(1)").contains("Carol 王 (not @-ed")
          .doesNotContain("<font").doesNotContain("<@");
      assertThat(m.mentions()).containsExactlyInAnyOrder(ALICE, BOB, Fixtures.all());
    });
  }

  @Test
  void singleModeKeepsMarkdownWhenOnlyUseridsAreMentioned() {
    List<OutboundMessage> out = render(mixed(), List.of(ALICE), Fixtures.robot(Map.of("mentionMode", "single")), null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("markdown");
  }

  @Test
  void textCarriesEveryMentionInItsLists() {
    List<OutboundMessage> out = render(mixed(), List.of(ALICE, BOB), Fixtures.robot(Map.of("msgType", "text")), null);

    assertThat(out).singleElement().satisfies(m -> {
      assertThat(list(m, "mentioned_list")).containsExactly("alice.wang");
      assertThat(list(m, "mentioned_mobile_list")).containsExactly("13800000001");
    });
  }

  @Test
  void markdownV2HasNoColourNoAtAndAFollowUpWithEveryMention() {
    List<OutboundMessage> out = render(mixed(), List.of(ALICE, BOB), Fixtures.robot(Map.of("msgType", "markdown_v2")),
        null);

    assertThat(out).extracting(OutboundMessage::type).containsExactly("markdown_v2", "text");
    assertThat(content(out.get(0))).startsWith("## 🔥 FIRING:1").doesNotContain("<font").doesNotContain("<@");
    assertThat(out.get(0).mentions()).isEmpty();
    assertThat(list(out.get(1), "mentioned_list")).containsExactly("alice.wang");
    assertThat(list(out.get(1), "mentioned_mobile_list")).containsExactly("13800000001");
    assertThat(out.get(1).mentions()).containsExactly(ALICE, BOB);
  }

  @Test
  void markdownV2WithoutMentionsIsOneMessage() {
    assertThat(render(mixed(), List.of(CAROL), Fixtures.robot(Map.of("msgType", "markdown_v2")), null)).hasSize(1);
  }

  @Test
  void aDigestSaysHowManyGroupsItMerges() {
    Notification n = Fixtures.firing(2);
    Notification digest = new Notification(n.policy(), n.groupKey(), n.groupLabels(), n.reason(), n.firing(),
        n.resolved(), n.links(), n.at(), 3);

    assertThat(content(render(digest, List.of(), Fixtures.robot(), null).get(0))).contains("**Digest:** merges 3 groups");
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("markdown", Map.of()), Arguments.of("text", Map.of("msgType", "text")),
        Arguments.of("markdown_v2", Map.of("msgType", "markdown_v2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void alertTextCannotMentionColourOrLink(String name, Map<String, String> options) {
    String evil = "<@all> <@zhangsan> @all <font color=\"info\">ok</font> [x](http://evil) ![x](http://t)\n# RESOLVED";
    Alert a = Alert.firing(Map.of("alertname", "<@all>", "instance", evil)).annotation("summary", evil)
        .annotation("description", evil).startsAt(T0).build();

    List<OutboundMessage> out = render(Fixtures.notification(List.of(a), List.of(), List.of()),
        List.of(Fixtures.unresolved("<@all> Mallory")), Fixtures.robot(options), null);

    String text = content(out.get(0));
    assertThat(text).doesNotContain("<@").doesNotContain("<font color=\"info\">ok");
    if (!name.equals("text")) { // text renders no markup: only mentions matter there
      assertThat(text).doesNotContain("](http://evil").doesNotContain("\n# ");
    }
    assertThat(out).allSatisfy(m -> assertThat(m.mentions()).isEmpty());
  }

  @Test
  void aTemplateWritesTheContentAndCannotLoseMentionsOrTheMoreLine() {
    String template = "### {{statusLine}} {{#groupLabels}}{{value}} {{/groupLabels}}\n"
        + "{{#firing}}- {{name}}: {{{summary}}}\n{{/firing}}";
    Alert evil = Alert.firing(Map.of("alertname", "X")).annotation("summary", "<@all> **bold**").startsAt(T0).build();

    List<OutboundMessage> out = render(Fixtures.notification(List.of(evil), List.of(), List.of()), List.of(ALICE, BOB),
        Fixtures.robot(), template);

    assertThat(content(out.get(0))).isEqualTo("### 🔥 FIRING:1 HighLatency payments \n- X: ＜＠all> ＊＊bold＊＊\n<@alice.wang>");
    assertThat(out.get(1).type()).isEqualTo("text");
  }

  @Test
  void aBrokenTemplateIsAnIllegalArgument() {
    assertThatThrownBy(() -> render(Fixtures.firing(1), List.of(), Fixtures.robot(), "{{#firing}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("WeCom template:");
  }

  @Test
  void splitNumbersPartsAndMentionsOnlyTheFirst() {
    List<OutboundMessage> out = render(Fixtures.firing(120), List.of(ALICE, BOB),
        Fixtures.robot(Map.of("overflow", "split")), null);

    assertThat(out.size()).isGreaterThan(3);
    assertThat(out.get(0).type()).isEqualTo("markdown");
    assertThat(content(out.get(0))).contains("(1/" + (out.size() - 1) + ")").contains("<@alice.wang>");
    assertThat(out.get(1).type()).isEqualTo("text");
    assertThat(out.subList(2, out.size())).allSatisfy(m -> {
      assertThat(m.type()).isEqualTo("markdown");
      assertThat(content(m)).doesNotContain("<@");
      assertThat(m.mentions()).isEmpty();
    });
    assertThat(out).allMatch(Fixtures::withinLimit);
    String all = String.join("\n", out.stream().map(Fixtures::content).toList());
    for (int i = 0; i < 120; i++) {
      assertThat(all).contains("instance=web-" + i + "<");
    }
  }

  @Test
  void truncateSaysHowManyAreLeftOut() {
    List<OutboundMessage> out = render(Fixtures.firing(120), List.of(), Fixtures.robot(Map.of("msgType", "text")), null);

    assertThat(out).singleElement().satisfies(m -> {
      assertThat(Fixtures.withinLimit(m)).isTrue();
      assertThat(content(m)).containsPattern("…and \\d+ more alerts");
      // the count the lane reports is the one the message names, and with the shown alerts makes 120
      assertThat(content(m)).contains("…and " + m.omittedAlerts() + " more alerts");
      int shown = (int) java.util.regex.Pattern.compile("instance=web-\\d+").matcher(content(m)).results().count();
      assertThat(shown + m.omittedAlerts()).isEqualTo(120);
    });
  }

  @Test
  void splitLeavesNoAlertOut() {
    List<OutboundMessage> out = render(Fixtures.firing(120), List.of(ALICE, BOB),
        Fixtures.robot(Map.of("overflow", "split")), null);

    assertThat(out).hasSizeGreaterThan(2).allSatisfy(m -> assertThat(m.omittedAlerts()).isZero());
  }

  @Test
  void aZhCnRobotNamesWhoCannotBeAtedInChineseStillEscaped() {
    String hostile = "Carol <@all> [x](https://evil.example.com) **王**";
    List<Mention> who = List.of(Fixtures.unresolved("张三"), Fixtures.unresolved(hostile),
        Mention.unresolved(io.github.alertrouter.config.MentionTarget.contact("d"), "d", "李四",
            "mobile number not bound yet (this policy requires binding)"));
    Notification n = Fixtures.notification(List.of(Fixtures.alert("HighLatency", "web-1")), List.of(), List.of());
    for (String msgType : List.of("markdown", "markdown_v2", "text")) {
      String en = content(render(n, who, Fixtures.robot(Map.of("msgType", msgType)), null).get(0));
      String zh = content(render(n, who, Fixtures.robot(Map.of("msgType", msgType, "locale", "zh-CN")), null).get(0));

      assertThat(zh).as(msgType).contains("张三（未 @：没有企业微信 userid 或手机号）",
          "李四（未 @：手机号尚未绑定（此策略要求绑定））")
          .doesNotContain("not @-ed");
      String escapedName = en.substring(en.indexOf("Carol"), en.indexOf(" (not @-ed: no WeCom", en.indexOf("Carol")));
      assertThat(escapedName).as(msgType + ": escaped in English").doesNotContain("<@all>");
      if (!msgType.equals("text")) {
        assertThat(escapedName).as(msgType + ": no link in markdown").doesNotContain("](https://evil");
      }
      assertThat(zh).as(msgType + ": the name escaped as in English")
          .contains(escapedName + "（未 @：没有企业微信 userid 或手机号）").doesNotContain("<@all>");
    }
  }
}
