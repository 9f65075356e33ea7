package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code notificationPolicies} entries and their nested {@code routes}, which have the same
 * shape with every field optional (unset fields are inherited). The component
 * {@code continueMatching} is the YAML key {@code continue}, as in Alertmanager.
 *
 * <p>A nested route that fails to bind is left out of its parent without failing the parent, so
 * the parent and its other routes are still checked for unknown references; the route's recorded
 * path keeps the validator's paths right.
 */
final class PolicyBinder {
  private PolicyBinder() {}

  static NotificationPolicy policy(Node node) {
    if (!node.isMap("name", "matchingRules", "groupRule", "notifyRule", "repeatInterval", "escalationPolicy",
        "sendResolved", "continue", "muteTimeIntervals", "activeTimeIntervals", "routes")) {
      return null;
    }
    List<NotificationPolicy> routes = node.field("routes").list(PolicyBinder::policy);
    int mark = node.mark(); // after the routes: a broken route does not break its parent
    String name = node.field("name").text();
    List<MatchingRule> matchingRules = node.field("matchingRules").list(ConditionBinder::matchingRule);
    GroupRule groupRule = groupRule(node.field("groupRule"));
    NotifyRule notifyRule = notifyRule(node.field("notifyRule"));
    Duration repeatInterval = node.field("repeatInterval").as(Durations::parse);
    String escalationPolicy = node.field("escalationPolicy").text();
    Boolean sendResolved = node.field("sendResolved").bool();
    Boolean continueMatching = node.field("continue").bool();
    List<String> mute = node.field("muteTimeIntervals").texts();
    List<String> active = node.field("activeTimeIntervals").texts();
    NotificationPolicy policy = node.build(mark, () -> new NotificationPolicy(
        name, matchingRules, groupRule, notifyRule, repeatInterval, escalationPolicy,
        sendResolved, continueMatching, mute, active, routes));
    if (policy != null) {
      node.context().origin(policy, node.path());
    }
    return policy;
  }

  static GroupRule groupRule(Node node) {
    if (!node.isMap("groupWait", "groupInterval", "groupingFields")) {
      return null;
    }
    int mark = node.mark();
    Duration groupWait = node.field("groupWait").as(Durations::parse);
    Duration groupInterval = node.field("groupInterval").as(Durations::parse);
    List<String> groupingFields = node.field("groupingFields").texts();
    return node.build(mark, () -> new GroupRule(groupWait, groupInterval, groupingFields));
  }

  static NotifyRule notifyRule(Node node) {
    if (!node.isMap("window", "robots", "mention", "templates", "requireBinding")) {
      return null;
    }
    int mark = node.mark();
    NotifyWindow window = window(node.field("window"));
    List<String> robots = node.field("robots").texts();
    List<MentionTarget> mention = node.field("mention").texts(MentionTarget::parse);
    Map<String, String> templates = templates(node.field("templates"));
    Boolean requireBinding = node.field("requireBinding").bool();
    return node.build(mark, () -> new NotifyRule(window, robots, mention, templates, requireBinding));
  }

  /**
   * Templates by platform: each a mustache text, or {@code {syntax: go|mustache, text: ...}}; a Go
   * one is kept as {@link GoTemplateText#encoded()}.
   */
  private static Map<String, String> templates(Node node) {
    if (!node.isPresent()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.entries().forEach((platform, value) -> {
      String text = template(value);
      if (text != null) {
        out.put(platform, text);
      }
    });
    return out;
  }

  /**
   * One template: a mustache text, or {@code {syntax: go|mustache, text, title, defaults, files}}
   * ({@code title}, {@code defaults} and {@code files} only for Go); {@code null} after a problem.
   */
  static String template(Node value) {
    if (!value.isObjectValue()) {
      return value.requiredText();
    }
    if (!value.isMap("syntax", "text", "title", "defaults", "files")) {
      return null;
    }
    String syntax = value.required("syntax").text();
    String text = value.required("text").text();
    String title = value.field("title").text();
    String defaults = value.field("defaults").text();
    if (syntax == null || text == null) {
      return null;
    }
    if (syntax.equals("mustache")) {
      boolean goOnly = false;
      for (String field : List.of("title", "defaults", "files")) {
        if (value.field(field).isPresent()) {
          value.field(field).problem("only a Go template (syntax: go) has " + field);
          goOnly = true;
        }
      }
      return goOnly ? null : text;
    }
    if (!syntax.equals("go")) {
      value.field("syntax").problem("must be go or mustache, but was \"" + syntax + "\"");
      return null;
    }
    GoTemplateText.Defaults base = defaults == null ? GoTemplateText.Defaults.ALERTMANAGER
        : value.field("defaults").as(GoTemplateText.Defaults::parse);
    List<GoTemplateText.File> files = value.field("files").isPresent() ? TemplateFiles.read(value.field("files")) : List.of();
    if (base == null || files == null) {
      return null;
    }
    try {
      return new GoTemplateText(text, title, base, files).encoded();
    } catch (IllegalArgumentException e) {
      value.field(e.getMessage().startsWith("a title") ? "title" : "text").problem(e.getMessage());
      return null;
    }
  }

  /** A window; {@code days} default to every day and {@code from}/{@code to} to the whole day. */
  static NotifyWindow window(Node node) {
    if (!node.isMap("days", "from", "to", "timeZone", "outsideWindow")) {
      return null;
    }
    int mark = node.mark();
    Set<DayOfWeek> parsedDays = ScheduleBinder.days(node.field("days"));
    Set<DayOfWeek> days = parsedDays == null ? EnumSet.allOf(DayOfWeek.class) : parsedDays;
    TimeOfDay parsedFrom = node.field("from").as(TimeOfDay::parse);
    TimeOfDay parsedTo = node.field("to").as(TimeOfDay::parse);
    TimeOfDay from = parsedFrom == null ? TimeOfDay.START_OF_DAY : parsedFrom;
    TimeOfDay to = parsedTo == null ? TimeOfDay.END_OF_DAY : parsedTo;
    ZoneId zone = node.required("timeZone").as(Values::zone);
    OutsideWindow outside = node.field("outsideWindow").as(OutsideWindow::parse);
    return node.build(mark, () -> new NotifyWindow(days, from, to, zone, outside));
  }
}
