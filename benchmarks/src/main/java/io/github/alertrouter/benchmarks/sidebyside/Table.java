package io.github.alertrouter.benchmarks.sidebyside;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The harness's results as Markdown, one table per workload: each contender's median with its
 * range, the ratio alert-router ÷ Alertmanager (for alerts/s, the ratio of ingest times, so that
 * below 1 is better on every row), and issue #19's target where it sets one.
 */
final class Table {
  private static final String AM = "Alertmanager";
  private static final String AR = "alert-router";

  private Table() {}

  static String of(List<SideBySide.Results> results, int rounds) {
    StringBuilder out = new StringBuilder();
    for (SideBySide.Results r : results) {
      Workload w = r.workload();
      List<Run> am = r.runs().getOrDefault(AM, List.of());
      List<Run> ar = r.runs().getOrDefault(AR, List.of());
      if (w.storm()) {
        storm(out, w, am, ar, rounds);
        continue;
      }
      out.append(String.format(Locale.ROOT, "%n### %s: %,d alerts, %s, %,d notified, %s; %d round%s%n%n", w.name(),
          w.alerts(), w.teams() == 0 ? "root route only, grouped by alertname" : String.format(Locale.ROOT,
              "%,d routes, grouped by [alertname, instance]", w.teams()), w.routedCount(),
          w.sinkDelay().isZero() ? "sink answers at once" : "sink answers in " + w.sinkDelay().toMillis() + " ms",
          rounds, rounds == 1 ? "" : "s"));
      out.append("| | ").append(AM).append(" | ").append(AR).append(" | ratio | target |\n|---|---:|---:|---:|---|\n");
      row(out, "ready after launch, s", am, ar, Run::readySeconds, "%.2f", false,
          absolute(ar, Run::readySeconds, 0.5, "≤ 0.5 s"));
      row(out, "RSS when ready, MiB", am, ar, Run::readyRssMiB, "%.0f", false,
          absolute(ar, Run::readyRssMiB, 100, "≤ 100 MiB"));
      row(out, "ingest, alerts/s", am, ar, Run::alertsPerSecond, "%,.0f", true, "");
      row(out, "first POST → every alert notified, s", am, ar, Run::e2eSeconds, "%.2f", false,
          relative(am, ar, Run::e2eSeconds, switch (w.name()) {
            case "W2", "W3" -> 0.5;
            case "S50" -> 1.0;
            default -> Double.NaN;
          }));
      row(out, "per-alert delay p50, s", am, ar, Run::delayP50, "%.2f", false, "");
      row(out, "per-alert delay p99, s", am, ar, Run::delayP99, "%.2f", false,
          relative(am, ar, Run::delayP99, w.name().equals("W2") || w.name().equals("W3") ? 1.0 : Double.NaN));
      row(out, "server CPU to coverage, s", am, ar, Run::cpuSeconds, "%.2f", false,
          relative(am, ar, Run::cpuSeconds, switch (w.name()) {
            case "W2" -> 1.0;
            case "W3" -> 0.5;
            default -> Double.NaN;
          }));
      row(out, "peak RSS, MiB", am, ar, Run::peakRssMiB, "%.0f", false,
          relative(am, ar, Run::peakRssMiB, w.name().equals("W3") ? 0.5 : Double.NaN));
      row(out, "idle CPU after, cores", am, ar, Run::idleCores, "%.3f", false, "");
      row(out, "sink requests", am, ar, run -> run.requests(), "%,.0f", false, "");
      out.append("| exactly once: lost / duplicated / stray | ").append(tally(am)).append(" | ").append(tally(ar))
          .append(" | | ").append(ar.stream().allMatch(Run::exactlyOnce) ? "met" : "**missed**").append(" |\n");
      long omitted = ar.stream().mapToLong(Run::omitted).sum() + am.stream().mapToLong(Run::omitted).sum();
      if (omitted > 0) {
        out.append("| alerts only counted (\"…and N more\") | ").append(am.stream().mapToLong(Run::omitted).sum())
            .append(" | ").append(ar.stream().mapToLong(Run::omitted).sum()).append(" | | |\n");
      }
    }
    return out.toString();
  }

