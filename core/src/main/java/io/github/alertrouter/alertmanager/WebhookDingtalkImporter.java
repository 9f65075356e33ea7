package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.ConfigWriter;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.config.TreeReader;
import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a prometheus-webhook-dingtalk {@code config.yml} (version 2: {@code targets}) into an
 * alert-router config: each target becomes a DingTalk robot (its URL and signing secret written as
 * {@code ${ROBOT_<ID>_WEBHOOK}} / {@code ${ROBOT_<ID>_SECRET}}, never printed) and a policy that
 * takes the alerts Alertmanager posts to that target's URL ({@code /dingtalk/<target>/send}, which
 * {@code serve} accepts and labels {@value #TARGET_LABEL}), @-ing whom the target's {@code mention}
 * names: {@code all}, or its mobile numbers as contacts. Message templates are warnings until Go
 * templates render them. Stateless and thread-safe.
 */
public final class WebhookDingtalkImporter {
  /** The label {@code serve} gives alerts posted to {@code /dingtalk/<target>/send}. */
  public static final String TARGET_LABEL = "__target__";
  private static final Set<String> TOP_FIELDS = Set.of("targets");
  private static final Map<String, String> TOP_SKIPPED = Map.of(
      "timeout", "the request timeout is alert-router's own (robot deliveries have a deadline and retries)",
      "templates", "template files are not imported yet: messages use alert-router's DingTalk layout",
      "default_message", "the default message template is not imported yet: messages use alert-router's DingTalk layout",
      "no_builtin_template", "alert-router's layout is used");
  private static final Set<String> TARGET_FIELDS = Set.of("url", "secret", "mention", "message");

  private WebhookDingtalkImporter() {}

  /** Imports a file. */
  public static AlertmanagerImport importFile(Path file) {
    return importYaml(AlertmanagerConfigImporter.read(file), file.toString());
  }

  /**
   * Imports YAML text; {@code source} names it in error messages.
   *
   * @throws ConfigException listing every problem with its path (a target without a URL, a URL that
   *     is not http(s), a mention that is neither {@code all} nor mobile numbers)
   */
  public static AlertmanagerImport importYaml(String yaml, String source) {
    JsonNode root;
    try {
      root = TreeReader.read(yaml, false);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, List.of(new ConfigProblem("", "not valid YAML: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ConfigException(source, List.of(new ConfigProblem("", "not valid YAML: " + e.getMessage())));
    }
    ImportContext ctx = new ImportContext();
    if (root == null || root.isMissingNode() || root.isNull() || !ctx.requireMap(root, "")) {
      throw new ConfigException(source, ctx.problems.isEmpty()
          ? List.of(new ConfigProblem("targets", "no targets: nothing to import")) : ctx.problems);
    }
    ctx.checkFields(root, "", TOP_FIELDS, TOP_SKIPPED);
    JsonNode targets = root.get("targets");
    if (targets == null || !targets.isObject() || targets.isEmpty()) {
      ctx.problem("targets", "no targets: nothing to import");
      throw new ConfigException(source, ctx.problems);
    }
    Map<String, Contact> contacts = new LinkedHashMap<>();
    List<Robot> robots = new ArrayList<>();
    List<NotificationPolicy> policies = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = targets.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> target = it.next();
      String name = target.getKey();
      String path = "targets." + name;
      if (!ctx.requireMap(target.getValue(), path)) {
        continue;
      }
      JsonNode node = target.getValue();
      ctx.checkFields(node, path, TARGET_FIELDS, Map.of());
      String url = ctx.text(node.get("url"), path + ".url");
      if (url == null || url.isEmpty()) {
        ctx.problem(path + ".url", "a target needs its robot's url");
        continue;
      }
      String secret = ctx.text(node.get("secret"), path + ".secret");
      Robot robot;
      try {
        robot = Robot.builder(name, "dingtalk", Secret.of(url))
            .secret(secret == null || secret.isEmpty() ? null : Secret.of(secret))
            .build();
      } catch (ConfigException e) {
        e.problems().forEach(p -> ctx.problem(path + "." + p.path(), p.message()));
        continue;
      }
      robots.add(robot);
      ctx.warn(path, "robot \"" + name + "\": set " + ConfigWriter.placeholderVariable(name, "WEBHOOK") + " to its url"
          + (robot.secret() == null ? "" : " and " + ConfigWriter.placeholderVariable(name, "SECRET") + " to its secret")
          + " (not printed)");
      if (node.has("message")) {
        ctx.warn(path + ".message", "target \"" + name + "\": its message template is not imported yet: messages use"
            + " alert-router's DingTalk layout");
      }
      // Alertmanager has grouped and waited already: each of its notices is sent on at once, as the
      // webhook did; repeats follow Alertmanager's default repeat_interval
      policies.add(NotificationPolicy.builder(name)
          .matching(Condition.eq(TARGET_LABEL, name))
          .groupRule(GroupRule.builder().groupWait(Duration.ZERO).build())
          .repeatInterval(NotificationPolicy.DEFAULT_REPEAT_INTERVAL)
          .notifyRule(NotifyRule.builder().robots(name).mention(mentions(node.get("mention"), path + ".mention", ctx,
              contacts).toArray(String[]::new)).build())
          .build());
    }
    if (!ctx.problems.isEmpty()) {
      throw new ConfigException(source, ctx.problems);
    }
    RouterConfig.Builder config = RouterConfig.builder();
    contacts.values().forEach(config::contact);
    robots.forEach(config::robot);
    policies.forEach(config::notificationPolicy);
    return new AlertmanagerImport(config.build(), ctx.warnings);
  }

  /** {@code mention: {all: true, mobiles: [...]}} as mention targets, adding a contact per mobile. */
  private static List<String> mentions(JsonNode node, String path, ImportContext ctx, Map<String, Contact> contacts) {
    List<String> targets = new ArrayList<>();
    if (node == null || node.isNull() || !ctx.requireMap(node, path)) {
      return targets;
    }
    ctx.checkFields(node, path, Set.of("all", "mobiles"), Map.of());
    if (Boolean.TRUE.equals(ctx.bool(node.get("all"), path + ".all"))) {
      targets.add("all");
    }
    for (String mobile : ctx.list(node.get("mobiles"), path + ".mobiles", e -> ctx.text(e.node(), e.path()))) {
      if (mobile == null || !mobile.strip().matches("\\+?[0-9][0-9 -]{4,}")) {
        ctx.problem(path + ".mobiles", "not a mobile number: \"" + mobile + "\"");
        continue;
      }
      String id = "mobile-" + mobile.replaceAll("[^0-9]", "");
      contacts.putIfAbsent(id, Contact.builder(id).mobile(mobile.strip()).build());
      targets.add("contact:" + id);
    }
    return targets;
  }
}
