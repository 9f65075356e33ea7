package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.engine.ScriptedPlatform.Received;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A handoff notice is worded in its robot's locale: names and times as they are, every other word Chinese. */
class HandoffWordingTest {
  private static final String SCHEDULE = """
      schedules:
        - id: primary
          name: Payments primary
          timeZone: Asia/Shanghai
          handoffRobot: ops
          layers:
            - { name: daily, members: [alice, bob], rotation: DAILY, handoff: "2026-03-09T09:00" }
      notificationPolicies:
        - name: payments
          notifyRule: { robots: [dev] }
          repeatInterval: 4h
      """;

  private RouterFixture f;

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aZhCnRobotAnnouncesTheHandoffInChinese() {
    f = new RouterFixture(RouterFixture.CONTACTS.replace("actionBaseUrl: \"https://ops.example.com/alert-router\" }",
        "actionBaseUrl: \"https://ops.example.com/alert-router\", locale: zh-CN, timeZone: Asia/Shanghai }"), SCHEDULE);
    f.advance(Duration.ofDays(1)); // Tuesday 09:00: Bob

    List<Received> notices = f.messages("ops");
    Received bob = notices.stream().filter(n -> n.notice().source().equals("schedule:primary")).findFirst().orElseThrow();
    assertThat(bob.notice().title()).isEqualTo("Payments primary 当前值班: Bob");
    assertThat(bob.notice().lines()).containsExactly(
        "自 2026-03-10 09:00:00 CST (+08:00) 起，至 2026-03-11 09:00:00 CST (+08:00)", "下一班: Alice");
    assertThat(bob.mentions()).containsExactly("userId:bob007");
  }

  @Test
  void anEnRobotKeepsTheEnglishNotice() {
    f = new RouterFixture(SCHEDULE);
    f.advance(Duration.ofDays(1));

    Received bob = f.messages("ops").stream().filter(n -> n.notice().source().equals("schedule:primary"))
        .findFirst().orElseThrow();
    assertThat(bob.notice().title()).isEqualTo("On call for Payments primary: Bob");
    assertThat(bob.notice().lines()).contains("Next: Alice");
  }
}