  /**
   * The storm's table: what the chat was told of, not how fast (one chat takes 20 messages a
   * minute, so neither server can name 10,000 alerts in it; issue #19's item 6).
   */
  private static void storm(StringBuilder out, Workload w, List<Run> am, List<Run> ar, int rounds) {
    int routed = w.routedCount();
    out.append(String.format(Locale.ROOT, "%n### %s: %,d alerts in %.1f s, each its own group, to one chat that takes %d "
        + "messages a minute (DingTalk's limit, enforced by the sink); %d round%s%n%n", w.name(), w.alerts(),
        w.spread().toMillis() / 1000.0, Workload.LIMIT, rounds, rounds == 1 ? "" : "s"));
    out.append("| | ").append(AM).append(" | ").append(AR).append(" | ratio | target |\n|---|---:|---:|---:|---|\n");
    row(out, "messages the chat took", am, ar, Run::requests, "%,.0f", false, "");
    row(out, "messages refused (over the limit)", am, ar, Run::refused, "%,.0f", false, "");
    row(out, "alerts named in the chat", am, ar, run -> routed - run.lost(), "%,.0f", true, "");
    row(out, "alerts only counted (\"…and N more\")", am, ar, Run::omitted, "%,.0f", false, "");
    row(out, "alerts the chat never heard of", am, ar, run -> run.untold(routed), "%,.0f", false, "");
    row(out, "first POST → every alert named or counted, s", am, ar, Run::e2eSeconds, "%.2f", false, "");
    row(out, "server CPU in the run, s", am, ar, Run::cpuSeconds, "%.2f", false, "");
    row(out, "peak RSS, MiB", am, ar, Run::peakRssMiB, "%.0f", false, "");
  }

  private static void row(StringBuilder out, String what, List<Run> am, List<Run> ar, ToDoubleFunction<Run> value,
      String format, boolean higherIsBetter, String target) {
    double a = median(am, value);
    double b = median(ar, value);
    double ratio = higherIsBetter ? a / b : b / a;
    out.append("| ").append(what).append(" | ").append(cell(am, value, format)).append(" | ")
        .append(cell(ar, value, format)).append(" | ")
        .append(Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : "–").append(" | ").append(target)
        .append(" |\n");
  }

  private static String cell(List<Run> runs, ToDoubleFunction<Run> value, String format) {
    double[] v = runs.stream().mapToDouble(value).sorted().toArray();
    String median = String.format(Locale.ROOT, format, median(runs, value));
    if (v.length < 2) {
      return median;
    }
    return median + String.format(Locale.ROOT, " (" + format + "–" + format + ")", v[0], v[v.length - 1]);
  }

  static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    double[] v = runs.stream().mapToDouble(value).sorted().toArray();
    return v.length == 0 ? Double.NaN : v[(v.length - 1) / 2];
  }

  private static String absolute(List<Run> ar, ToDoubleFunction<Run> value, double bound, String what) {
    return what + ": " + (median(ar, value) <= bound ? "met" : "**missed**");
  }

  private static String relative(List<Run> am, List<Run> ar, ToDoubleFunction<Run> value, double bound) {
    if (Double.isNaN(bound)) {
      return "";
    }
    double ratio = median(ar, value) / median(am, value);
    return String.format(Locale.ROOT, "≤ %.1f×: %s", bound, ratio <= bound ? "met" : "**missed**");
  }

  private static String tally(List<Run> runs) {
    return runs.stream().mapToInt(Run::lost).sum() + " / " + runs.stream().mapToInt(Run::duplicates).sum() + " / "
        + runs.stream().mapToInt(Run::unexpected).sum();
  }
}
