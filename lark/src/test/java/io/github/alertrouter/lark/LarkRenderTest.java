package io.github.alertrouter.lark;

import static io.github.alertrouter.lark.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.render.Wording;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rendering on the real JSON: colours, mentions per type, mentionBy, keyword, templates, options. */
class LarkRenderTest {
  @ParameterizedTest(name = "{0} firing → {1}")
  @CsvSource({"critical,red", "P1,red", "warning,orange", "info,blue", "unknown,orange"})
  void theHeaderColourFollowsTheMostSevereFiringAlert(String severity, String colour) {
    JsonNode card = card(Fixtures.firing(2, severity), List.of());
    assertThat(card.at("/card/header/template").asText()).isEqualTo(colour);
  }

  @Test
  void mixedSeveritiesTakeTheWorstAndResolvedIsGreen() {
    Notification mixed = Fixtures.notification(List.of(Fixtures.alert("A", "a", "info"),
        Fixtures.alert("B", "b", "critical")), List.of(), List.of());
    assertThat(card(mixed, List.of()).at("/card/header/template").asText()).isEqualTo("red");
    Notification resolved = Fixtures.notification(List.of(),
        List.of(Fixtures.alert("A", "a", "critical").resolvedAt(T0.plusSeconds(3700))), List.of());
    JsonNode card = card(resolved, List.of());
    assertThat(card.at("/card/header/template").asText()).isEqualTo("green");
    assertThat(card.toString()).contains("RESOLVED:1").contains("resolved after 1h 1m");
  }

  @Test
  void aCardHasTitleKeywordButtonsAndAtTags() {
    JsonNode card = card(Fixtures.firing(1, "critical"),
        List.of(Fixtures.userId("Alice", "u1"), Fixtures.openId("Bob", "ou_2"), Fixtures.all(), Fixtures.unresolved("Carol")));
    assertThat(card.at("/card/header/title/content").asText()).isEqualTo("[alert] [FIRING:1] HighLatency payments");
    String text = card.toString();
    assertThat(text).contains("<at id=u1></at> <at id=ou_2></at> <at id=all></at>").contains("Carol &#40;not @");
    assertThat(card.at("/card/elements/0/text/content").asText()).startsWith("[alert] 🔥 FIRING:1");
    JsonNode actions = card.findValue("actions");
    assertThat(actions.get(0).at("/text/content").asText()).isEqualTo("Runbook");
    assertThat(actions.get(1).get("url").asText()).isEqualTo("https://ops.example.com/s");
    assertThat(text).contains("started 2026-03-08 10:00:05 CST (+08:00)");
  }

  @Test
  void postAndTextUseTheirOwnAtSyntax() {
    List<io.github.alertrouter.notify.Mention> mentions = List.of(Fixtures.userId("Alice <x>", "u1"), Fixtures.all());
    JsonNode post = Fixtures.parse(Fixtures.render(Fixtures.firing(1, "critical"), mentions,
        Fixtures.robot("alert", Map.of("msgType", "post")), null).get(0).body());
    assertThat(post.at("/msg_type").asText()).isEqualTo("post");
    assertThat(post.at("/content/post/zh_cn/title").asText()).startsWith("[alert]");
    assertThat(post.toString()).contains("{\"tag\":\"at\",\"user_id\":\"u1\",\"user_name\":\"Alice <x>\"}")
        .contains("{\"tag\":\"at\",\"user_id\":\"all\"").contains("{\"tag\":\"a\",\"text\":\"Runbook\"");
    JsonNode text = Fixtures.parse(Fixtures.render(Fixtures.firing(1, "critical"), mentions,
        Fixtures.robot("alert", Map.of("msgType", "text")), null).get(0).body());
    assertThat(text.at("/content/text").asText()).startsWith("[alert]")
        .contains("<at user_id=\"u1\">Alice ＜x＞</at> <at user_id=\"all\">所有人</at>")
        .contains("Runbook: https://ops.example.com/rb");
  }

