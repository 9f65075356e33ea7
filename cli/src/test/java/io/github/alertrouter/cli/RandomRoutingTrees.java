package io.github.alertrouter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random but valid alertmanager.yml routing trees and label sets from a seed, over a small
 * vocabulary so that matches, misses, missing labels, regex edge cases and continue chains all occur
 * often.
 */
final class RandomRoutingTrees {
  private static final String[] NAMES = {"team", "severity", "env", "a"};
  private static final String[] VALUES = {"payments", "critical", "prod", "1", "x y", "", "支付", "a\"b", "c:\\d", "p,q"};
  private static final String[] REGEXES = {"pay.*", "critical|page", "prod|staging", "[0-9]", ".*", ".+", "x\\s?y", "(?i)PROD"};
  private static final String[] OPS = {"=", "!=", "=~", "!~"};

  private final Random random;
  private int receivers;

  RandomRoutingTrees(long seed) {
    this.random = new Random(seed);
  }

  /** One complete alertmanager.yml. */
  String tree() {
    receivers = 0;
    StringBuilder yaml = new StringBuilder("route:\n  receiver: r0\n");
    if (random.nextBoolean()) {
      yaml.append("  group_by: [alertname]\n");
    }
    children(yaml, "  ", 1);
    yaml.append("receivers:\n");
    for (int i = 0; i <= receivers; i++) {
      yaml.append("  - name: r").append(i).append('\n');
    }
    return yaml.toString();
  }

  private void children(StringBuilder yaml, String indent, int depth) {
    int n = depth > 3 ? 0 : random.nextInt(depth == 1 ? 5 : 3);
    if (n == 0) {
      return;
    }
    yaml.append(indent).append("routes:\n");
    for (int i = 0; i < n; i++) {
      String item = indent + "  - ";
      String field = indent + "    ";
      yaml.append(item).append("matchers: [");
      int m = random.nextInt(3);
      for (int j = 0; j < m; j++) {
        yaml.append(j > 0 ? ", " : "").append('\'').append(matcher()).append('\'');
      }
      yaml.append("]\n");
      if (random.nextInt(5) == 0) {
        yaml.append(field).append("match_re: { ").append(pick(NAMES)).append(": '").append(pick(REGEXES)).append("' }\n");
      }
      if (random.nextInt(6) == 0) {
        yaml.append(field).append("match: { ").append(pick(NAMES)).append(": '").append(pick(VALUES)).append("' }\n");
      }
      if (random.nextInt(4) != 0) {
        yaml.append(field).append("receiver: r").append(++receivers).append('\n');
      }
      if (random.nextInt(3) == 0) {
        yaml.append(field).append("continue: true\n");
      }
      children(yaml, field, depth + 1);
    }
  }

  private String matcher() {
    String op = pick(OPS);
    String value = op.endsWith("~") ? pick(REGEXES) : pick(VALUES);
    return pick(NAMES) + op + quoted(value);
  }

  /** Command-line label arguments, some names left out (= missing label). */
  List<String> labels() {
    List<String> args = new ArrayList<>();
    for (String name : NAMES) {
      if (random.nextInt(3) != 0) {
        String value = random.nextInt(4) == 0 ? pick(new String[] {"PROD", "staging", "page", "7", "xy", "pay"}) : pick(VALUES);
        args.add(name + "=" + quoted(value));
      }
    }
    return args;
  }

  /** A matcher value in double quotes, escaped as Alertmanager's parser expects. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  boolean coin() {
    return random.nextBoolean();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
