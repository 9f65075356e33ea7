package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation in the running router, on virtual time, against the recording fake platform. The
 * first notice goes out 30 s after the alert (groupWait); step times count from it.
 */
class EscalationScenariosTest {
  static final String POLICY = """
      escalationPolicies:
        - id: pay
          steps:
            - { after: 10m, when: UNACKED, notify: ["contact:bob"], repeat: { count: 1, every: 5m } }
            - { after: 30m, when: UNRESOLVED, notify: ["group:sre"], robots: [dev] }
      notificationPolicies:
        - name: payments
          groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname] }
          notifyRule: { robots: [ops], mention: ["contact:alice"] }
          escalationPolicy: pay
      """;

  private RouterFixture f;

  @AfterEach
  void close() {
    f.close();
  }

  private String groupKey() {
    return f.sent.get(0).groupKey();
  }

  /** The message's claim (acknowledge) link, its path in group 1: the chat's Claim button. */
  static java.util.regex.Matcher claimLink(Received message) {
    return java.util.regex.Pattern.compile("https://ops\\.example\\.com/alert-router(/actions/[A-Za-z0-9_.-]+)")
        .matcher(message.link(NotificationLink.Kind.ACKNOWLEDGE).orElse(""));
  }

  @Test
  void stepsAndRepeatsFireAtTheirTimesAndMentionTheirPeople() {
    f = new RouterFixture(POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    assertThat(f.messages("ops")).singleElement().satisfies(m -> assertThat(m.mentions()).containsExactly("mobile:13800000001"));

    f.advance(Duration.ofMinutes(10)); // step 1
    f.advance(Duration.ofMinutes(5)); // its repeat
    f.advance(Duration.ofMinutes(15)); // step 2, through the dev robot

    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(3);
    assertThat(ops.get(1).reasonText()).contains("escalation step 1 of 2");
    assertThat(ops.get(1).mentions()).containsExactly("userId:bob007");
    assertThat(ops.get(2).reasonText()).contains("escalation step 1 of 2 (repeat 1 of 1)");
    assertThat(f.messages("dev")).singleElement().satisfies(m -> {
      assertThat(m.reasonText()).contains("escalation step 2 of 2");
      assertThat(m.mentions()).containsExactlyInAnyOrder("mobile:13800000001", "userId:bob007");
    });
    assertThat(f.sent).filteredOn(e -> e.reason() == NotifyReason.ESCALATION).hasSize(3);
    f.advance(Duration.ofHours(5));
    assertThat(f.messages("ops")).hasSize(3); // no repeat interval: an escalating group does not repeat
  }

  @Test
  void anAcknowledgementStopsUnackedStepsButNotUnresolvedOnes() {
    f = new RouterFixture(POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofMinutes(5));
    assertThat(f.router.acknowledge(groupKey(), "bob")).isTrue();

    f.advance(Duration.ofMinutes(26));

    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(2); // the notice and the acknowledgement; step 1 and its repeat are held
    assertThat(ops.get(1).reasonText()).contains("acknowledged by bob").doesNotContain("escalation");
    assertThat(ops.get(1).values("alertname")).contains("PayDown");
    assertThat(ops.get(1).mentions()).isEmpty(); // the team is told, nobody is paged
    assertThat(f.sent.get(1).reason()).isEqualTo(NotifyReason.ACKNOWLEDGED);
    assertThat(f.messages("dev")).singleElement()
        .satisfies(m -> assertThat(m.reasonText()).contains("escalation step 2 of 2"));
  }

  @Test
  void theClaimLinkInTheMessagePausesTheEscalationAndWorksOnce() {
    f = new RouterFixture(POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    java.util.regex.Matcher claim = claimLink(f.messages("ops").get(0));
    assertThat(claim.matches()).as(f.messages("ops").get(0).notification().links().toString()).isTrue();
    var handler = f.router.actionHandler().orElseThrow();

    assertThat(handler.handle("GET", claim.group(1), Map.of(), new byte[0]).status()).isEqualTo(200); // a form only
    f.advance(Duration.ofMinutes(11));
    assertThat(f.messages("ops")).hasSize(2); // the GET claimed nothing: step 1 fired

    java.util.regex.Matcher again = claimLink(f.messages("ops").get(1));
    assertThat(again.matches()).isTrue();
    assertThat(handler.handle("POST", again.group(1), Map.of(), "who=bob".getBytes()).status()).isEqualTo(200);
    assertThat(handler.handle("POST", again.group(1), Map.of(), "who=bob".getBytes()).status()).isEqualTo(409);
    f.advance(Duration.ofMinutes(20));

    assertThat(f.messages("ops")).hasSize(3); // the claim is told once; the repeat of step 1 is held
    assertThat(f.messages("ops").get(2).reasonText()).contains("acknowledged by bob");
    assertThat(f.messages("dev")).hasSize(1); // step 2 (UNRESOLVED) still fires
  }

  @Test
  void aZhCnRobotsLinksOpenChinesePagesWhateverTheBrowser() {
    f = new RouterFixture(RouterFixture.CONTACTS.replace(
        "options: { actionBaseUrl: \"https://ops.example.com/alert-router\" }",
        "options: { actionBaseUrl: \"https://ops.example.com/alert-router\", locale: zh-CN }"), POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));

    String link = f.messages("ops").get(0).link(NotificationLink.Kind.ACKNOWLEDGE).orElseThrow();
    assertThat(link).endsWith("?lang=zh-CN");
    String path = link.substring("https://ops.example.com/alert-router".length(), link.indexOf('?'));
    var page = f.router.actionHandler().orElseThrow().handle("GET", path, Map.of("lang", List.of("zh-CN")),
        Map.of("Accept-Language", List.of("en-US")), new byte[0]);
    assertThat(page.body()).contains("<html lang=\"zh-CN\">");
    assertThat(f.messages("ops").get(0).link(NotificationLink.Kind.RESOLVE).orElseThrow()).endsWith("?lang=zh-CN");
  }

  @Test
  void anEnglishRobotsLinksCarryNoLanguage() {
    f = new RouterFixture(POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("ops").get(0).notification().links()).allSatisfy(l -> assertThat(l.url()).doesNotContain("?"));
  }

  @Test
  void aClaimWithoutANameIsToldAsSomeoneAndAZhCnRobotSaysYouRen() {
    f = new RouterFixture(POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    java.util.regex.Matcher claim = claimLink(f.messages("ops").get(0));
    assertThat(claim.matches()).isTrue();

    assertThat(f.router.actionHandler().orElseThrow().handle("POST", claim.group(1), Map.of(), new byte[0]).status())
        .isEqualTo(200);
    f.advance(Duration.ofSeconds(1));

    var told = f.messages("ops").get(1).notification();
    assertThat(told.reasonDetail()).isEqualTo("acknowledged by someone");
    assertThat(io.github.alertrouter.spi.render.Wording.ZH_CN.reason(told.reason(), told.reasonDetail()))
        .isEqualTo("有人已认领");
  }

  @Test
  void withdrawingTheAcknowledgementLetsTheHeldStepFire() {
    f = new RouterFixture(POLICY);
    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30));
    f.router.acknowledge(groupKey(), "bob");
    f.advance(Duration.ofMinutes(12));
    assertThat(f.messages("ops")).hasSize(2); // the notice and the acknowledgement

    assertThat(f.router.unacknowledge(groupKey(), "bob")).isTrue();
    f.scheduler.runDue();

    List<Received> ops = f.messages("ops");
    assertThat(ops).hasSize(4);
    assertThat(ops.get(2).reasonText()).contains("acknowledgement withdrawn by bob");
    assertThat(ops.get(3).reasonText()).contains("escalation step 1 of 2");
  }

