package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

/** Shared text and helpers for the config tests. */
final class ConfigFixtures {
  static final String WEBHOOK_TOKEN = "TOPSECRET-TOKEN-4711";
  static final String SIGNING_SECRET = "SEC-SIGNING-0815";
  static final Map<String, String> ENV = Map.of(
      "DINGTALK_URL", "https://oapi.dingtalk.com/robot/send?access_token=" + WEBHOOK_TOKEN,
      "SIGN", SIGNING_SECRET,
      "TEAM", "payments");

  /** Sections the rows refer to; a row appends the sections it is about. */
  static final String BASE = """
      contacts:
        - { id: alice }
        - { id: bob }
      contactGroups:
        - { id: sre, members: [alice, bob] }
      robots:
        - { id: sre-ding, platform: dingtalk, webhook: "${DINGTALK_URL}", secret: "${SIGN}" }
      schedules:
        - id: primary
          timeZone: Asia/Shanghai
          layers: [ { members: [alice, bob], rotation: weekly, handoff: "2026-01-05T09:00" } ]
      escalationPolicies:
        - id: payments
          steps: [ { after: 10m, when: unacked, notify: ["schedule:primary"] } ]
      timeIntervals:
        - name: weekend
          periods: [ { weekdays: [saturday, sunday] } ]
      """;

  private ConfigFixtures() {}

  static RouterConfig parse(String yaml) {
    return RouterConfig.parse(yaml, "test.yaml", ENV);
  }

  /** The problems of an invalid document, each as {@code path: message}. */
  static List<String> problems(String yaml) {
    return problems(yaml, "test.yaml");
  }

  static List<String> problems(String text, String source) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(() -> RouterConfig.parse(text, source, ENV))
        .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0].problems().stream().map(ConfigProblem::toString).toList();
  }
}
