package io.github.alertrouter.cli;

import java.util.Locale;

/**
 * Writes Prometheus' text exposition format 0.0.4: per metric a {@code # HELP} and a
 * {@code # TYPE} line, then its samples, {@code name{label="value",...} number}. Label values are
 * escaped as the format requires ({@code \\}, {@code \"}, newline); help text escapes backslash
 * and newline. Not thread-safe: one per scrape.
 */
final class PrometheusText {
  /** The Content-Type of a scrape answer. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(4096);

  /** Starts a metric; its samples follow with {@link #sample}. */
  PrometheusText metric(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /**
   * One sample.
   *
   * @param labels alternating label names and values
   */
  PrometheusText sample(String name, double value, String... labels) {
    out.append(name);
    if (labels.length > 0) {
      out.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  String text() {
    return out.toString();
  }

  static String escapeLabel(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  // counts print as integers; Prometheus parses both, people read integers more easily
  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }
}
