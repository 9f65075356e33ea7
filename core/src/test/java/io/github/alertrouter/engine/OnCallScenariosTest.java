package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On-call schedules in the running router: handoff notices and schedule mentions, on virtual time. */
class OnCallScenariosTest {
  /** Alice and Bob alternate daily at 09:00 Shanghai; the fixture starts Monday 09:00 there. */
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
          groupRule: { groupWait: 30s, groupingFields: [alertname] }
          notifyRule: { robots: [dev], mention: ["schedule:primary"] }
          repeatInterval: 4h
      """;

  private RouterFixture f;

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void eachHandoffIsAnnouncedOnceWithTheNewPersonMentionedAndWhoIsNext() {
    f = new RouterFixture(SCHEDULE);
    f.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(f.messages("ops")).isEmpty(); // starting does not repeat the current shift's handoff

    f.advance(Duration.ofMinutes(1)); // Tuesday 09:00: Bob
    f.advance(Duration.ofDays(1)); // Wednesday 09:00: Alice

    List<Received> notices = f.messages("ops");
    assertThat(notices).hasSize(2);
    assertThat(notices.get(0).notice().title()).contains("On call for Payments primary: Bob");
    assertThat(notices.get(0).notice().lines()).anySatisfy(l -> assertThat(l).contains("Next: Alice"));
    assertThat(notices.get(0).mentions()).containsExactly("userId:bob007");
    assertThat(notices.get(1).notice().title()).contains("On call for Payments primary: Alice");
    assertThat(notices.get(1).notice().lines()).anySatisfy(l -> assertThat(l).contains("Next: Bob"));
    assertThat(notices.get(1).mentions()).containsExactly("mobile:13800000001");
    assertThat(f.sent).extracting(e -> e.reason()).containsOnly(NotifyReason.HANDOFF);
  }

  @Test
  void aRouterThatReplacesAnotherDoesNotAnnounceAHandoffTwice() {
    f = new RouterFixture(SCHEDULE);
    try (AlertRouter reloaded = f.another()) {
      f.advance(Duration.ofDays(1));
      assertThat(f.messages("ops")).hasSize(1);
    }
  }

  @Test
  void aScheduleTargetMentionsWhoeverIsOnDutyWhenTheNoticeGoesOut() {
    f = new RouterFixture(SCHEDULE);
    f.submit(f.firing(Map.of("alertname", "DiskFull")));
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofDays(1)); // the repeat after Tuesday's handoff @s Bob

    List<Received> messages = f.messages("dev");
    assertThat(messages.get(0).mentions()).containsExactly("mobile:13800000001");
    assertThat(messages.get(messages.size() - 1).mentions()).containsExactly("userId:bob007");
  }

  @Test
  void whenNobodyIsOnDutyTheMessageStillGoesOutAndSaysSo() {
    f = new RouterFixture(SCHEDULE.replace("rotation: DAILY, handoff: \"2026-03-09T09:00\" }",
        "rotation: DAILY, handoff: \"2026-03-09T09:00\", restrictions: [ { days: [SAT, SUN], from: \"09:00\", to: \"18:00\" } ] }"));
    f.submit(f.firing(Map.of("alertname", "DiskFull")));
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("dev")).singleElement().satisfies(m -> {
      assertThat(m.mentions()).isEmpty();
      assertThat(m.notMentioned()).containsEntry("Payments primary", "nobody is on duty in schedule primary");
    });
  }
}
