package io.github.alertrouter.dingtalk.internal;

import java.util.List;

/**
 * What one message shows: a run of alerts (firing ones before resolved ones), how many of the
 * notification's alerts it leaves out, which part it is, and whether it carries the mentions.
 * Immutable.
 *
 * @param alerts the alerts shown
 * @param omitted alerts left out ("…and N more alerts"); 0 when split
 * @param part 1-based part number
 * @param parts how many parts; 1 unless split
 * @param carriesMentions whether the @tokens (and {@code at}) go in this message
 */
record Page(List<AlertView> alerts, int omitted, int part, int parts, boolean carriesMentions) {
  Page {
    alerts = List.copyOf(alerts);
  }

  static Page whole(List<AlertView> alerts) {
    return new Page(alerts, 0, 1, 1, true);
  }

  List<AlertView> firing() {
    return alerts.stream().filter(a -> !a.resolved()).toList();
  }

  List<AlertView> resolved() {
    return alerts.stream().filter(AlertView::resolved).toList();
  }

  boolean isPart() {
    return parts > 1;
  }

  /** {@code …and 480 more alerts}, or {@code ""}. */
  String moreLine() {
    return omitted == 0 ? "" : "…and " + omitted + " more alert" + (omitted == 1 ? "" : "s");
  }
}
