package io.github.alertrouter.config;

import static io.github.alertrouter.config.ConfigFixtures.BASE;
import static io.github.alertrouter.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per kind of problem: the document (appended to {@link ConfigFixtures#BASE} unless it
 * stands alone) and exactly the problems it must report, path and message.
 */
class ConfigProblemTableTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"bindingRows", "referenceRows", "ruleRows", "timeIntervalRows", "scheduleRows", "standaloneRows"})
  void reportsExactlyTheseProblems(String name, String document, List<String> expected) {
    assertThat(problems(document)).containsExactlyElementsOf(expected);
  }

  /** A document with BASE and one top-level policy whose body is {@code policyBody}. */
  private static String policy(String policyBody) {
    return BASE + "notificationPolicies:\n  - name: p\n" + policyBody.indent(4);
  }

  private static Arguments row(String name, String document, String... expected) {
    return arguments(name, document, List.of(expected));
  }

  static Stream<Arguments> bindingRows() {
    String p = "notificationPolicies[0]";
    return Stream.of(
        row("unknown field with a suggestion",
            policy("repeatInterval: 1h\ngroupRule: { groupwait: 5s }"),
            p + ".groupRule.groupwait: unknown field, did you mean \"groupWait\"?"),
        row("unknown field without a close match lists the fields",
            policy("repeatInterval: 1h\nzzz: 1"),
            p + ".zzz: unknown field, expected one of name, matchingRules, groupRule, notifyRule, repeatInterval,"
                + " escalationPolicy, sendResolved, continue, muteTimeIntervals, activeTimeIntervals, routes"),
        row("unknown top-level section",
            BASE + "notificationPolicy: []",
            "notificationPolicy: unknown field, did you mean \"notificationPolicies\"?"),
        row("invalid duration",
            policy("repeatInterval: 5x"),
            p + ".repeatInterval: must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"5x\""),
        row("negative duration",
            policy("repeatInterval: 1h\ngroupRule: { groupWait: -5s }"),
            p + ".groupRule.groupWait: must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"-5s\""),
        row("list where a map is expected",
            policy("repeatInterval: 1h\ngroupRule: [groupWait]"),
            p + ".groupRule: must be a map, but was a list"),
        row("map where a list is expected",
            policy("repeatInterval: 1h\nnotifyRule: { robots: { id: sre-ding } }"),
            p + ".notifyRule.robots: must be a list, but was a map"),
        row("map where a string is expected",
            policy("repeatInterval: 1h\nescalationPolicy: { id: payments }"),
            p + ".escalationPolicy: must be a string, but was a map"),
        row("string where a map is expected",
            policy("repeatInterval: 1h\nnotifyRule: sre-ding"),
            p + ".notifyRule: must be a map, but was \"sre-ding\""),
        row("not a boolean",
            policy("repeatInterval: 1h\nsendResolved: sometimes"),
            p + ".sendResolved: must be true or false, but was \"sometimes\""),
        row("empty list element",
            policy("repeatInterval: 1h\nnotifyRule: { robots: [sre-ding, null] }"),
            p + ".notifyRule.robots[1]: must not be empty"),
        row("template map without its syntax",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { text: x } } }"),
            p + ".notifyRule.templates.dingtalk.syntax: is required"),
        row("template in an unknown syntax",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { syntax: jinja, text: x } } }"),
            p + ".notifyRule.templates.dingtalk.syntax: must be go or mustache, but was \"jinja\""),
        row("template map with an unknown field",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { syntax: go, txt: x } } }"),
            p + ".notifyRule.templates.dingtalk.txt: unknown field, did you mean \"text\"?",
            p + ".notifyRule.templates.dingtalk.text: is required"),
        row("template text that is not text",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { syntax: go, text: [x] } } }"),
            p + ".notifyRule.templates.dingtalk.text: must be a string, but was a list"),
        row("a title or defaults on a mustache template",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { syntax: mustache, text: x, title: t,"
                + " defaults: webhook-dingtalk } } }"),
            p + ".notifyRule.templates.dingtalk.title: only a Go template (syntax: go) has title",
            p + ".notifyRule.templates.dingtalk.defaults: only a Go template (syntax: go) has defaults"),
        row("unknown template defaults",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { syntax: go, text: x, defaults: grafana } } }"),
            p + ".notifyRule.templates.dingtalk.defaults: must be alertmanager or webhook-dingtalk, but was \"grafana\""),
        row("template files that match nothing",
            policy("repeatInterval: 1h\nnotifyRule: { templates: { dingtalk: { syntax: go, text: x,"
                + " files: [no-such-dir/*.tmpl] } } }"),
            p + ".notifyRule.templates.dingtalk.files[0]: \"no-such-dir/*.tmpl\" matches no file (relative names are"
                + " read from the working directory)"),
        row("a robot template map with an unknown field",
            "robots:\n  - { id: r, platform: dingtalk, webhook: \"https://x/y\", template: { syntax: go, txt: x } }\n",
            "robots[0].template.txt: unknown field, did you mean \"text\"?",
            "robots[0].template.text: is required"),
        row("templates that are a list",
            policy("repeatInterval: 1h\nnotifyRule: { templates: [x] }"),
            p + ".notifyRule.templates: must be a map, but was a list"),
        row("robot option that is not text",
            "robots:\n  - { id: r, platform: dingtalk, webhook: \"https://x/y\", options: { msgType: [a] } }\n",
            "robots[0].options.msgType: must be a string, but was a list"),
        row("maxAlerts 0, Alertmanager's no limit: leave it out instead",
            "robots:\n  - { id: r, platform: dingtalk, webhook: \"https://x/y\" }\n"
                + "  - { id: s, platform: lark, webhook: \"https://x/z\" }\n"
                + "  - { id: t, platform: wecom, webhook: \"https://x/w\", options: { maxAlerts: 0 } }\n",
            "robots[2].options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"0\""),
        row("negative maxAlerts",
            "robots:\n  - { id: r, platform: dingtalk, webhook: \"https://x/y\", options: { maxAlerts: -3 } }\n",
            "robots[0].options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"-3\""),
        row("maxAlerts that is no whole number",
            "robots:\n  - { id: r, platform: dingtalk, webhook: \"https://x/y\", options: { maxAlerts: 2.5 } }\n"
                + "  - { id: s, platform: dingtalk, webhook: \"https://x/z\", options: { maxAlerts: ten } }\n",
            "robots[0].options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"2.5\"",
            "robots[1].options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"ten\""),
        row("missing required field",
            policy("repeatInterval: 1h\nnotifyRule: { window: { from: \"09:00\" } }"),
            p + ".notifyRule.window.timeZone: is required"),
        row("invalid operator",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: like, value: x } ] } ]"),
            p + ".matchingRules[0].conditions[0].op: must be one of eq, neq, in, nin, re, nre, but was \"like\""),
        row("eq given values",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: eq, values: [a] } ] } ]"),
            p + ".matchingRules[0].conditions[0].values: operator eq takes a single \"value\", not \"values\""),
        row("condition without its value",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: in } ] } ]"),
            p + ".matchingRules[0].conditions[0].values: is required for operator in"),
        row("both value and values",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: a, op: in, value: x, values: [y] } ] } ]"),
            p + ".matchingRules[0].conditions[0]: set either \"value\" or \"values\", not both"),
        row("record constructor: invalid regex",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: re, value: \"(\" } ] } ]"),
            p + ".matchingRules[0].conditions[0]: error parsing regexp: missing closing ): `^(?:()$`"),
        row("record constructor: empty in list",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: nin, values: [] } ] } ]"),
            p + ".matchingRules[0].conditions[0]: operator nin needs at least one value"),
        row("record constructor: zero groupInterval",
            policy("repeatInterval: 1h\ngroupRule: { groupInterval: 0s }"),
            p + ".groupRule: groupInterval must be > 0, but was 0s"),
        row("record constructor: \"...\" with other fields",
            policy("repeatInterval: 1h\ngroupRule: { groupingFields: [\"...\", cluster] }"),
            p + ".groupRule: groupingFields: \"...\" groups by all labels and cannot be combined with other"
                + " fields, but was [..., cluster]"),
        row("invalid time of day",
            policy("repeatInterval: 1h\nnotifyRule: { window: { from: \"25:00\", timeZone: UTC } }"),
            p + ".notifyRule.window.from: must be a time of day HH:mm from 00:00 to 24:00, but was \"25:00\""),
        row("invalid day",
            policy("repeatInterval: 1h\nnotifyRule: { window: { days: [MON, FUNDAY], timeZone: UTC } }"),
            p + ".notifyRule.window.days[1]: must be a day MON..SUN or MONDAY..SUNDAY, but was \"FUNDAY\""),
        row("invalid time zone",
            policy("repeatInterval: 1h\nnotifyRule: { window: { timeZone: Mars/Olympus } }"),
            p + ".notifyRule.window.timeZone: must be an IANA time zone such as Asia/Shanghai or UTC,"
                + " but was \"Mars/Olympus\""),
        row("fixed offset is not a time zone",
            policy("repeatInterval: 1h\nnotifyRule: { window: { timeZone: \"+08:00\" } }"),
            p + ".notifyRule.window.timeZone: must be an IANA time zone such as Asia/Shanghai or UTC,"
                + " but was \"+08:00\""),
        row("invalid mention target",
            policy("repeatInterval: 1h\nnotifyRule: { mention: [\"contact:alice\", \"person:bob\"] }"),
            p + ".notifyRule.mention[1]: must be contact:ID, group:ID, schedule:ID, label:NAME, annotation:NAME"
                + " or all, but was \"person:bob\""),
        row("missing environment variable",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: eq, value: \"${NOPE}\" } ] } ]"),
            p + ".matchingRules[0].conditions[0].value: environment variable \"NOPE\" is not set"),
        row("unterminated environment reference",
            policy("repeatInterval: 1h\nmatchingRules: [ { conditions: [ { key: team, op: eq, value: \"${TEAM\" } ] } ]"),
            p + ".matchingRules[0].conditions[0].value: unterminated environment reference \"${\""
                + " (write \"$${\" for a literal \"${\")"),
        row("invalid silence timestamp",
            BASE + "silences: [ { id: s, matchers: [ { key: a, op: eq, value: b } ], startsAt: yesterday,"
                + " endsAt: \"2026-01-01T00:00:00Z\" } ]",
            "silences[0].startsAt: must be an RFC 3339 timestamp such as 2026-01-05T09:00:00Z, but was \"yesterday\""),
        row("record constructor: silence ends before it starts",
            BASE + "silences: [ { id: s, matchers: [ { key: a, op: eq, value: b } ],"
                + " startsAt: \"2026-01-02T00:00:00Z\", endsAt: \"2026-01-01T00:00:00+08:00\" } ]",
            "silences[0]: silence s: endsAt must be after startsAt"),
        row("record constructor: negative escalation loops",
            BASE.replace("  - id: payments\n", "  - id: payments\n    loops: -1\n"),
            "escalationPolicies[0]: escalation policy payments: loops must be >= 0, but was -1"),
        row("record constructor: escalation loops without a pause between rounds",
            BASE.replace("  - id: payments\n", "  - id: payments\n    loops: 1\n").replace("after: 10m", "after: 0s"),
            "escalationPolicies[0]: escalation policy payments: loops needs the first step's after to be > 0"
                + " (it is the pause between rounds), but was 0s"),
        row("escalation loops that are not a number",
            BASE.replace("  - id: payments\n", "  - id: payments\n    loops: twice\n"),
            "escalationPolicies[0].loops: must be a whole number, but was \"twice\""));
  }

  static Stream<Arguments> referenceRows() {
    String p = "notificationPolicies[0]";
    return Stream.of(
        row("unknown robot with a suggestion",
            policy("repeatInterval: 1h\nnotifyRule: { robots: [sre-ding, sre-dng] }"),
            p + ".notifyRule.robots[1]: unknown robot \"sre-dng\", did you mean \"sre-ding\"?"),
        row("unknown robot without a suggestion",
            policy("repeatInterval: 1h\nnotifyRule: { robots: [ops-lark] }"),
            p + ".notifyRule.robots[0]: unknown robot \"ops-lark\""),
        row("unknown mentioned contact, group and schedule",
            policy("repeatInterval: 1h\nnotifyRule: { mention: [\"contact:alcie\", \"group:ops\", \"schedule:primray\","
                + " \"label:owner\", all] }"),
            p + ".notifyRule.mention[0]: unknown contact \"alcie\", did you mean \"alice\"?",
            p + ".notifyRule.mention[1]: unknown contact group \"ops\"",
            p + ".notifyRule.mention[2]: unknown schedule \"primray\", did you mean \"primary\"?"),
        row("unknown escalation policy",
            policy("escalationPolicy: payment"),
            p + ".escalationPolicy: unknown escalation policy \"payment\", did you mean \"payments\"?"),
        row("unknown time intervals",
            policy("repeatInterval: 1h\nmuteTimeIntervals: [weekends]\nactiveTimeIntervals: [office]"),
            p + ".muteTimeIntervals[0]: unknown time interval \"weekends\", did you mean \"weekend\"?",
            p + ".activeTimeIntervals[0]: unknown time interval \"office\""),
        row("unknown robot in a nested route",
            policy("repeatInterval: 1h\nroutes:\n  - {}\n  - notifyRule: { robots: [sre-dingg] }"),
            p + ".routes[1].notifyRule.robots[0]: unknown robot \"sre-dingg\", did you mean \"sre-ding\"?"),
        row("unknown group member",
            BASE.replace("members: [alice, bob] }", "members: [alice, bobb] }"),
            "contactGroups[0].members[1]: unknown contact \"bobb\", did you mean \"bob\"?"),
        row("unknown schedule member, override contact and handoff robot",
            BASE.replace("layers: [ { members: [alice, bob]", "handoffRobot: sre\n    overrides: [ { contact: carol,"
                + " from: \"2026-01-01T00:00\", to: \"2026-01-02T00:00\" } ]\n    layers: [ { members: [alice, eve]"),
            "schedules[0].handoffRobot: unknown robot \"sre\"",
            "schedules[0].overrides[0].contact: unknown contact \"carol\"",
            "schedules[0].layers[0].members[1]: unknown contact \"eve\""),
        row("unknown escalation targets and robots",
            BASE.replace("notify: [\"schedule:primary\"] }", "notify: [\"group:sre\", \"contact:al\"], robots: [ding] }"),
            "escalationPolicies[0].steps[0].notify[1]: unknown contact \"al\"",
            "escalationPolicies[0].steps[0].robots[0]: unknown robot \"ding\""),
        row("a reference to an element that failed to bind is not unknown",
            BASE.replace("- { id: bob }", "- { id: bob, nmae: Bob }").replace("- { id: alice }", "- { id: alice, im: [] }"),
            "contacts[0].im: must be a map, but was a list",
            "contacts[1].nmae: unknown field, did you mean \"name\"?"));
  }

  static Stream<Arguments> ruleRows() {
    return Stream.of(
        row("repeatInterval and escalationPolicy both set",
            policy("repeatInterval: 1h\nescalationPolicy: payments"),
            "notificationPolicies[0]: sets both repeatInterval and escalationPolicy; use one or the other"),
        row("both set on a nested route",
            policy("repeatInterval: 1h\nroutes: [ { repeatInterval: 5m, escalationPolicy: payments } ]"),
            "notificationPolicies[0].routes[0]: sets both repeatInterval and escalationPolicy; use one or the other"),
        row("neither set at the top level",
            policy("sendResolved: true"),
            "notificationPolicies[0]: needs repeatInterval or escalationPolicy"),
        row("top-level policy without a name",
            BASE + "notificationPolicies: [ { repeatInterval: 1h } ]",
            "notificationPolicies[0].name: a top-level policy needs a name"),
        row("duplicate policy names",
            BASE + "notificationPolicies: [ { name: p, repeatInterval: 1h }, { name: p, repeatInterval: 2h } ]",
            "notificationPolicies[1].name: duplicate policy name \"p\", also used by notificationPolicies[0]"),
        row("duplicate ids in every section",
            """
            contacts: [ { id: a }, { id: a } ]
            contactGroups: [ { id: g }, { id: g } ]
            robots:
              - { id: r, platform: wecom, webhook: "https://example.com/1" }
              - { id: r, platform: wecom, webhook: "https://example.com/2" }
            schedules:
              - { id: s, timeZone: UTC, layers: [ { members: [a], rotation: daily, handoff: "2026-01-01T00:00" } ] }
              - { id: s, timeZone: UTC, layers: [ { members: [a], rotation: daily, handoff: "2026-01-01T00:00" } ] }
            escalationPolicies:
              - { id: e, steps: [ { after: 0s, when: unresolved, notify: [all] } ] }
              - { id: e, steps: [ { after: 0s, when: unresolved, notify: [all] } ] }
            silences:
              - { id: x, matchers: [ { key: a, op: eq, value: b } ], startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-01-02T00:00:00Z" }
              - { id: x, matchers: [ { key: a, op: eq, value: b } ], startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-01-02T00:00:00Z" }
            timeIntervals: [ { name: t }, { name: t } ]
            """,
            "contacts[1].id: duplicate contact id \"a\", also used by contacts[0]",
            "contactGroups[1].id: duplicate contact group id \"g\", also used by contactGroups[0]",
            "robots[1].id: duplicate robot id \"r\", also used by robots[0]",
            "schedules[1].id: duplicate schedule id \"s\", also used by schedules[0]",
            "escalationPolicies[1].id: duplicate escalation policy id \"e\", also used by escalationPolicies[0]",
            "silences[1].id: duplicate silence id \"x\", also used by silences[0]",
            "timeIntervals[1].name: duplicate time interval name \"t\", also used by timeIntervals[0]"),
        row("record constructor: escalation steps out of order",
            BASE.replace("steps: [ { after: 10m", "steps: [ { after: 20m, when: unacked, notify: [all] }, { after: 10m"),
            "escalationPolicies[0]: escalation policy payments: steps must be ordered by after,"
                + " but step 1 comes before step 0"),
        row("record constructor: CUSTOM rotation without shiftLength",
            BASE.replace("rotation: weekly", "rotation: custom"),
            "schedules[0].layers[0]: unnamed layer: shiftLength is required with rotation CUSTOM and only then"),
        row("invalid rotation",
            BASE.replace("rotation: weekly", "rotation: hourly"),
            "schedules[0].layers[0].rotation: must be one of DAILY, WEEKLY, CUSTOM, but was \"hourly\""),
        row("invalid handoff",
            BASE.replace("handoff: \"2026-01-05T09:00\"", "handoff: \"2026-01-05 09:00\""),
            "schedules[0].layers[0].handoff: must be a local date-time such as 2026-01-05T09:00,"
                + " but was \"2026-01-05 09:00\""),
        row("repeat count not a number",
            BASE.replace("notify: [\"schedule:primary\"] }", "notify: [all], repeat: { count: two, every: 5m } }"),
            "escalationPolicies[0].steps[0].repeat.count: must be a whole number, but was \"two\""),
        row("missing step delay",
            BASE.replace("{ after: 10m, when", "{ when"),
            "escalationPolicies[0].steps[0].after: is required"),
        row("wrong type inside an identity",
            BASE.replace("- { id: bob }", "- { id: bob, im: { dingtalk: { userId: [1] } } }"),
            "contacts[1].im.dingtalk.userId: must be a string, but was a list"));
  }

  static Stream<Arguments> timeIntervalRows() {
    String at = "timeIntervals[1].periods[0].";
    return Stream.of(
        row("times",
            BASE + "  - name: t\n    periods: [ { times: [\"09:00-17:00\", \"17:00-09:00\", \"9-17\", \"00:00-24:00\"] } ]",
            at + "times[1]: start time must be before end time, but was \"17:00-09:00\"",
            at + "times[2]: must be a time range HH:MM-HH:MM such as 09:00-17:00, but was \"9-17\""),
        row("weekdays",
            BASE + "  - name: t\n    periods: [ { weekdays: [\"monday:friday\", \"saturday:sunday\", funday] } ]",
            at + "weekdays[1]: start day must not be after end day, but was \"saturday:sunday\"",
            at + "weekdays[2]: must be a weekday such as monday, or a range such as monday:friday, but was \"funday\""),
        row("days of month",
            BASE + "  - name: t\n    periods: [ { daysOfMonth: [\"1:7\", \"-3:-1\", \"0\", \"-1:5\", \"20:10\", \"32\", \"1:-1\"] } ]",
            at + "daysOfMonth[2]: must be a day of month 1..31 or -31..-1, or a range such as 1:7, but was \"0\"",
            at + "daysOfMonth[3]: end day must be negative when the start day is, but was \"-1:5\"",
            at + "daysOfMonth[4]: end day is before start day in \"20:10\"",
            at + "daysOfMonth[5]: must be a day of month 1..31 or -31..-1, or a range such as 1:7, but was \"32\""),
        row("months and years",
            BASE + "  - name: t\n    periods: [ { months: [\"january:march\", \"12\", \"13\"], years: [\"2026:2027\", \"2027:2026\"] } ]",
            at + "months[2]: must be a month name such as january or a number 1..12, or a range such as"
                + " january:march, but was \"13\"",
            at + "years[1]: start year must not be after end year, but was \"2027:2026\""),
        row("location",
            BASE + "  - name: t\n    periods: [ { location: Asia/Shangai } ]",
            at + "location: must be an IANA time zone such as Asia/Shanghai or UTC, but was \"Asia/Shangai\""));
  }

  /** A document with BASE's contacts and one schedule in UTC whose body is {@code body}. */
  private static String schedule(String body) {
    return BASE.replace("    timeZone: Asia/Shanghai\n"
        + "    layers: [ { members: [alice, bob], rotation: weekly, handoff: \"2026-01-05T09:00\" } ]\n",
        "    timeZone: UTC\n" + body.indent(4));
  }

  static Stream<Arguments> scheduleRows() {
    String day = "{ name: day, members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
        + " restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: \"09:00\", to: \"18:00\" } ] }";
    return Stream.of(
        row("disallowOverlap: a layer without restrictions overlaps",
            schedule("disallowOverlap: true\nlayers:\n  - " + day
                + "\n  - { members: [bob], rotation: weekly, handoff: \"2026-01-05T00:00\" }"),
            "schedules[0].layers[1]: overlaps layer \"day\" (e.g. on 2026-01-05 09:00–18:00)"),
        row("disallowOverlap: a weekly restriction into a daily one, unnamed, several pairs",
            schedule("disallowOverlap: true\nlayers:\n  - " + day
                + "\n  - { members: [bob], rotation: weekly, handoff: \"2026-01-05T00:00\","
                + " restrictions: [ { fromDay: FRI, from: \"17:00\", toDay: MON, to: \"09:30\" } ] }"
                + "\n  - { members: [alice], rotation: daily, handoff: \"2026-01-05T00:00\","
                + " restrictions: [ { fromDay: SAT, from: \"00:00\", toDay: SUN, to: \"00:00\" } ] }"),
            "schedules[0].layers[1]: overlaps layer \"day\" (e.g. on 2026-01-05 09:00–09:30)",
            "schedules[0].layers[2]: overlaps layers[1] (e.g. on 2026-01-10 00:00–24:00)"),
        row("disallowOverlap: start and end count; an overlap over several days",
            schedule("disallowOverlap: true\nlayers:\n"
                + "  - { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\", end: \"2026-03-02T12:00\" }\n"
                + "  - { members: [bob], rotation: daily, handoff: \"2026-01-05T09:00\", start: \"2026-03-01T00:00\" }"),
            "schedules[0].layers[1]: overlaps layers[0] (e.g. from 2026-03-01 00:00 to 2026-03-02 12:00)"),
        row("disallowOverlap that is not a boolean",
            schedule("disallowOverlap: sometimes\nlayers: [ " + day + " ]"),
            "schedules[0].disallowOverlap: must be true or false, but was \"sometimes\""),
        row("record constructor: layer end before start",
            schedule("layers: [ { name: x, members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
                + " start: \"2026-02-01T00:00\", end: \"2026-01-01T00:00\" } ]"),
            "schedules[0].layers[0]: layer x: end must be after start, but was 2026-02-01T00:00 – 2026-01-01T00:00"),
        row("invalid layer start",
            schedule("layers: [ { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\", start: tomorrow } ]"),
            "schedules[0].layers[0].start: must be a local date-time such as 2026-01-05T09:00, but was \"tomorrow\""),
        row("record constructor: restriction with days and fromDay",
            schedule("layers: [ { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
                + " restrictions: [ { days: [MON], fromDay: FRI, from: \"18:00\", toDay: MON, to: \"09:00\" } ] } ]"),
            "schedules[0].layers[0].restrictions[0]: restriction: set either days, or fromDay and toDay, not both"),
        row("record constructor: fromDay without toDay",
            schedule("layers: [ { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
                + " restrictions: [ { fromDay: FRI, from: \"18:00\", to: \"09:00\" } ] } ]"),
            "schedules[0].layers[0].restrictions[0]: restriction: fromDay and toDay go together, but only fromDay was set"),
        row("record constructor: restriction without days",
            schedule("layers: [ { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
                + " restrictions: [ { from: \"18:00\", to: \"09:00\" } ] } ]"),
            "schedules[0].layers[0].restrictions[0]: restriction needs days, or fromDay and toDay"),
        row("invalid restriction day",
            schedule("layers: [ { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
                + " restrictions: [ { fromDay: FRY, from: \"18:00\", toDay: MON, to: \"09:00\" } ] } ]"),
            "schedules[0].layers[0].restrictions[0].fromDay: must be a day MON..SUN or MONDAY..SUNDAY, but was \"FRY\""),
        row("unknown restriction field, and so a half of the weekly form",
            schedule("layers: [ { members: [alice], rotation: daily, handoff: \"2026-01-05T09:00\","
                + " restrictions: [ { fromday: FRI, from: \"18:00\", toDay: MON, to: \"09:00\" } ] } ]"),
            "schedules[0].layers[0].restrictions[0]: restriction: fromDay and toDay go together, but only toDay was set",
            "schedules[0].layers[0].restrictions[0].fromday: unknown field, did you mean \"fromDay\"?"));
  }

  static Stream<Arguments> standaloneRows() {
    return Stream.of(
        row("YAML syntax error has line and column",
            "contacts:\n  - id: alice\n   name: [unclosed\n",
            "YAML syntax error at line 3, column 4: expected <block end>, but found '<block mapping start>'"
                + " (while parsing a block collection at line 2, column 3)"),
        row("duplicate key",
            "contacts: []\ncontacts: []\n",
            "YAML syntax error at line 2, column 9: Duplicate field 'contacts'"),
        row("the document is not a map",
            "- contacts\n",
            "must be a map, but was a list"),
        row("webhook that is not a URL",
            "robots: [ { id: r, platform: dingtalk, webhook: \"${SIGN}\" } ]",
            "robots[0].webhook: must be an http or https URL (value not shown: it holds the access token)"),
        row("missing webhook variable",
            "robots: [ { id: r, platform: dingtalk, webhook: \"${DINGTALK_WEBHOOK}\" } ]",
            "robots[0].webhook: environment variable \"DINGTALK_WEBHOOK\" is not set"));
  }
}