  @ParameterizedTest(name = "mentionBy {0}")
  @CsvSource({"'',u1,ou_3", "userId,u1,ou_3", "openId,ou_1,ou_3", "OPENID,ou_1,ou_3"})
  void mentionByPicksTheIdAndFallsBackToTheOther(String mentionBy, String both, String openOnly) {
    Map<String, String> options = mentionBy.isEmpty() ? Map.of() : Map.of("mentionBy", mentionBy);
    io.github.alertrouter.config.Robot robot = Fixtures.robot(null, options);
    LarkProvider lark = new LarkProvider();
    List<Mention> mentions = Stream.of(
            new Contact("a", "A", null, null, Map.of("lark", Map.of("userId", "u1", "openId", "ou_1"))),
            new Contact("c", "C", null, null, Map.of("lark", Map.of("openId", "ou_3"))))
        .map(c -> Mention.resolved(MentionTarget.contact(c.id()), c.id(), c.name(), lark.resolve(c, robot).identity()))
        .toList();
    String body = Fixtures.render(Fixtures.firing(1, "critical"), mentions, robot, null).get(0).body();
    assertThat(body).contains("<at id=" + both + "></at>").contains("<at id=" + openOnly + "></at>");
  }

  @Test
  void aTemplateWritesTheTextWithEscapedValuesAndKeepsEveryMention() {
    Notification n = Fixtures.notification(List.of(Fixtures.alert("Disk<at id=all></at>", "a", "critical")),
        List.of(), List.of());
    List<OutboundMessage> out = Fixtures.render(n, List.of(Fixtures.userId("A", "u1")), Fixtures.robot("kw", Map.of()),
        "{{#firing}}{{{name}}}: {{summary}}{{/firing}}");
    String content = Fixtures.parse(out.get(0).body()).at("/card/elements/0/text/content").asText();
    assertThat(content).startsWith("[kw] Disk&#60;at id=all&#62;&#60;&#47;at&#62;".replace("&#47;", "/"))
        .endsWith("<at id=u1></at>");
  }

  @Test
  void templateAndOptionProblemsAreReported() {
    assertThat(Fixtures.PROVIDER.checkTemplate("{{#firing}}{{name}}{{/firing}}")).isEmpty();
    assertThat(Fixtures.PROVIDER.checkTemplate("{{nope}}")).hasSize(1);
    assertThat(Fixtures.PROVIDER.checkTemplate("{{#firing}}")).hasSize(1);
    Robot bad = Fixtures.robot(null, Map.of("msgType", "card", "mentionBy", "email", "colour", "x"));
    assertThat(Fixtures.PROVIDER.checkRobot(bad)).extracting(p -> p.path())
        .containsExactlyInAnyOrder("options.msgType", "options.mentionBy", "options.colour");
    assertThatThrownBy(() -> Fixtures.render(Fixtures.firing(1, "x"), List.of(), bad, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.msgType");
  }

  private static JsonNode card(Notification n, List<io.github.alertrouter.notify.Mention> mentions) {
    List<OutboundMessage> out = Fixtures.render(n, mentions, Fixtures.robot("alert", Map.of("timeZone", "Asia/Shanghai")), null);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).type()).isEqualTo("interactive");
    return Fixtures.parse(out.get(0).body());
  }

  @Test
  void aZhCnRobotNamesWhoCannotBeAtedInChineseStillEscaped() {
    String hostile = "Carol <at id=all></at> [x](https://evil.example.com)";
    List<Mention> who = List.of(Fixtures.unresolved("张三"), Fixtures.unresolved(hostile),
        Mention.unresolved(MentionTarget.contact("d"), "d", "李四", "unknown contact \"lisi\""));

    assertThat(LarkIdentities.Mentions.of(who, Wording.ZH_CN).unresolved()).as("raw lines, escaped per message type")
        .containsExactly("张三（未 @：没有飞书 user_id 或 open_id）", hostile + "（未 @：没有飞书 user_id 或 open_id）",
            "李四（未 @：未知的联系人 \"lisi\"）");
    // each message type escapes a name its way (a post's text element is inert as it is): the same in both languages
    for (String msgType : List.of("interactive", "post", "text")) {
      String en = Fixtures.render(Fixtures.firing(1, "critical"), who, Fixtures.robot("alert", Map.of("msgType", msgType)),
          null).get(0).body();
      String zh = Fixtures.render(Fixtures.firing(1, "critical"), who,
          Fixtures.robot("alert", Map.of("msgType", msgType, "locale", "zh-CN")), null).get(0).body();

      assertThat(zh).as(msgType).contains("张三（未 @：没有飞书 user").doesNotContain("not @");
      String line = en.substring(en.indexOf("Carol"), en.indexOf("not @", en.indexOf("Carol")));
      String escapedName = line.substring(0, line.lastIndexOf(' '));
      assertThat(zh).as(msgType + ": the name escaped as in English").contains(escapedName + "（未 @：没有飞书 user");
    }
  }
}
