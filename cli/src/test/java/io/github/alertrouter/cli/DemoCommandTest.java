package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.escalate.EscalationFiring;
import io.github.alertrouter.escalate.EscalationPlanner;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.oncall.OnDuty;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoCommandTest {
  private static CliRun run;
  private static DemoStory.Result story;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @BeforeAll
  static void playOnce() {
    run = CliRun.of("demo");
    story = DemoStory.play();
  }

  @Test
  void exitsZeroAndPrintsNothingOnStderr() {
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void everyChatHasMessages() {
    assertThat(story.chats()).extracting(DemoStory.Chat::robotId)
        .containsExactly("sre-dingtalk", "dev-lark", "sre-wecom");
    for (DemoStory.Chat chat : story.chats()) {
      assertThat(chat.messages()).as(chat.robotId()).isNotEmpty();
    }
    assertThat(run.stdout())
        .contains("== DingTalk group chat, robot sre-dingtalk")
        .contains("== Lark group chat, robot dev-lark")
        .contains("== WeCom group chat, robot sre-wecom");
    assertThat(story.failed()).as(String.join("\n", story.failures())).isZero();
  }

  @Test
  void showsEachKindOfMention() {
    Set<String> mentions = story.chats().stream()
        .flatMap(c -> c.messages().stream())
        .map(DemoStory.Posted::message)
        .flatMap(m -> m.mentions().stream())
        .collect(Collectors.toSet());
    assertThat(mentions).anyMatch(m -> m.startsWith("mobile:"));
    assertThat(mentions).anyMatch(m -> m.startsWith("userId:"));
    assertThat(mentions).contains("all");
    assertThat(run.stdout()).contains("@ mobile:13800000002 (Bob Li)").contains("userId:").contains("all (everyone)");
  }

  @Test
  void showsTheDigestAndTheEscalation() {
    assertThat(story.merged()).isPositive();
    List<ReceivedMessage> lark = story.chats().get(1).messages().stream().map(DemoStory.Posted::message).toList();
    assertThat(lark.size()).as("the storm is digested, not posted one by one").isLessThan(DemoStory.STORM_SIZE);
    assertThat(run.stdout().toLowerCase()).contains("digest").contains("escalation step 1 of 3").contains("escalation step 2 of 3");
  }

  /** The chats the critical group goes to: escalation before the acknowledgement, none after, then the resolved notice. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sre-dingtalk", "sre-wecom"})
  void anAcknowledgementStopsTheEscalation(String robotId) {
    DemoStory.Step ack = acknowledgement();
    List<DemoStory.Posted> group = chat(robotId).messages().stream()
        .filter(p -> p.message().text().contains("PaymentsHighErrorRate")).toList();
    assertThat(group).as("escalation fired before the acknowledgement")
        .anyMatch(p -> p.at().isBefore(ack.at()) && p.message().text().contains("escalation step 1 of 3"));
    assertThat(group).as("no escalation after the acknowledgement at " + ack.at())
        .filteredOn(p -> p.at().isAfter(ack.at()))
        .noneMatch(p -> p.message().text().contains("escalation"));
    DemoStory.Posted last = group.get(group.size() - 1);
    assertThat(last.message().text()).as("the group ends resolved").contains("RESOLVED").contains("all alerts resolved");
    assertThat(ack.chats()).contains(robotId);
    assertThat(section(robotId)).contains("  -- alice acknowledges PaymentsHighErrorRate");
    assertThat(group).as("the chat is told who acknowledged, and nobody is @-ed for it")
        .filteredOn(p -> p.at().equals(ack.at()))
        .singleElement().satisfies(p -> {
          assertThat(p.message().text()).contains("acknowledged by alice");
          assertThat(p.message().mentions()).isEmpty();
        });
  }

  @Test
  void theAcknowledgementHoldsAFiringThatWouldHaveComeBeforeTheGroupResolved() {
    DemoStory.Step ack = acknowledgement();
    EscalationPolicy policy = story.config().escalationPolicies().get(0);
    List<DemoStory.Posted> dingtalk = chat("sre-dingtalk").messages();
    Instant firstNotice = dingtalk.get(0).at();
    Instant resolved = dingtalk.stream().filter(p -> p.message().text().contains("RESOLVED")).findFirst().orElseThrow().at();
    List<EscalationFiring> held = EscalationPlanner.plan(policy, firstNotice, 100).stream()
        .filter(f -> f.dueAt().isAfter(ack.at()) && f.dueAt().isBefore(resolved)).toList();
    assertThat(held).as("without the acknowledgement, something would have fired").isNotEmpty();
    assertThat(ack.what()).contains(held.get(0).describe(policy).replaceFirst("^escalation ", ""))
        .contains("due " + DemoTranscript.TIME.format(held.get(0).dueAt().atZone(ZONE)));
    // in the chat, between the last escalation and what follows
    String dingtalkText = section("sre-dingtalk");
    int step2 = dingtalkText.indexOf("escalation step 2 of 3");
    int note = dingtalkText.indexOf("-- alice acknowledges");
    int handoff = dingtalkText.indexOf("On call for");
    assertThat(step2).isPositive().isLessThan(note);
    assertThat(note).isLessThan(handoff);
  }

  @Test
  void theHandoffNoticeAtsTheNewOnCallPersonInDingTalkSyntaxAndNamesWhoIsNext() {
    Schedule schedule = story.config().schedules().get(0);
    OnCallSchedule onCall = OnCallSchedule.of(schedule);
    Instant handoff = onCall.nextChange(DemoStory.START);
    assertThat(onCall.onCall(DemoStory.START)).extracting(OnDuty::contactId).containsExactly("alice");
    assertThat(onCall.onCall(handoff)).extracting(OnDuty::contactId).containsExactly("bob");
    assertThat(schedule.handoffRobot()).isEqualTo("sre-dingtalk");
    assertThat(story.story()).as("the story says so when it happens")
        .anyMatch(step -> step.at().equals(handoff) && step.what().contains("from Alice to Bob"));

    List<DemoStory.Posted> notices = story.chats().stream().flatMap(c -> c.messages().stream())
        .filter(p -> p.message().text().contains("On call for")).toList();
    assertThat(notices).as("one notice per handoff").hasSize(1);
    DemoStory.Posted notice = notices.get(0);
    assertThat(notice.at()).isEqualTo(handoff);
    assertThat(notice.message().robotId()).isEqualTo("sre-dingtalk");
    // Bob has no DingTalk userId: DingTalk @s him by mobile, in the text and in at.atMobiles
    assertThat(notice.message().mentions()).containsExactly("mobile:13800000002");
    assertThat(notice.message().text()).contains("On call for Payments primary: Bob Li").contains("Next: Alice Zhang")
        .contains("@13800000002");
    assertThat(notice.message().body().at("/at/atMobiles").toString()).contains("13800000002");
    assertThat(section("sre-dingtalk")).contains("""
        10:00:00  sre-dingtalk [markdown]: [alert] On call for Payments primary: Bob Li — Next: Alice Zhang
                  @ mobile:13800000002 (Bob Li)
        """);
  }

  /** README's excerpt of the transcript is real output: its lines appear in the output, in order ("..." skips). */
  @Test
  void readmeTranscriptExcerptIsRealOutput() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## `alert-router demo`");
    assertThat(section).isNotNegative();
    int start = readme.indexOf("```\n", section) + 4;
    List<String> excerpt = readme.substring(start, readme.indexOf("```", start)).lines().toList();
    List<String> output = run.stdout().lines().toList();
    int at = 0;
    for (String line : excerpt) {
      if (line.equals("...")) {
        continue;
      }
      int found = output.subList(at, output.size()).indexOf(line);
      assertThat(found).as("README line, in order, in the demo output:%n%s", line).isNotNegative();
      at += found + 1;
    }
    assertThat(excerpt).as("the excerpt shows the acknowledgement and the handoff")
        .anyMatch(l -> l.contains("-- alice acknowledges")).anyMatch(l -> l.contains("On call for"));
  }

  @Test
  void printsTheSameEveryRun() {
    assertThat(DemoTranscript.render(story)).isEqualTo(run.stdout());
  }

  @Test
  void printsNoWebhookOrSecret() {
    assertThat(story.secrets()).hasSize(4);
    for (String secret : story.secrets()) {
      assertThat(run.stdout()).doesNotContain(secret);
    }
    assertThat(run.stdout()).doesNotContain("access_token").doesNotContain("key=").doesNotContain("/hook/")
        .doesNotContain("<redacted>");
  }

  private static DemoStory.Step acknowledgement() {
    List<DemoStory.Step> acks = story.story().stream()
        .filter(s -> s.what().startsWith(DemoStory.ACKNOWLEDGER + " acknowledges")).toList();
    assertThat(acks).hasSize(1);
    assertThat(acks.get(0).at()).isEqualTo(DemoStory.START.plus(DemoStory.ACKNOWLEDGED_AFTER));
    return acks.get(0);
  }

  private static DemoStory.Chat chat(String robotId) {
    return story.chats().stream().filter(c -> c.robotId().equals(robotId)).findFirst().orElseThrow();
  }

  /** The printed transcript of one chat, from its heading to the next blank line. */
  private static String section(String robotId) {
    String out = run.stdout();
    int start = out.indexOf("robot " + robotId + ":");
    assertThat(start).as(robotId).isNotNegative();
    int end = out.indexOf("\n\n", start);
    return out.substring(start, end < 0 ? out.length() : end + 1);
  }

  @Test
  void runsOnVirtualTimeInAFewSeconds() {
    long start = System.nanoTime();
    DemoStory.play();
    assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(15.0);
  }
}