  @Test
  void aGroupThatResolvesAndFiresAgainStartsThePolicyAnew() {
    f = new RouterFixture(POLICY);
    Alert down = f.firing(Map.of("alertname", "PayDown"));
    f.submit(down);
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofMinutes(11)); // step 1 fired
    f.submit(f.resolved(down));
    f.advance(Duration.ofMinutes(5)); // resolved notice; the episode ends
    int before = f.messages("ops").size();

    f.submit(f.firing(Map.of("alertname", "PayDown")));
    f.advance(Duration.ofSeconds(30)); // a new first notice
    f.advance(Duration.ofMinutes(10)); // step 1 again, ten minutes after it

    List<Received> ops = f.messages("ops");
    assertThat(ops.subList(before, ops.size())).extracting(Received::reasonText)
        .anySatisfy(t -> assertThat(t).contains("first notification"))
        .anySatisfy(t -> assertThat(t).contains("escalation step 1 of 2"));
    assertThat(f.messages("dev")).isEmpty(); // step 2 never came: the first episode ended before 30 m
  }

  @Test
  void aScheduleStepMentionsWhoeverIsOnDutyWhenItFires() {
    f = new RouterFixture("""
        schedules:
          - id: primary
            timeZone: Asia/Shanghai
            layers: [ { members: [alice, bob], rotation: CUSTOM, shiftLength: 10m, handoff: "2026-03-09T09:00" } ]
        """ + POLICY.replace("notify: [\"contact:bob\"]", "notify: [\"schedule:primary\"]"));
    f.submit(f.firing(Map.of("alertname", "PayDown"))); // 09:00: Alice on duty until 09:10, then Bob
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofMinutes(10)); // 09:10:30: step 1 @s Bob, on duty now (not Alice, on duty at the first notice)
    f.advance(Duration.ofMinutes(10)); // 09:15:30: the repeat, still Bob's shift

    List<Received> ops = f.messages("ops");
    assertThat(ops.get(0).mentions()).containsExactly("mobile:13800000001");
    assertThat(ops.get(1).mentions()).containsExactly("userId:bob007");
    assertThat(ops.get(2).mentions()).containsExactly("userId:bob007");
    f.advance(Duration.ofMinutes(10)); // 09:30:30: step 2 to sre through dev
    assertThat(f.messages("dev")).hasSize(1);
  }
}
