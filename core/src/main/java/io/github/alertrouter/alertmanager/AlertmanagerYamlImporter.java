package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.TimeInterval;
import io.github.alertrouter.config.TreeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code alertmanager.yml} (0.25 schema) into a {@link RouterConfig}. Stateless between
 * calls and thread-safe.
 */
final class AlertmanagerYamlImporter {
  private static final Set<String> TOP_FIELDS =
      Set.of("route", "receivers", "inhibit_rules", "time_intervals", "mute_time_intervals");
  private static final Map<String, String> TOP_SKIPPED = Map.of(
      "global", "global settings (SMTP, Slack, ... defaults) have no alert-router equivalent",
      "templates", "Go templates are not used; alert-router renders messages per platform");

  private AlertmanagerYamlImporter() {}

  /**
   * Imports the YAML text.
   *
   * @throws ConfigException listing every problem, with Alertmanager config paths
   */
  public static AlertmanagerImport importYaml(String yaml, String source) {
    JsonNode root;
    try {
      // Scalars are kept as written ("yes", "0x1F", "1.50" stay text), as Go's YAML decoder does
      // when it fills a string field.
      root = TreeReader.read(yaml, false);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, List.of(new ConfigProblem("", "not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"))));
    } catch (IOException e) {
      throw new ConfigException(source, List.of(new ConfigProblem("", "not valid YAML: " + e.getMessage())));
    }
    ImportContext ctx = new ImportContext();
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(source, List.of(new ConfigProblem("route", "no route provided in config")));
    }
    if (!ctx.requireMap(root, "")) {
      throw new ConfigException(source, ctx.problems);
    }
    ctx.checkFields(root, "", TOP_FIELDS, TOP_SKIPPED);

    ReceiverImporter robots = new ReceiverImporter(ctx);
    Map<String, ReceiverImporter.Imported> receivers = receivers(root.get("receivers"), ctx, robots);
    TimeIntervalImporter intervals = new TimeIntervalImporter(ctx);
    List<TimeInterval> timeIntervals = new ArrayList<>(intervals.importAll(root.get("mute_time_intervals"), "mute_time_intervals"));
    timeIntervals.addAll(intervals.importAll(root.get("time_intervals"), "time_intervals"));
    Set<String> intervalNames = new HashSet<>();
    for (TimeInterval interval : timeIntervals) {
      if (!intervalNames.add(interval.name())) {
        ctx.problem("time_intervals", "time interval \"" + interval.name() + "\" is not unique");
      }
    }
    NotificationPolicy policy = new RouteImporter(ctx, receivers, intervalNames).importRoot(root.get("route"));
    var inhibitRules = new InhibitRuleImporter(ctx).importAll(root.get("inhibit_rules"));

    if (!ctx.problems.isEmpty()) {
      throw new ConfigException(source, ctx.problems);
    }
    RouterConfig.Builder config = RouterConfig.builder();
    robots.contacts().forEach(config::contact);
    robots.robots().forEach(config::robot);
    config.notificationPolicy(policy);
    inhibitRules.forEach(config::inhibitRule);
    timeIntervals.forEach(config::timeInterval);
    return new AlertmanagerImport(config.build(), ctx.warnings);
  }

  /** Receivers by name, each with the robots its webhook_configs became. */
  private static Map<String, ReceiverImporter.Imported> receivers(JsonNode node, ImportContext ctx,
      ReceiverImporter robots) {
    Map<String, ReceiverImporter.Imported> receivers = new LinkedHashMap<>();
    ctx.list(node, "receivers", e -> {
      if (!ctx.requireMap(e.node(), e.path())) {
        return null;
      }
      String name = ctx.text(e.node().get("name"), e.path() + ".name");
      if (name == null || name.isEmpty()) {
        ctx.problem(e.path() + ".name", "missing name in receiver");
        return null;
      }
      if (receivers.containsKey(name)) {
        ctx.problem(e.path() + ".name", "notification config name \"" + name + "\" is not unique");
        return null;
      }
      receivers.put(name, robots.importReceiver(name, e.node(), e.path()));
      return name;
    });
    return receivers;
  }
}
