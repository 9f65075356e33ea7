package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a builder or factory gives equals what the loader reads from the YAML a user would write
 * instead: with only the required values (so each builder's defaults are the loader's for an
 * omitted field) and with every field set (so each setter fills the field its YAML key does).
 */
class BuildersMatchYamlTest {
  private static final String HOOK = "https://oapi.dingtalk.com/robot/send?access_token=hook-4711";
  private static final Map<String, String> ENV = Map.of("OPS_URL", HOOK, "OPS_SIGN", "SEC-sign-0815");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** What the rows refer to; a row adds the element it is about, with an id of its own. */
  private static final String REFERENCED = """
      contacts: [ { id: alice }, { id: bob }, { id: carol } ]
      contactGroups: [ { id: sre, members: [alice, bob] } ]
      robots: [ { id: sre-ding, platform: dingtalk, webhook: "https://example.com/hook" } ]
      schedules: [ { id: primary, timeZone: UTC, layers: [ { members: [alice], rotation: daily, handoff: "2026-01-05T09:00" } ] } ]
      """;

  static Stream<Arguments> rows() {
    return Stream.of(
        row("robot, required fields only",
            "robots: [ { id: ops, platform: lark, webhook: \"${OPS_URL}\" } ]",
            c -> c.robots().get(0),
            () -> Robot.builder("ops", "lark", Secret.fromEnv("OPS_URL", ENV)).build()),
        row("robot, every field",
            """
            robots:
              - id: ops
                platform: dingtalk
                webhook: "${OPS_URL}"
                secret: "${OPS_SIGN}"
                keyword: alert
                options: { timeZone: Asia/Shanghai, msgType: markdown, maxAlerts: 10 }
            """,
            c -> c.robots().get(0),
            () -> Robot.builder("ops", "dingtalk", Secret.fromEnv("OPS_URL", ENV))
                .secret(Secret.fromEnv("OPS_SIGN", ENV))
                .keyword("alert")
                .option("timeZone", "Asia/Shanghai")
                .option("msgType", "markdown")
                .maxAlerts(10)
                .build()),
        row("robot, an empty signing secret is no secret",
            "robots: [ { id: ops, platform: wecom, webhook: \"${OPS_URL}\", secret: \"\", keyword: \"\" } ]",
            c -> c.robots().get(0),
            () -> Robot.builder("ops", "wecom", Secret.of(HOOK)).secret(Secret.of("")).keyword("").build()),
        row("contact, id only",
            "contacts: [ { id: dave } ]",
            c -> c.contacts().get(0),
            () -> Contact.builder("dave").build()),
        row("contact, every field and each platform's identity",
            """
            contacts:
              - id: dave
                name: Dave Wu
                mobile: "+86 138 0000 0004"
                email: dave@example.com
                im:
                  dingtalk: { userId: "0456" }
                  wecom: { userId: DaveW }
                  lark: { userId: dave.wu, openId: ou_0f1e2d3c4b5a69788796a5b4c3d2e1f0 }
                  acme: { handle: "@dave" }
            """,
            c -> c.contacts().get(0),
            () -> Contact.builder("dave")
                .name("Dave Wu")
                .mobile("+86 138 0000 0004")
                .email("dave@example.com")
                .dingTalkUserId("0456")
                .weComUserId("DaveW")
                .larkUserId("dave.wu")
                .larkOpenId("ou_0f1e2d3c4b5a69788796a5b4c3d2e1f0")
                .identity("acme", "handle", "@dave")
                .build()),
        row("contact group, no name, no members",
            "contactGroups: [ { id: ops } ]",
            c -> c.contactGroups().get(0),
            () -> ContactGroup.of("ops")),
        row("contact group with members",
            "contactGroups: [ { id: ops, members: [carol, alice] } ]",
            c -> c.contactGroups().get(0),
            () -> ContactGroup.of("ops", "carol", "alice")),
        row("notification policy, robots only",
            "notificationPolicies: [ { name: p, repeatInterval: 1h, notifyRule: { robots: [sre-ding] } } ]",
            c -> c.notificationPolicies().get(0),
            () -> NotificationPolicy.builder("p")
                .repeatInterval(Duration.ofHours(1))
                .notifyRule(NotifyRule.builder().robots("sre-ding").build())
                .build()),
        row("notify rule, every field",
            """
            notificationPolicies:
              - name: p
                repeatInterval: 1h
                notifyRule:
                  window: { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00", timeZone: Asia/Shanghai, outsideWindow: drop }
                  robots: [sre-ding]
                  mention: [ "contact:alice", "group:sre", "schedule:primary", "label:owner", "annotation:oncall", all ]
                  templates:
                    dingtalk: "{{summary}}"
                    lark: { syntax: go, text: "{{ .Status }}" }
                    wecom: { syntax: mustache, text: "{{status}}" }
                  requireBinding: true
            """,
            c -> c.notificationPolicies().get(0).notifyRule(),
            () -> NotifyRule.builder()
                .window(NotifyWindow.builder(SHANGHAI)
                    .days(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
                    .from(TimeOfDay.parse("09:00"))
                    .to(TimeOfDay.parse("18:00"))
                    .outsideWindow(OutsideWindow.DROP)
                    .build())
                .robots("sre-ding")
                .mention("contact:alice", "group:sre", "schedule:primary", "label:owner", "annotation:oncall", "all")
                .template("dingtalk", "{{summary}}")
                .goTemplate("lark", "{{ .Status }}")
                .template("wecom", "{{status}}")
                .requireBinding(true)
                .build()),
        row("notify window, time zone only",
            "notificationPolicies: [ { name: p, repeatInterval: 1h, notifyRule: { robots: [sre-ding], window: { timeZone: Asia/Shanghai } } } ]",
            c -> c.notificationPolicies().get(0).notifyRule().window(),
            () -> NotifyWindow.builder(SHANGHAI).build()),
        row("group rule, empty",
            "notificationPolicies: [ { name: p, repeatInterval: 1h, groupRule: {} } ]",
            c -> c.notificationPolicies().get(0).groupRule(),
            () -> GroupRule.builder().build()),
        row("group rule, every field",
            "notificationPolicies: [ { name: p, repeatInterval: 1h, groupRule: { groupWait: 5s, groupInterval: 30s, groupingFields: [alertname, cluster] } } ]",
            c -> c.notificationPolicies().get(0).groupRule(),
            () -> GroupRule.builder()
                .groupWait(Duration.ofSeconds(5))
                .groupInterval(Duration.ofSeconds(30))
                .groupingFields("alertname", "cluster")
                .build()),
        row("schedule, required fields only",
            "schedules: [ { id: day, timeZone: Asia/Shanghai, layers: [ { members: [alice, bob], rotation: weekly, handoff: \"2026-01-05T09:00\" } ] } ]",
            c -> c.schedules().get(0),
            () -> Schedule.builder("day", SHANGHAI)
                .layer(ScheduleLayer.weekly(LocalDateTime.parse("2026-01-05T09:00"), "alice", "bob").build())
                .build()),
        row("schedule, every field, restrictions and overrides",
            """
            schedules:
              - id: day
                name: Payments primary
                timeZone: Asia/Shanghai
                handoffRobot: sre-ding
                disallowOverlap: true
                layers:
                  - name: weekdays
                    members: [alice, bob]
                    rotation: daily
                    handoff: "2026-01-05T09:00"
                    start: "2026-01-01T00:00"
                    end: "2027-01-01T00:00"
                    restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ]
                  - name: weekend
                    members: [carol]
                    rotation: custom
                    shiftLength: 12h
                    handoff: "2026-01-09T18:00"
                    restrictions: [ { fromDay: FRI, from: "18:00", toDay: MON, to: "09:00" } ]
                overrides: [ { contact: carol, from: "2026-02-01T09:00", to: "2026-02-02T09:00" } ]
            """,
            c -> c.schedules().get(0),
            () -> Schedule.builder("day", SHANGHAI)
                .name("Payments primary")
                .handoffRobot("sre-ding")
                .disallowOverlap(true)
                .layer(ScheduleLayer.daily(LocalDateTime.parse("2026-01-05T09:00"), "alice", "bob")
                    .name("weekdays")
                    .start(LocalDateTime.parse("2026-01-01T00:00"))
                    .end(LocalDateTime.parse("2027-01-01T00:00"))
                    .restriction(TimeRestriction.daily(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        TimeOfDay.parse("09:00"), TimeOfDay.parse("18:00")))
                    .build())
                .layer(ScheduleLayer.custom(Duration.ofHours(12), LocalDateTime.parse("2026-01-09T18:00"), "carol")
                    .name("weekend")
                    .restriction(TimeRestriction.weekly(DayOfWeek.FRIDAY, TimeOfDay.parse("18:00"),
                        DayOfWeek.MONDAY, TimeOfDay.parse("09:00")))
                    .build())
                .override(new ScheduleOverride("carol", LocalDateTime.parse("2026-02-01T09:00"),
                    LocalDateTime.parse("2026-02-02T09:00")))
                .build()),
        row("escalation policy, required fields only",
            "escalationPolicies: [ { id: pay, steps: [ { after: 10m, when: unacked, notify: [\"schedule:primary\"] } ] } ]",
            c -> c.escalationPolicies().get(0),
            () -> EscalationPolicy.builder("pay")
                .step(EscalationStep.builder(Duration.ofMinutes(10), EscalationTrigger.UNACKED, "schedule:primary").build())
                .build()),
        row("escalation policy, every field",
            """
            escalationPolicies:
              - id: pay
                loops: 2
                steps:
                  - { after: 10m, when: UNACKED, notify: ["schedule:primary"], repeat: { count: 2, every: 5m } }
                  - { after: 30m, when: UNRESOLVED, notify: ["group:sre", "contact:carol"], robots: [sre-ding] }
            """,
            c -> c.escalationPolicies().get(0),
            () -> EscalationPolicy.builder("pay")
                .loops(2)
                .step(EscalationStep.builder(Duration.ofMinutes(10), EscalationTrigger.UNACKED, "schedule:primary")
                    .repeat(2, Duration.ofMinutes(5))
                    .build())
                .step(EscalationStep.builder(Duration.ofMinutes(30), EscalationTrigger.UNRESOLVED, "group:sre", "contact:carol")
                    .robots("sre-ding")
                    .build())
                .build()),
        row("silence, required fields only",
            "silences: [ { id: s, matchers: [ { key: env, op: eq, value: staging } ], startsAt: \"2026-03-08T00:00:00Z\", endsAt: \"2026-03-08T10:00:00+08:00\" } ]",
            c -> c.silences().get(0),
            () -> Silence.builder("s", Instant.parse("2026-03-08T00:00:00Z"), Instant.parse("2026-03-08T02:00:00Z"),
                Condition.eq("env", "staging")).build()),
        row("silence, every field",
            "silences: [ { id: s, matchers: [ { key: env, op: eq, value: staging }, { key: team, op: in, values: [a, b] } ], startsAt: \"2026-03-08T00:00:00Z\", endsAt: \"2026-03-08T04:00:00Z\", createdBy: bob, comment: load test } ]",
            c -> c.silences().get(0),
            () -> Silence.builder("s", Instant.parse("2026-03-08T00:00:00Z"), Instant.parse("2026-03-08T04:00:00Z"),
                    Condition.eq("env", "staging"), Condition.in("team", "a", "b"))
                .createdBy("bob")
                .comment("load test")
                .build()),
        row("inhibit rule, required fields only",
            "inhibitRules: [ { source: [ { key: severity, op: eq, value: critical } ], target: [ { key: severity, op: eq, value: warning } ] } ]",
            c -> c.inhibitRules().get(0),
            () -> InhibitRule.builder()
                .source(Condition.eq("severity", "critical"))
                .target(Condition.eq("severity", "warning"))
                .build()),
        row("inhibit rule, every field",
            "inhibitRules: [ { source: [ { key: severity, op: eq, value: critical } ], target: [ { key: severity, op: re, value: \"warn.*\" } ], equal: [alertname, cluster] } ]",
            c -> c.inhibitRules().get(0),
            () -> InhibitRule.builder()
                .source(Condition.eq("severity", "critical"))
                .target(Condition.re("severity", "warn.*"))
                .equal("alertname", "cluster")
                .build()),
        row("time interval, an empty period",
            "timeIntervals: [ { name: always, periods: [ {} ] } ]",
            c -> c.timeIntervals().get(0),
            () -> TimeInterval.of("always", TimePeriod.builder().build())),
        row("time interval, every field of a period",
            "timeIntervals: [ { name: office, periods: [ { times: [\"09:00-17:00\"], weekdays: [\"monday:friday\"], daysOfMonth: [\"1:7\", \"-1\"], months: [\"january:march\"], years: [\"2026:2027\"], location: Asia/Shanghai } ] } ]",
            c -> c.timeIntervals().get(0),
            () -> TimeInterval.of("office", TimePeriod.builder()
                .times("09:00-17:00")
                .weekdays("monday:friday")
                .daysOfMonth("1:7", "-1")
                .months("january:march")
                .years("2026:2027")
                .location("Asia/Shanghai")
                .build())));
  }

  private static Arguments row(String name, String yaml, Function<RouterConfig, Object> element, Supplier<Object> built) {
    return Arguments.of(name, yaml, element, built);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void builtEqualsLoaded(String name, String yaml, Function<RouterConfig, Object> element, Supplier<Object> built) {
    RouterConfig loaded = RouterConfig.parse(withReferenced(yaml), "test.json", ENV);

    assertThat(built.get()).isEqualTo(element.apply(loaded));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void toBuilderGivesAnEqualCopy(String name, String yaml, Function<RouterConfig, Object> element, Supplier<Object> built) {
    Object record = built.get();

    assertThat(toBuilderCopy(record)).isEqualTo(record);
  }

  /** The row's document with {@link #REFERENCED} appended to its sections: the row's element comes first. */
  private static String withReferenced(String yaml) {
    try {
      ObjectNode doc = (ObjectNode) YAML.readTree(yaml);
      YAML.readTree(REFERENCED).fields().forEachRemaining(section -> {
        if (doc.has(section.getKey())) {
          ((ArrayNode) doc.get(section.getKey())).addAll((ArrayNode) section.getValue());
        } else {
          doc.set(section.getKey(), section.getValue());
        }
      });
      return new ObjectMapper().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object toBuilderCopy(Object record) {
    if (record instanceof Robot r) {
      return r.toBuilder().build();
    } else if (record instanceof Contact c) {
      return c.toBuilder().build();
    } else if (record instanceof ContactGroup g) {
      return ContactGroup.of(g.id(), g.members().toArray(String[]::new));
    } else if (record instanceof NotificationPolicy p) {
      return p.toBuilder().notifyRule(p.notifyRule().toBuilder().build()).groupRule(p.groupRule().toBuilder().build())
          .build();
    } else if (record instanceof NotifyRule n) {
      return n.toBuilder().window(n.window() == null ? null : n.window().toBuilder().build()).build();
    } else if (record instanceof NotifyWindow w) {
      return w.toBuilder().build();
    } else if (record instanceof GroupRule g) {
      return g.toBuilder().build();
    } else if (record instanceof Schedule s) {
      return s.toBuilder().layers(s.layers().stream().map(l -> l.toBuilder().build()).toList()).build();
    } else if (record instanceof EscalationPolicy p) {
      return p.toBuilder().steps(p.steps().stream().map(s -> s.toBuilder().build()).toList()).build();
    } else if (record instanceof Silence s) {
      return s.toBuilder().build();
    } else if (record instanceof InhibitRule i) {
      return i.toBuilder().build();
    } else if (record instanceof TimeInterval t) {
      return TimeInterval.of(t.name(), t.periods().stream().map(p -> p.toBuilder().build()).toArray(TimePeriod[]::new));
    }
    throw new AssertionError("no copy for " + record.getClass());
  }

}
