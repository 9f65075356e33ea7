package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.ConfigWriter;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GoTemplateText;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.config.TreeReader;
import io.github.alertrouter.internal.text.FileGlob;
import java.io.IOException;
import java.nio.file.Files;
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
 * alert-router config that sends the messages it sent: each target becomes a DingTalk robot (its
 * URL and signing secret written as {@code ${ROBOT_<ID>_WEBHOOK}} / {@code ${ROBOT_<ID>_SECRET}},
 * never printed) whose template is the target's message ({@code message}, else
 * {@code default_message}, else {@code ding.link.title} / {@code ding.link.content}) as a Go template
 * on prometheus-webhook-dingtalk's definitions and functions, with the config's template files
 * ({@code templates}, {@code template}); and a policy that takes the alerts Alertmanager posts to that
 * target's URL ({@code /dingtalk/<target>/send}, which {@code serve} accepts and labels
 * {@value #TARGET_LABEL}), @-ing whom the target's {@code mention} names: {@code all}, or its mobile
 * numbers as contacts. Stateless and thread-safe.
 */
public final class WebhookDingtalkImporter {
  /** The label {@code serve} gives alerts posted to {@code /dingtalk/<target>/send}. */
  public static final String TARGET_LABEL = "__target__";
  /**
   * How long an imported policy waits before it sends what changed in a group. Alertmanager has
   * grouped and waited already, as it did for prometheus-webhook-dingtalk, which sent each of its
   * notices at once: a short interval passes them on nearly as fast, while a group never gets two
   * messages within it.
   */
  public static final Duration GROUP_INTERVAL = Duration.ofSeconds(5);
  private static final Set<String> TOP_FIELDS = Set.of("targets", "templates", "template", "default_message",
      "no_builtin_template");
  private static final Map<String, String> TOP_SKIPPED = Map.of(
      "timeout", "the request timeout is alert-router's own (robot deliveries have a deadline and retries)");
  private static final Set<String> TARGET_FIELDS = Set.of("url", "secret", "mention", "message");
  private static final Set<String> MESSAGE_FIELDS = Set.of("title", "text");
  // prometheus-webhook-dingtalk's message when a config names none
  private static final String DEFAULT_TITLE = "{{ template \"ding.link.title\" . }}";
  private static final String DEFAULT_TEXT = "{{ template \"ding.link.content\" . }}";

  private WebhookDingtalkImporter() {}

  /**
   * Imports a file; its template files are read relative to the file's directory (then to the
   * working directory, where prometheus-webhook-dingtalk read them) and named by absolute path in
   * the result.
   */
  public static AlertmanagerImport importFile(Path file) {
    return importYaml(AlertmanagerConfigImporter.read(file), file.toString(), file.toAbsolutePath().getParent());
  }

  /**
   * Imports {@code config}, grouping and repeating each target's alerts as {@code alertmanagerYml}
   * does for the receivers that post to it ({@link #importFile(Path)} otherwise groups by
   * {@code alertname} and repeats every 4h): a target one receiver (or several alike) posts to
   * gets that route's {@code group_by}, {@code repeat_interval} and {@code max_alerts}; a target
   * several receivers with different ones post to gets a nested policy per receiver, matching
   * {@code __receiver__}. Alertmanager keeps routing, grouping and waiting: this only makes a
   * message hold the alerts Alertmanager's notice held.
   *
   * @throws ConfigException for a problem in either file, naming the file
   */
  public static AlertmanagerImport importFile(Path config, Path alertmanagerYml) {
    AlertmanagerImport imported = importFile(config);
    AlertmanagerImport am = AlertmanagerConfigImporter.importFile(alertmanagerYml);
    return AlertmanagerRoutes.apply(imported, am.config());
  }

  /**
   * Imports YAML text; {@code source} names it in error messages. Template files are read
   * relative to the working directory.
   *
   * @throws ConfigException listing every problem with its path (a target without a URL, a URL that
   *     is not http(s), a mention that is neither {@code all} nor mobile numbers, a template file
   *     that cannot be read)
   */
  public static AlertmanagerImport importYaml(String yaml, String source) {
    return importYaml(yaml, source, null);
  }

  private static AlertmanagerImport importYaml(String yaml, String source, Path dir) {
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
    List<GoTemplateText.File> files = templateFiles(root, dir, ctx);
    String[] defaultMessage = message(root.get("default_message"), "default_message", new String[] {DEFAULT_TITLE,
        DEFAULT_TEXT}, ctx);
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
      String[] message = message(node.get("message"), path + ".message", defaultMessage, ctx);
      Robot robot;
      try {
        robot = Robot.builder(name, "dingtalk", Secret.of(url))
            .secret(secret == null || secret.isEmpty() ? null : Secret.of(secret))
            .goTemplate(new GoTemplateText(message[1], message[0], GoTemplateText.Defaults.WEBHOOK_DINGTALK, files))
            .build();
      } catch (ConfigException e) {
        e.problems().forEach(p -> ctx.problem(path + "." + p.path(), p.message()));
        continue;
      }
      robots.add(robot);
      ctx.warn(path, "robot \"" + name + "\": set " + ConfigWriter.placeholderVariable(name, "WEBHOOK") + " to its url"
          + (robot.secret() == null ? "" : " and " + ConfigWriter.placeholderVariable(name, "SECRET") + " to its secret")
          + " (not printed)");
      // Alertmanager has grouped and waited already: each of its notices is passed on at once, as
      // the webhook did; repeats follow Alertmanager's default repeat_interval
      List<String> mention = mentions(node.get("mention"), path + ".mention", ctx, contacts);
      NotifyRule.Builder notify = NotifyRule.builder().robots(name);
      if (!mention.isEmpty()) {
        notify.mention(mention.toArray(String[]::new));
      }
      policies.add(NotificationPolicy.builder(name)
          .matching(Condition.eq(TARGET_LABEL, name))
          .groupRule(GroupRule.builder().groupWait(Duration.ZERO).groupInterval(GROUP_INTERVAL)
              .groupingFields(withReceiver(GroupRule.DEFAULT_GROUPING_FIELDS)).build())
          .repeatInterval(NotificationPolicy.DEFAULT_REPEAT_INTERVAL)
          .notifyRule(notify.build())
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

  /**
   * {@code fields} and {@value WebhookPayload#RECEIVER_LABEL}: Alertmanager keeps one group per
   * receiver, so alerts two receivers post to one target are two notices there, and two here
   * (the label is internal: no message shows it among the group's labels).
   */
  static List<String> withReceiver(List<String> fields) {
    List<String> out = new ArrayList<>(fields);
    if (!out.contains(WebhookPayload.RECEIVER_LABEL)) {
      out.add(WebhookPayload.RECEIVER_LABEL);
    }
    return out;
  }

  /**
   * {@code {title, text}}, a missing field being prometheus-webhook-dingtalk's default
   * ({@code ding.link.title} / {@code ding.link.content}), as it fills a message;
   * {@code ifAbsent} when there is no message.
   */
  private static String[] message(JsonNode node, String path, String[] ifAbsent, ImportContext ctx) {
    if (node == null || node.isNull() || !ctx.requireMap(node, path)) {
      return ifAbsent;
    }
    ctx.checkFields(node, path, MESSAGE_FIELDS, Map.of());
    String title = ctx.text(node.get("title"), path + ".title");
    String text = ctx.text(node.get("text"), path + ".text");
    return new String[] {title == null ? DEFAULT_TITLE : title, text == null ? DEFAULT_TEXT : text};
  }

  /**
   * The files {@code templates} (and the older {@code template}) name, in the order
   * prometheus-webhook-dingtalk parsed them: each glob's matches by name. A glob that matches
   * nothing is a warning (prometheus-webhook-dingtalk ignored it too); an unreadable file a problem.
   */
  private static List<GoTemplateText.File> templateFiles(JsonNode root, Path dir, ImportContext ctx) {
    List<String[]> globs = new ArrayList<>();
    ctx.list(root.get("templates"), "templates", e -> globs.add(new String[] {ctx.text(e.node(), e.path()), e.path()}));
    String single = ctx.text(root.get("template"), "template");
    if (single != null) {
      globs.add(new String[] {single, "template"});
    }
    List<GoTemplateText.File> files = new ArrayList<>();
    for (String[] glob : globs) {
      if (glob[0] == null) {
        continue;
      }
      List<Path> matches = List.of();
      for (Path base : dir == null ? List.of(Path.of("")) : List.of(dir, Path.of(""))) {
        try {
          matches = FileGlob.matches(base, glob[0]);
        } catch (IOException | RuntimeException e) {
          ctx.problem(glob[1], "cannot list the files of \"" + glob[0] + "\": " + e.getMessage());
          break;
        }
        if (!matches.isEmpty()) {
          break;
        }
      }
      if (matches.isEmpty()) {
        ctx.warn(glob[1], "\"" + glob[0] + "\" matches no file: its definitions are not imported");
      }
      for (Path file : matches) {
        try {
          // escaped, so that a directory or name with [ or * reads back as this file
          files.add(new GoTemplateText.File(FileGlob.escape(file.toAbsolutePath().normalize().toString()),
              Files.readString(file)));
        } catch (IOException | RuntimeException e) {
          ctx.problem(glob[1], "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
      }
    }
    return files;
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
