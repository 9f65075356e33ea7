package io.github.alertrouter.config;

import static io.github.alertrouter.config.ConfigFixtures.BASE;
import static io.github.alertrouter.config.ConfigFixtures.ENV;
import static io.github.alertrouter.config.ConfigFixtures.parse;
import static io.github.alertrouter.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.time.TimeOfDay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoadingTest {

  @Test
  void anElementWithABadFieldStillHasItsOtherProblemsReported() {
    String yaml = """
        robots:
          - { id: sre-ding, platform: dingtalk, webhook: "https://example.com/hook" }
        notificationPolicies:
          - name: a
            repeatInterval: 5x
            notifyRule: { robots: [sre-dng], mention: ["group:sre"] }
            routes:
              - { groupRule: { groupWait: soon }, notifyRule: { robots: [ops] } }
        """;

    // the bad duration leaves repeatInterval unset: that must not also read as "needs repeatInterval"
    assertThat(problems(yaml)).containsExactly(
        "notificationPolicies[0].repeatInterval: must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"5x\"",
        "notificationPolicies[0].notifyRule.robots[0]: unknown robot \"sre-dng\", did you mean \"sre-ding\"?",
        "notificationPolicies[0].notifyRule.mention[0]: unknown contact group \"sre\"",
        "notificationPolicies[0].routes[0].groupRule.groupWait: must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"soon\"",
        "notificationPolicies[0].routes[0].notifyRule.robots[0]: unknown robot \"ops\"");
  }

  @Test
  void reportsEveryProblemAtOnceInDocumentOrder() {
    String yaml = """
        robots:
          - { id: sre-ding, platform: dingtalk, webhook: "https://example.com/hook" }
        contacts:
          - { id: alice, im: { dingtalk: { userId: [1] } } }
          - { id: alice }
        notificationPolicies:
          - name: a
            repeatInterval: 5x
            groupRule: { groupwait: 5s }
          - name: b
            repeatInterval: 1h
            escalationPolicy: payments
            notifyRule: { robots: [sre-dng], mention: ["group:sre"] }
            routes:
              - notifyRule: { robots: [sre-ding, ops] }
              - repeatInterval: 1hour
          - repeatInterval: 1h
        silences:
          - { id: s, matchers: [ { key: env, op: eq, value: "${MISSING}" } ], startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-01-02T00:00:00Z" }
        """;

    assertThat(problems(yaml)).containsExactly(
        "contacts[0].im.dingtalk.userId: must be a string, but was a list",
        "contacts[1].id: duplicate contact id \"alice\", also used by contacts[0]",
        "notificationPolicies[0].repeatInterval: must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"5x\"",
        "notificationPolicies[0].groupRule.groupwait: unknown field, did you mean \"groupWait\"?",
        "notificationPolicies[1]: sets both repeatInterval and escalationPolicy; use one or the other",
        "notificationPolicies[1].escalationPolicy: unknown escalation policy \"payments\"",
        "notificationPolicies[1].notifyRule.robots[0]: unknown robot \"sre-dng\", did you mean \"sre-ding\"?",
        "notificationPolicies[1].notifyRule.mention[0]: unknown contact group \"sre\"",
        "notificationPolicies[1].routes[0].notifyRule.robots[1]: unknown robot \"ops\"",
        "notificationPolicies[1].routes[1].repeatInterval: must be a duration such as 500ms, 30s, 5m, 4h or 1d,"
            + " but was \"1hour\"",
        "notificationPolicies[2].name: a top-level policy needs a name",
        "silences[0].matchers[0].value: environment variable \"MISSING\" is not set");
  }

  @Test
  void exceptionMessageNamesTheSourceAndEveryProblem() {
    assertThatThrownBy(() -> parse(BASE + "notificationPolicies: [ { name: p } ]"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration test.yaml (1 problem):\n"
            + "  notificationPolicies[0]: needs repeatInterval or escalationPolicy");
  }

  @Test
  void substitutesEnvironmentVariablesInStringValuesOnly() {
    RouterConfig config = parse(BASE + """
        notificationPolicies:
          - name: "${TEAM}-policy"
            matchingRules: [ { conditions: [ { key: team, op: eq, value: "${TEAM}" },
                                             { key: note, op: eq, value: "costs $${TEAM} and $$5, ${TEAM}!" } ] } ]
            repeatInterval: 1h
        """);

    Robot robot = config.robots().get(0);
    assertThat(robot.webhook().reveal()).isEqualTo(ENV.get("DINGTALK_URL"));
    assertThat(robot.secret().reveal()).isEqualTo(ENV.get("SIGN"));
    NotificationPolicy policy = config.notificationPolicies().get(0);
    assertThat(policy.name()).isEqualTo("payments-policy");
    assertThat(policy.matchingRules().get(0).conditions())
        .extracting(Condition::value)
        .containsExactly("payments", "costs ${TEAM} and $$5, payments!");
  }

  @Test
  void doesNotSubstituteInKeys() {
    assertThat(problems(BASE + "\"${TEAM}\": []"))
        .containsExactly("${TEAM}: unknown field, expected one of contacts, contactGroups, robots, schedules,"
            + " escalationPolicies, notificationPolicies, silences, inhibitRules, timeIntervals");
  }

  @Test
  void readsEveryScalarType() {
    RouterConfig config = parse(BASE.replace("rotation: weekly", "rotation: Custom, shiftLength: 12h") + """
          - name: office
            periods: [ { times: ["09:00-18:00"], weekdays: ["monday:friday"], location: Asia/Shanghai } ]
        notificationPolicies:
          - name: p
            matchingRules: [ { conditions: [ { key: severity, op: IN, value: critical } ] } ]
            notifyRule:
              window: { days: [monday, Tue, FRIDAY], from: "22:00", to: "06:00", timeZone: Europe/Berlin }
            repeatInterval: 1h30m
            sendResolved: false
            continue: false
            activeTimeIntervals: [office]
        silences:
          - { id: s, matchers: [ { key: a, op: nre, value: "b.*" } ], startsAt: "2026-01-05T09:00:00+08:00",
              endsAt: "2026-01-05T02:00:00Z" }
        """);

    ScheduleLayer layer = config.schedules().get(0).layers().get(0);
    assertThat(layer.rotation()).isEqualTo(Rotation.CUSTOM);
    assertThat(layer.shiftLength()).isEqualTo(Duration.ofHours(12));
    assertThat(layer.handoff()).isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 0));
    assertThat(config.schedules().get(0).timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    NotificationPolicy policy = config.notificationPolicies().get(0);
    assertThat(policy.matchingRules().get(0).conditions().get(0)).isEqualTo(Condition.in("severity", "critical"));
    NotifyWindow window = policy.notifyRule().window();
    assertThat(window.days()).isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY));
    assertThat(window.from()).hasToString("22:00");
    assertThat(window.to()).hasToString("06:00");
    assertThat(policy.repeatInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(policy.sendResolved()).isFalse();
    assertThat(policy.continueMatching()).isFalse();
    assertThat(config.escalationPolicies().get(0).steps().get(0).targets())
        .containsExactly(MentionTarget.schedule("primary"));
    Silence silence = config.silences().get(0);
    assertThat(silence.startsAt()).isEqualTo(Instant.parse("2026-01-05T01:00:00Z"));
    assertThat(silence.createdBy()).isEmpty();
  }

  @Test
  void readsScheduleFields() {
    RouterConfig config = parse(BASE.replace("""
          - id: primary
            timeZone: Asia/Shanghai
            layers: [ { members: [alice, bob], rotation: weekly, handoff: "2026-01-05T09:00" } ]
        """, """
          - id: primary
            name: Primary on-call
            timeZone: Asia/Shanghai
            disallowOverlap: true
            layers:
              - { name: day, members: [alice, bob], rotation: daily, handoff: "2026-01-05T09:00",
                  start: "2026-01-01T00:00", end: "2027-01-01T00:00",
                  restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
              - { name: weekend, members: [bob], rotation: weekly, handoff: "2026-01-02T18:00",
                  restrictions: [ { fromDay: FRI, from: "18:00", toDay: mon, to: "09:00" } ] }
        """));

    Schedule schedule = config.schedules().get(0);
    assertThat(schedule.name()).isEqualTo("Primary on-call");
    assertThat(schedule.disallowOverlap()).isTrue();
    ScheduleLayer day = schedule.layers().get(0);
    assertThat(day.start()).isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0));
    assertThat(day.end()).isEqualTo(LocalDateTime.of(2027, 1, 1, 0, 0));
    assertThat(day.restrictions().get(0).isWeekly()).isFalse();
    TimeRestriction weekend = schedule.layers().get(1).restrictions().get(0);
    assertThat(weekend).isEqualTo(TimeRestriction.weekly(DayOfWeek.FRIDAY, TimeOfDay.parse("18:00"),
        DayOfWeek.MONDAY, TimeOfDay.parse("09:00")));
    assertThat(parse(BASE).schedules().get(0).disallowOverlap()).isFalse();
  }

  @Test
  void keepsScalarsAsWrittenWhereAStringIsWanted() {
    RouterConfig config = parse(BASE.replace("- { id: bob }", "- { id: bob, mobile: 13800000002, im: { dingtalk: { userId: 0123 } } }")
        + """
        notificationPolicies:
          - name: p
            repeatInterval: 1h
            sendResolved: true
            matchingRules: [ { conditions: [ { key: enabled, op: in, values: [yes, on, 1.50, 0x1F, ~, "~"] } ] } ]
        """.replace(", ~,", ","));

    Contact bob = config.contacts().get(1);
    assertThat(bob.mobile()).isEqualTo("13800000002");
    assertThat(bob.identity("dingtalk")).containsEntry("userId", "0123");
    assertThat(config.notificationPolicies().get(0).matchingRules().get(0).conditions().get(0).values())
        .containsExactly("yes", "on", "1.50", "0x1F", "~");
    assertThat(config.notificationPolicies().get(0).sendResolved()).isTrue();
  }

  @Test
  void nestedRoutesLeaveUnsetFieldsNullSoTheyInherit() {
    RouterConfig config = parse(BASE + """
        notificationPolicies:
          - name: p
            repeatInterval: 1h
            groupRule: { groupWait: 5s }
            notifyRule: { robots: [sre-ding] }
            routes:
              - matchingRules: [ { conditions: [ { key: env, op: eq, value: prod } ] } ]
                continue: true
              - notifyRule: { robots: [] }
        """);

    NotificationPolicy route = config.notificationPolicies().get(0).routes().get(0);
    assertThat(route.name()).isNull();
    assertThat(route.repeatInterval()).isNull();
    assertThat(route.groupRule()).isEqualTo(GroupRule.INHERIT);
    assertThat(route.notifyRule()).isEqualTo(NotifyRule.INHERIT);
    assertThat(route.continueMatching()).isTrue();
    assertThat(config.notificationPolicies().get(0).routes().get(1).notifyRule().robots()).isEmpty();
  }

  @Test
  void jsonAndYamlGiveTheSameConfig() {
    String json = """
        {
          "robots": [ { "id": "r", "platform": "lark", "webhook": "${DINGTALK_URL}" } ],
          "notificationPolicies": [
            { "name": "p", "repeatInterval": "10m", "notifyRule": { "robots": ["r"] },
              "matchingRules": [ { "conditions": [ { "key": "code", "op": "in", "values": [500, 503] } ] } ] }
          ]
        }
        """;
    String yaml = """
        robots: [ { id: r, platform: lark, webhook: "${DINGTALK_URL}" } ]
        notificationPolicies:
          - name: p
            repeatInterval: 10m
            notifyRule: { robots: [r] }
            matchingRules: [ { conditions: [ { key: code, op: in, values: ["500", "503"] } ] } ]
        """;

    RouterConfig fromJson = RouterConfig.parse(json, "test.json", ENV);
    assertThat(fromJson).isEqualTo(parse(yaml));
    assertThat(fromJson.notificationPolicies().get(0).matchingRules().get(0).conditions().get(0).values())
        .containsExactly("500", "503");
  }

  @Test
  void jsonSyntaxErrorHasLineAndColumn() {
    assertThat(problems("{\n  \"robots\": [,]\n}", "broken.json"))
        .singleElement().asString()
        .startsWith("JSON syntax error at line 2, column 14: Unexpected character (',' (code 44))");
  }

  @Test
  void loadsFilesByExtension(@TempDir Path dir) throws IOException {
    Path yaml = Files.writeString(dir.resolve("c.yml"), BASE);
    Path json = Files.writeString(dir.resolve("c.json"), "{\"contacts\": [{\"id\": \"alice\"}]}");

    assertThat(RouterConfig.load(yaml, ENV).contacts()).hasSize(2);
    assertThat(RouterConfig.load(json, Map.of()).contacts()).containsExactly(Contact.of("alice", "alice"));
  }

  @Test
  void anEmptyDocumentIsAnEmptyConfig(@TempDir Path dir) throws IOException {
    assertThat(RouterConfig.load(Files.writeString(dir.resolve("empty.yaml"), ""), Map.of()))
        .isEqualTo(RouterConfig.empty());
    assertThat(RouterConfig.parse("# nothing yet\n", "x.yaml", Map.of())).isEqualTo(RouterConfig.empty());
  }

  @Test
  void aMissingFileIsOneClearProblem(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> RouterConfig.load(missing, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .containsExactly(new ConfigProblem("", "file does not exist")))
        .hasMessage("invalid configuration " + missing + " (1 problem):\n  file does not exist");
  }

  @Test
  void aDirectoryCannotBeRead(@TempDir Path dir) throws IOException {
    Path directory = Files.createDirectory(dir.resolve("config.yaml"));
    assertThatThrownBy(() -> RouterConfig.load(directory, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .singleElement().satisfies(p -> assertThat(p.message()).startsWith("cannot read file: ")));
  }

  @Test
  void anUnknownExtensionIsRefused(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("config.txt"), BASE);
    assertThatThrownBy(() -> RouterConfig.load(text, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .containsExactly(new ConfigProblem("", "unsupported file type: use .yaml, .yml or .json")));
  }

  @Test
  void codeBuiltConfigsAreValidatedToo() {
    NotificationPolicy policy = NotificationPolicy.builder("p")
        .repeatInterval(Duration.ofHours(1))
        .notifyRule(new NotifyRule(null, List.of("sre-dng"), List.of(MentionTarget.contact("bob"))))
        .routes(List.of(NotificationPolicy.builder(null).escalationPolicy("x").repeatInterval(Duration.ofMinutes(1)).build()))
        .build();
    RouterConfig.Builder builder = RouterConfig.builder()
        .robot(new Robot("sre-ding", "dingtalk", Secret.of("https://example.com"), null, null))
        .notificationPolicy(policy);

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::toString)
            .containsExactly(
                "notificationPolicies[0].notifyRule.robots[0]: unknown robot \"sre-dng\", did you mean \"sre-ding\"?",
                "notificationPolicies[0].notifyRule.mention[0]: unknown contact \"bob\"",
                "notificationPolicies[0].routes[0]: sets both repeatInterval and escalationPolicy; use one or the other",
                "notificationPolicies[0].routes[0].escalationPolicy: unknown escalation policy \"x\""));
  }
}
