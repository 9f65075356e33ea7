package io.github.alertrouter.gotemplate;

import java.util.List;
import java.util.Random;

/**
 * Generates random, well-typed template actions over Alertmanager's data (strings, ints, bools,
 * string slices combined through builtins, Alertmanager functions and pipelines), so one amtool
 * run can render many of them without one error hiding the rest.
 */
final class RandomTemplates {
  private static final List<String> STRING_LEAVES = List.of(
      ".Receiver", ".Status", ".ExternalURL", "(index .CommonLabels \"alertname\")",
      ".CommonLabels.severity", ".GroupLabels.alertname", ".CommonAnnotations.summary",
      "(index .Alerts 0).Labels.instance", "(index .Alerts 0).Fingerprint",
      "((index .Alerts 0).StartsAt.Format \"2006-01-02 15:04\")", "\"lit\"", "\"中文 标签\"",
      "\"a<b>&'c'\"", "\"\"", "(index .Alerts 0).Status", "(index .Alerts 0).GeneratorURL");
  private static final List<String> LIST_LEAVES = List.of(
      ".CommonLabels.Names", ".GroupLabels.Values", ".CommonLabels.SortedPairs.Values",
      "(index .Alerts 0).Labels.Names", "(stringSlice \"x\" \"y\")", "(stringSlice)",
      "(.CommonLabels.Remove .GroupLabels.Names).Values");
  private static final List<String> VERBS = List.of("%s", "%q", "%v", "%x", "%10s", "%-6s|", "%.3s");

  private final Random r;

  RandomTemplates(Random r) {
    this.r = r;
  }

  String action() {
    return switch (r.nextInt(6)) {
      case 0 -> "{{ if " + bool(3) + " }}T:" + "{{ " + string(2) + " }}{{ else }}F{{ end }}";
      case 1 -> "{{ range $i, $e := " + list(2) + " }}{{ $i }}:{{ $e }};{{ else }}none{{ end }}";
      case 2 -> "{{ with " + string(2) + " }}[{{ . }}]{{ else }}empty{{ end }}";
      case 3 -> "{{ " + integer(3) + " }}";
      case 4 -> "{{ " + bool(3) + " }}";
      default -> "{{ " + string(3) + " }}";
    };
  }

  private String pick(List<String> from) {
    return from.get(r.nextInt(from.size()));
  }

  String string(int depth) {
    if (depth == 0) {
      return pick(STRING_LEAVES);
    }
    String s = string(depth - 1);
    return switch (r.nextInt(12)) {
      case 0 -> "(toUpper " + s + ")";
      case 1 -> "(" + s + " | toLower)";
      case 2 -> "(title " + s + ")";
      case 3 -> "(printf \"" + pick(VERBS) + "-%d\" " + s + " " + integer(depth - 1) + ")";
      case 4 -> "(join \",\" " + list(depth - 1) + ")";
      case 5 -> "(reReplaceAll \"[aeiou0-9]+\" \"<$0>\" " + s + ")";
      case 6 -> "(" + s + " | html)";
      case 7 -> "(js " + s + ")";
      case 8 -> "(urlquery " + s + ")";
      case 9 -> "(print " + s + " " + integer(depth - 1) + " " + bool(depth - 1) + ")";
      case 10 -> "(or " + s + " " + string(depth - 1) + ")";
      default -> s;
    };
  }

  String integer(int depth) {
    if (depth == 0) {
      return switch (r.nextInt(5)) {
        case 0 -> "(len .Alerts)";
        case 1 -> "(len .CommonLabels)";
        case 2 -> "(len .Alerts.Firing)";
        default -> Integer.toString(r.nextInt(10) - 2);
      };
    }
    return switch (r.nextInt(3)) {
      case 0 -> "(len " + string(depth - 1) + ")";
      case 1 -> "(len " + list(depth - 1) + ")";
      default -> integer(0);
    };
  }

  String bool(int depth) {
    if (depth == 0) {
      return r.nextBoolean() ? "true" : "false";
    }
    return switch (r.nextInt(8)) {
      case 0 -> "(eq " + string(depth - 1) + " " + string(depth - 1) + ")";
      case 1 -> "(lt " + integer(depth - 1) + " " + integer(depth - 1) + ")";
      case 2 -> "(and " + bool(depth - 1) + " " + bool(depth - 1) + ")";
      case 3 -> "(or " + bool(depth - 1) + " " + bool(depth - 1) + ")";
      case 4 -> "(not " + bool(depth - 1) + ")";
      case 5 -> "(match \"^[a-z]+\" " + string(depth - 1) + ")";
      case 6 -> "(ge " + string(depth - 1) + " " + string(depth - 1) + ")";
      default -> "(ne " + integer(depth - 1) + " " + integer(depth - 1) + " )";
    };
  }

  String list(int depth) {
    if (depth == 0 || r.nextBoolean()) {
      return pick(LIST_LEAVES);
    }
    return "(stringSlice " + string(depth - 1) + " " + string(depth - 1) + ")";
  }
}
