package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.ReceivedMessage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  private static CliRun run;
  private static DemoStory.Result story;

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
    assertThat(run.stdout().toLowerCase()).contains("digest").contains("escalation step 1 of 2").contains("escalation step 2 of 2");
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

  @Test
  void runsOnVirtualTimeInAFewSeconds() {
    long start = System.nanoTime();
    DemoStory.play();
    assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(15.0);
  }
}
