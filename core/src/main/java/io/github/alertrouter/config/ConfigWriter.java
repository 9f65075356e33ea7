package io.github.alertrouter.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.alertrouter.time.Durations;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a {@link RouterConfig} as YAML in the schema {@link ConfigLoader} reads, leaving out
 * unset and default-empty fields. Loading the output of {@code toYaml(config, SecretMode.REVEAL)}
 * gives back an equal config. Every string is escaped (<code>${</code> as <code>$${</code>) so that loading
 * does not substitute anything the config did not mean as a reference. Stateless and thread-safe.
 */
public final class ConfigWriter {
  /** How robot webhooks and signing secrets are written. */
  public enum SecretMode {
    /**
     * As {@code ${ROBOT_<ID>_WEBHOOK}} / {@code ${ROBOT_<ID>_SECRET}} references (id upper-cased,
     * other characters than letters and digits as {@code _}), so the output is safe to share. A
     * pool's webhooks as {@code ${ROBOT_<ID>_WEBHOOK_<N>}} / {@code ${ROBOT_<ID>_SECRET_<N>}},
     * numbered from 1.
     */
    PLACEHOLDER,
    /** As their values; the output is then itself a secret. */
    REVEAL
  }

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ConfigWriter() {}

  /** The config as YAML with secrets as {@code ${...}} placeholders. */
  public static String toYaml(RouterConfig config) {
    return toYaml(config, SecretMode.PLACEHOLDER);
  }

  /** The config as YAML, secrets written as {@code mode} says. */
  public static String toYaml(RouterConfig config, SecretMode mode) {
    ObjectNode root = NODES.objectNode();
    list(root, "contacts", config.contacts(), ConfigWriter::contact);
    list(root, "contactGroups", config.contactGroups(), ConfigWriter::group);
    list(root, "robots", config.robots(), robot -> robot(robot, mode));
    list(root, "schedules", config.schedules(), ConfigWriter::schedule);
    list(root, "escalationPolicies", config.escalationPolicies(), ConfigWriter::escalationPolicy);
    list(root, "notificationPolicies", config.notificationPolicies(), ConfigWriter::policy);
    list(root, "silences", config.silences(), ConfigWriter::silence);
    list(root, "inhibitRules", config.inhibitRules(), ConfigWriter::inhibitRule);
    list(root, "timeIntervals", config.timeIntervals(), ConfigWriter::timeInterval);
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of strings always serialises
    }
  }

  /**
   * The environment variable a {@link SecretMode#PLACEHOLDER} names for one of a robot's secrets:
   * {@code ROBOT_<ID>_<FIELD>}, the id upper-cased and other characters than letters and digits
   * as {@code _}.
   *
   * @param field {@code WEBHOOK} or {@code SECRET}, or for a pool's member N {@code WEBHOOK_N} or
   *     {@code SECRET_N}
   */
  public static String placeholderVariable(String robotId, String field) {
    return "ROBOT_" + robotId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + field;
  }

  private static ObjectNode contact(Contact c) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", c.id());
    if (!c.name().equals(c.id())) {
      text(n, "name", c.name());
    }
    text(n, "mobile", c.mobile());
    text(n, "email", c.email());
    if (!c.im().isEmpty()) {
      ObjectNode im = n.putObject("im");
      c.im().forEach((platform, attributes) -> {
        ObjectNode p = im.putObject(platform);
        attributes.forEach((k, v) -> text(p, k, v));
      });
    }
    return n;
  }

  private static ObjectNode group(ContactGroup g) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", g.id());
    if (!g.name().equals(g.id())) {
      text(n, "name", g.name());
    }
    texts(n, "members", g.members());
    return n;
  }

  private static ObjectNode robot(Robot r, SecretMode mode) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", r.id());
    text(n, "platform", r.platform());
    if (r.isPool()) {
      ArrayNode pool = n.putArray("webhooks");
      for (int i = 0; i < r.webhooks().size(); i++) {
        Robot.Webhook h = r.webhooks().get(i);
        ObjectNode member = pool.addObject();
        if (mode == SecretMode.REVEAL) {
          text(member, "url", h.url().reveal());
          if (h.secret() != null) {
            text(member, "secret", h.secret().reveal());
          }
        } else {
          // numbered from 1, as a reader counts the list
          member.put("url", "${" + placeholderVariable(r.id(), "WEBHOOK_" + (i + 1)) + "}");
          if (h.secret() != null) {
            member.put("secret", "${" + placeholderVariable(r.id(), "SECRET_" + (i + 1)) + "}");
          }
        }
      }
    } else if (mode == SecretMode.REVEAL) {
      text(n, "webhook", r.webhook().reveal());
      if (r.secret() != null) {
        text(n, "secret", r.secret().reveal());
      }
    } else {
      n.put("webhook", "${" + placeholderVariable(r.id(), "WEBHOOK") + "}");
      if (r.secret() != null) {
        n.put("secret", "${" + placeholderVariable(r.id(), "SECRET") + "}");
      }
    }
    text(n, "keyword", r.keyword());
    if (!r.options().isEmpty()) {
      textMap(n, "options", r.options());
    }
    if (r.template() != null) {
      template(n, "template", r.template());
    }
    return n;
  }

  private static ObjectNode schedule(Schedule s) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", s.id());
    text(n, "name", s.name());
    text(n, "timeZone", s.timeZone().getId());
    text(n, "handoffRobot", s.handoffRobot());
    if (s.disallowOverlap()) {
      n.put("disallowOverlap", true);
    }
    list(n, "layers", s.layers(), ConfigWriter::layer);
    list(n, "overrides", s.overrides(), ConfigWriter::override);
    return n;
  }

  private static ObjectNode layer(ScheduleLayer l) {
    ObjectNode n = NODES.objectNode();
    text(n, "name", l.name());
    texts(n, "members", l.members());
    text(n, "rotation", l.rotation().name());
    duration(n, "shiftLength", l.shiftLength());
    text(n, "handoff", l.handoff().toString());
    text(n, "start", l.start() == null ? null : l.start().toString());
    text(n, "end", l.end() == null ? null : l.end().toString());
    list(n, "restrictions", l.restrictions(), ConfigWriter::restriction);
    return n;
  }

  private static ObjectNode restriction(TimeRestriction r) {
    ObjectNode n = NODES.objectNode();
    if (r.isWeekly()) {
      text(n, "fromDay", day(r.fromDay()));
      text(n, "from", r.from().toString());
      text(n, "toDay", day(r.toDay()));
    } else {
      days(n, r.days());
      text(n, "from", r.from().toString());
    }
    text(n, "to", r.to().toString());
    return n;
  }

  private static ObjectNode override(ScheduleOverride o) {
    ObjectNode n = NODES.objectNode();
    text(n, "contact", o.contact());
    text(n, "from", o.from().toString());
    text(n, "to", o.to().toString());
    return n;
  }

  private static ObjectNode escalationPolicy(EscalationPolicy p) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", p.id());
    list(n, "steps", p.steps(), ConfigWriter::step);
    if (p.loops() != EscalationPolicy.DEFAULT_LOOPS) {
      n.put("loops", p.loops());
    }
    return n;
  }

  private static ObjectNode step(EscalationStep s) {
    ObjectNode n = NODES.objectNode();
    duration(n, "after", s.after());
    text(n, "when", s.when().name());
    texts(n, "notify", s.targets().stream().map(Object::toString).toList());
    texts(n, "robots", s.robots());
    if (s.repeat() != null) {
      ObjectNode r = n.putObject("repeat");
      r.put("count", s.repeat().count());
      duration(r, "every", s.repeat().every());
    }
    return n;
  }

  private static ObjectNode policy(NotificationPolicy p) {
    ObjectNode n = NODES.objectNode();
    text(n, "name", p.name());
    list(n, "matchingRules", p.matchingRules(), ConfigWriter::matchingRule);
    if (!p.groupRule().equals(GroupRule.INHERIT)) {
      n.set("groupRule", groupRule(p.groupRule()));
    }
    if (!p.notifyRule().equals(NotifyRule.INHERIT)) {
      n.set("notifyRule", notifyRule(p.notifyRule()));
    }
    duration(n, "repeatInterval", p.repeatInterval());
    text(n, "escalationPolicy", p.escalationPolicy());
    if (p.sendResolved() != null) {
      n.put("sendResolved", p.sendResolved());
    }
    if (p.continueMatching() != null) {
      n.put("continue", p.continueMatching());
    }
    texts(n, "muteTimeIntervals", p.muteTimeIntervals());
    texts(n, "activeTimeIntervals", p.activeTimeIntervals());
    list(n, "routes", p.routes(), ConfigWriter::policy);
    return n;
  }

  private static ObjectNode matchingRule(MatchingRule r) {
    ObjectNode n = NODES.objectNode();
    // written even when empty: an empty rule matches everything, unlike no rule at all
    ArrayNode conditions = n.putArray("conditions");
    r.conditions().forEach(c -> conditions.add(condition(c)));
    return n;
  }

  private static ObjectNode condition(Condition c) {
    ObjectNode n = NODES.objectNode();
    text(n, "key", c.key());
    text(n, "op", c.op().configName());
    if (c.op().takesValueList()) {
      ArrayNode values = n.putArray("values");
      c.values().forEach(v -> values.add(EnvSubstitution.escape(v)));
    } else {
      text(n, "value", c.value());
    }
    return n;
  }

  private static ObjectNode groupRule(GroupRule g) {
    ObjectNode n = NODES.objectNode();
    duration(n, "groupWait", g.groupWait());
    duration(n, "groupInterval", g.groupInterval());
    if (g.groupingFields() != null) {
      ArrayNode fields = n.putArray("groupingFields"); // [] means one group, so it is written
      g.groupingFields().forEach(f -> fields.add(EnvSubstitution.escape(f)));
    }
    return n;
  }

  private static ObjectNode notifyRule(NotifyRule r) {
    ObjectNode n = NODES.objectNode();
    if (r.window() != null) {
      n.set("window", window(r.window()));
    }
    // [] (explicitly none) differs from absent (inherit), so empty lists are written here
    if (r.robots() != null) {
      ArrayNode robots = n.putArray("robots");
      r.robots().forEach(id -> robots.add(EnvSubstitution.escape(id)));
    }
    if (r.mention() != null) {
      ArrayNode mention = n.putArray("mention");
      r.mention().forEach(t -> mention.add(EnvSubstitution.escape(t.toString())));
    }
    if (r.templates() != null) {
      templates(n, r.templates());
    }
    if (r.requireBinding() != null) {
      n.put("requireBinding", r.requireBinding());
    }
    return n;
  }

  /** Mustache templates as text; a Go one in the {@code {syntax: go, text}} form it is read from. */
  private static void templates(ObjectNode parent, Map<String, String> templates) {
    ObjectNode map = parent.putObject("templates");
    templates.forEach((platform, text) -> template(map, platform, text));
  }

  private static void template(ObjectNode parent, String field, String text) {
    if (!NotifyRule.isGoTemplate(text)) {
      parent.put(field, EnvSubstitution.escape(text));
      return;
    }
    GoTemplateText go = GoTemplateText.decode(text);
    ObjectNode n = parent.putObject(field);
    n.put("syntax", "go");
    if (go.defaults() != GoTemplateText.Defaults.ALERTMANAGER) {
      n.put("defaults", go.defaults().yamlName());
    }
    if (!go.files().isEmpty()) {
      ArrayNode files = n.putArray("files");
      go.files().forEach(f -> files.add(EnvSubstitution.escape(f.name())));
    }
    if (go.title() != null) {
      n.put("title", EnvSubstitution.escape(go.title()));
    }
    n.put("text", EnvSubstitution.escape(go.text()));
  }

  private static void textMap(ObjectNode parent, String field, Map<String, String> values) {
    ObjectNode map = parent.putObject(field);
    values.forEach((key, value) -> map.put(key, EnvSubstitution.escape(value)));
  }

  private static ObjectNode window(NotifyWindow w) {
    ObjectNode n = NODES.objectNode();
    days(n, w.days());
    text(n, "from", w.from().toString());
    text(n, "to", w.to().toString());
    text(n, "timeZone", w.timeZone().getId());
    if (w.outsideWindow() != OutsideWindow.HOLD) {
      text(n, "outsideWindow", w.outsideWindow().name());
    }
    return n;
  }

  private static ObjectNode silence(Silence s) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", s.id());
    list(n, "matchers", s.matchers(), ConfigWriter::condition);
    text(n, "startsAt", s.startsAt().toString());
    text(n, "endsAt", s.endsAt().toString());
    if (!s.createdBy().isEmpty()) {
      text(n, "createdBy", s.createdBy());
    }
    if (!s.comment().isEmpty()) {
      text(n, "comment", s.comment());
    }
    return n;
  }

  private static ObjectNode inhibitRule(InhibitRule r) {
    ObjectNode n = NODES.objectNode();
    ArrayNode source = n.putArray("source");
    r.source().forEach(c -> source.add(condition(c)));
    ArrayNode target = n.putArray("target");
    r.target().forEach(c -> target.add(condition(c)));
    texts(n, "equal", r.equal());
    return n;
  }

  private static ObjectNode timeInterval(TimeInterval t) {
    ObjectNode n = NODES.objectNode();
    text(n, "name", t.name());
    list(n, "periods", t.periods(), ConfigWriter::period);
    return n;
  }

  private static ObjectNode period(TimePeriod p) {
    ObjectNode n = NODES.objectNode();
    texts(n, "times", p.times());
    texts(n, "weekdays", p.weekdays());
    texts(n, "daysOfMonth", p.daysOfMonth());
    texts(n, "months", p.months());
    texts(n, "years", p.years());
    if (!p.location().equals("UTC")) {
      text(n, "location", p.location());
    }
    return n;
  }

  private static <T> void list(ObjectNode parent, String name, List<T> items, Function<T, ObjectNode> writer) {
    if (!items.isEmpty()) {
      ArrayNode array = parent.putArray(name);
      items.forEach(item -> array.add(writer.apply(item)));
    }
  }

  private static void texts(ObjectNode parent, String name, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      ArrayNode array = parent.putArray(name);
      values.forEach(v -> array.add(EnvSubstitution.escape(v)));
    }
  }

  private static void text(ObjectNode parent, String name, String value) {
    if (value != null) {
      parent.put(name, EnvSubstitution.escape(value));
    }
  }

  private static void duration(ObjectNode parent, String name, Duration value) {
    if (value != null) {
      parent.put(name, Durations.format(value));
    }
  }

  private static void days(ObjectNode parent, Set<DayOfWeek> days) {
    texts(parent, "days", days.stream().map(ConfigWriter::day).toList());
  }

  private static String day(DayOfWeek day) {
    return day.name().substring(0, 3);
  }
}
