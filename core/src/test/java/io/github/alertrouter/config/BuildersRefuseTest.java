package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.alertrouter.time.TimeOfDay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A builder's {@code build()} refuses what the loader refuses, with one {@link ConfigException}
 * naming the element and every field that is wrong at its YAML name, and never quoting a secret.
 */
class BuildersRefuseTest {
  private static final String TOKEN = "TOKEN-never-shown-5150";
  private static final LocalDateTime MONDAY_9 = LocalDateTime.parse("2026-01-05T09:00");
  private static final Instant T0 = Instant.parse("2026-03-08T00:00:00Z");

  static Stream<Arguments> rows() {
    return Stream.of(
        row("robot without a webhook",
            () -> Robot.builder("sre-ding", "dingtalk", null).build(),
            "of robot \"sre-ding\"", "webhook: is required"),
        row("robot missing everything required, all reported",
            () -> Robot.builder(" ", null, null).secret(Secret.of(TOKEN)).build(),
            "of robot", "id: must not be empty", "platform: must not be empty", "webhook: is required"),
        row("robot whose webhook is a token, not a URL",
            () -> Robot.builder("sre-ding", "dingtalk", Secret.of(TOKEN)).build(),
            "of robot \"sre-ding\"",
            "webhook: must be an http or https URL (value not shown: it holds the access token)"),
        row("robot with maxAlerts 0",
            () -> Robot.builder("sre-ding", "dingtalk", Secret.of("https://x/y")).maxAlerts(0).build(),
            "of robot \"sre-ding\"",
            "options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"0\""),
        row("robot with a maxAlerts option that is no number",
            () -> Robot.builder("sre-ding", "dingtalk", Secret.of("https://x/y")).option("maxAlerts", "all").build(),
            "of robot \"sre-ding\"",
            "options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"all\""),
        row("contact without an id",
            () -> Contact.builder(null).name("Alice").build(),
            "of contact", "id: must not be empty"),
        row("contact with an identity under an empty platform id",
            () -> Contact.builder("alice").identity("", "userId", "0123").build(),
            "of contact \"alice\"", "im: must not be empty"),
        row("contact group with an empty member",
            () -> ContactGroup.of("sre", "alice", ""),
            "of contact group \"sre\"", "members[1]: must not be empty"),
        row("notify rule with a malformed mention",
            () -> NotifyRule.builder().robots("sre-ding").mention("contact:alice", "team:sre").build(),
            "of notify rule",
            "mention[1]: must be contact:ID, group:ID, schedule:ID, label:NAME, annotation:NAME or all, but was \"team:sre\""),
        row("notify window without a time zone",
            () -> NotifyWindow.builder(null).build(),
            "of notify window", "timeZone: is required"),
        row("notify window at a fixed offset, no days",
            () -> NotifyWindow.builder(ZoneOffset.ofHours(8)).days().build(),
            "of notify window",
            "timeZone: must be an IANA time zone such as Asia/Shanghai or UTC, but was \"+08:00\"",
            "days: must not be empty (name at least one day)"),
        row("notify window opening at 24:00",
            () -> NotifyWindow.builder(ZoneId.of("UTC")).from(TimeOfDay.END_OF_DAY).build(),
            "of notify window", "window from must be before 24:00"),
        row("group rule with a negative wait",
            () -> GroupRule.builder().groupWait(Duration.ofSeconds(-5)).build(),
            "of group rule", "groupWait must be >= 0, but was -5s"),
        row("notification policy repeating every 0s",
            () -> NotificationPolicy.builder("p").repeatInterval(Duration.ZERO).build(),
            "of notification policy \"p\"", "repeatInterval must be > 0, but was 0s"),
        row("schedule without layers or time zone",
            () -> Schedule.builder("primary", null).build(),
            "of schedule \"primary\"", "timeZone: is required", "layers: must not be empty (add one with layer(...))"),
        row("layer without members or handoff",
            () -> ScheduleLayer.daily(null).name("day").build(),
            "of schedule layer \"day\"", "members: must not be empty (name at least one contact id)",
            "handoff: is required"),
        row("custom layer without a shift length",
            () -> ScheduleLayer.custom(null, MONDAY_9, "alice").build(),
            "of schedule layer", "shiftLength: is required"),
        row("layer ending before it starts",
            () -> ScheduleLayer.weekly(MONDAY_9, "alice").name("day")
                .start(MONDAY_9).end(MONDAY_9.minusDays(1)).build(),
            "of schedule layer \"day\"",
            "layer day: end must be after start, but was 2026-01-05T09:00 – 2026-01-04T09:00"),
        row("escalation policy without steps",
            () -> EscalationPolicy.builder("pay").build(),
            "of escalation policy \"pay\"", "steps: must not be empty (add one with step(...))"),
        row("escalation step without targets, repeated 0 times",
            () -> EscalationStep.builder(Duration.ofMinutes(10), null).repeat(0, Duration.ofMinutes(5)).build(),
            "of escalation step", "when: is required", "notify: must not be empty (name at least one target)",
            "repeat: repeat count must be >= 1, but was 0"),
        row("inhibit rule without source and target",
            () -> InhibitRule.builder().equal("alertname").build(),
            "of inhibit rule", "source: is required", "target: is required"),
        row("silence without matchers",
            () -> Silence.builder("s", T0, T0.plusSeconds(60)).build(),
            "of silence \"s\"", "matchers: must not be empty (name at least one condition)"),
        row("silence ending as it starts",
            () -> Silence.builder("s", T0, T0, Condition.eq("env", "staging")).build(),
            "of silence \"s\"", "silence s: endsAt must be after startsAt"),
        row("time interval without a name",
            () -> TimeInterval.of(" ", TimePeriod.builder().build()),
            "of time interval", "name: must not be empty"));
  }

  private static Arguments row(String name, ThrowingCallable build, String subject, String... problems) {
    return Arguments.of(name, build, subject, List.of(problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void refusesNamingEveryField(String name, ThrowingCallable build, String subject, List<String> problems) {
    ConfigException e = catchThrowableOfType(ConfigException.class, build);

    assertThat(e).as("a ConfigException").isNotNull();
    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyElementsOf(problems);
    assertThat(e.getMessage()).startsWith("invalid configuration " + subject + " (").doesNotContain(TOKEN);
  }
}
