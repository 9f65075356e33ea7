package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.ConfigWriter;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Alertmanager's {@code receivers} into robots: each {@code webhook_configs} entry whose URL
 * is a chat robot (a DingTalk, WeCom or Lark webhook), a prometheus-webhook-dingtalk target
 * ({@code /dingtalk/<target>/send}) or a PrometheusAlert endpoint ({@code /prometheusalert?type=dd
 * &ddurl=…}, {@code /prometheus/router?…}) becomes a robot of that platform; PrometheusAlert's
 * {@code at} numbers become contacts the receiver @s. {@code send_resolved} becomes the policy's
 * resolved notices, and {@code max_alerts} the robots' {@code maxAlerts} (a robot that two entries
 * share keeps the first entry's, with a warning when the other differs). Whatever cannot be
 * carried is a warning naming its path, and no webhook URL (they hold access tokens) appears in
 * one. Not thread-safe: one per import.
 */
final class ReceiverImporter {
  private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "url_file", "send_resolved", "max_alerts", "http_config");
  private static final Pattern WEBHOOK_DINGTALK_TARGET = Pattern.compile("/dingtalk/([^/]+)/send/?");
  private static final Pattern ROBOT_ID = Pattern.compile("[^A-Za-z0-9_.-]+");
  // a robot whose URL lives in another program's config: this stands in until ROBOT_<ID>_WEBHOOK is set
  static final String UNKNOWN_DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=";
  // PrometheusAlert's type parameter and the URL parameter that names its robots, per platform
  private static final Map<String, String> PA_TYPES = Map.of("dd", "dingtalk", "wx", "wecom", "fs", "lark");
  private static final Map<String, String> PA_URL_PARAMS = Map.of("ddurl", "dingtalk", "wxurl", "wecom", "fsurl", "lark");

  /**
   * What a receiver became.
   *
   * @param robots ids of its robots, in the order of its webhook_configs
   * @param mentions mention targets ({@code contact:ID}) of the people its URLs @
   * @param sendResolved {@code false} when its webhook_configs turn resolved notices off, else {@code null}
   */
  record Imported(List<String> robots, List<String> mentions, Boolean sendResolved) {}

  private final ImportContext ctx;
  private final Map<String, Robot> robots = new LinkedHashMap<>();
  /** Where each robot was first made: the webhook_configs entry its maxAlerts came from. */
  private final Map<String, String> madeAt = new LinkedHashMap<>();
  private final Map<String, Contact> contacts = new LinkedHashMap<>();

  ReceiverImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** The robots made so far, each once. */
  List<Robot> robots() {
    return List.copyOf(robots.values());
  }

  /** The contacts made so far (PrometheusAlert's {@code at} numbers), each once. */
  List<Contact> contacts() {
    return List.copyOf(contacts.values());
  }

  /** One receiver's integrations, {@code node} being its map at {@code path}. */
  Imported importReceiver(String name, JsonNode node, String path) {
    List<String> ids = new ArrayList<>();
    Set<String> mentions = new LinkedHashSet<>();
    Set<Boolean> resolved = new LinkedHashSet<>();
    List<String> others = new ArrayList<>();
    for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!field.equals("name") && !field.equals("webhook_configs")) {
        others.add(field);
      }
    }
    ctx.list(node.get("webhook_configs"), path + ".webhook_configs", e -> {
      if (ctx.requireMap(e.node(), e.path())) {
        Boolean sendResolved = webhook(name, e.node(), e.path(), ids, mentions);
        resolved.add(sendResolved == null || sendResolved);
      }
      return null;
    });
    if (!others.isEmpty()) {
      ctx.warn(path, "receiver \"" + name + "\": " + String.join(", ", others) + " not imported"
          + (ids.isEmpty() ? "; policy \"" + name + "\" routes to no robot until notifyRule.robots is set" : ""));
    } else if (ids.isEmpty() && node.has("webhook_configs")) {
      ctx.warn(path, "receiver \"" + name + "\": no webhook_configs URL is a chat robot; policy \"" + name
          + "\" routes to no robot until notifyRule.robots is set");
    }
    if (resolved.size() > 1) {
      ctx.warn(path + ".webhook_configs", "receiver \"" + name + "\": send_resolved differs between its"
          + " webhook_configs; alert-router sends resolved notices per policy, so all of them get them");
    }
    Boolean sendResolved = resolved.equals(Set.of(false)) ? Boolean.FALSE : null;
    return new Imported(List.copyOf(ids), List.copyOf(mentions), sendResolved);
  }

  /** One webhook_configs entry; returns its send_resolved (null: Alertmanager's default, true). */
  private Boolean webhook(String receiver, JsonNode node, String path, List<String> ids, Set<String> mentions) {
    ctx.checkFields(node, path, WEBHOOK_FIELDS, Map.of());
    Boolean sendResolved = ctx.bool(node.get("send_resolved"), path + ".send_resolved");
    Entry entry = new Entry(path, maxAlerts(node.get("max_alerts"), path + ".max_alerts"));
    if (node.has("http_config")) {
      ctx.warn(path + ".http_config", "http_config not imported: alert-router posts to the platform itself"
          + " (its signing secret and keyword are robot settings)");
    }
    if (node.has("url_file")) {
      ctx.warn(path + ".url_file", "url_file not imported: its URL is not in this file; add a robot for it by hand");
      return sendResolved;
    }
    String url = ctx.text(node.get("url"), path + ".url");
    if (url == null || url.isEmpty()) {
      ctx.problem(path + ".url", "one of url or url_file must be configured");
      return sendResolved;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      ctx.problem(path + ".url", "unsupported URL (value not shown: it may hold a token)");
      return sendResolved;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String rawPath = uri.getPath() == null ? "" : uri.getPath();
    String direct = robotPlatform(host, rawPath);
    Matcher target = WEBHOOK_DINGTALK_TARGET.matcher(rawPath);
    if (direct != null) {
      add(ids, robot(receiver, direct, url, entry, null));
    } else if (target.matches()) {
      add(ids, robot(target.group(1), "dingtalk", UNKNOWN_DINGTALK, entry,
          "the url of prometheus-webhook-dingtalk's target \"" + target.group(1) + "\" in its config.yml"
              + " (and add secret: if the target has one)"));
    } else if (rawPath.equals("/prometheusalert") || rawPath.startsWith("/prometheus/router")) {
      prometheusAlert(receiver, uri, entry, ids, mentions);
    } else {
      ctx.warn(path + ".url", "receiver \"" + receiver + "\": the webhook URL is not a DingTalk, WeCom or Lark"
          + " robot, a prometheus-webhook-dingtalk target or a PrometheusAlert endpoint; not imported");
    }
    return sendResolved;
  }

  /**
   * One webhook_configs entry, for the robots it makes: where it is and its {@code max_alerts}.
   *
   * @param maxAlerts the robots' {@code maxAlerts}, 0 for none (Alertmanager's default: no limit)
   */
  private record Entry(String path, int maxAlerts) {}

  /**
   * {@code max_alerts} as a robot's {@code maxAlerts}: 0 when absent or 0 (no limit), a problem when
   * Alertmanager would refuse it (it is an unsigned whole number).
   */
  private int maxAlerts(JsonNode node, String path) {
    String text = ctx.text(node, path);
    if (text == null || text.isEmpty()) {
      return 0;
    }
    if (!text.matches("[0-9]+")) {
      ctx.problem(path, "must be a whole number >= 0 (0: no limit), but was " + node);
      return 0;
    }
    String digits = text.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 9) { // more alerts than any chat message holds: no limit in effect
      ctx.warn(path, "max_alerts " + text + " not carried: no message holds that many alerts");
      return 0;
    }
    return Integer.parseInt(digits);
  }

  /** PrometheusAlert: robots from its URL parameters (comma-separated lists), contacts from {@code at}. */
  private void prometheusAlert(String receiver, URI uri, Entry entry, List<String> ids, Set<String> mentions) {
    String path = entry.path();
    Map<String, String> query = query(uri.getRawQuery());
    String typed = PA_TYPES.get(query.getOrDefault("type", ""));
    int before = ids.size();
    for (Map.Entry<String, String> param : PA_URL_PARAMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      String urls = query.get(param.getKey());
      if (urls == null || urls.isBlank() || typed != null && !typed.equals(param.getValue())) {
        continue;
      }
      for (String url : urls.split(",")) {
        if (!url.isBlank()) {
          add(ids, robot(receiver, param.getValue(), url.strip(), entry, null));
        }
      }
    }
    if (ids.size() == before) {
      ctx.warn(path + ".url", "receiver \"" + receiver + "\": a PrometheusAlert URL without a DingTalk, WeCom"
          + " or Lark robot (type dd, wx or fs with ddurl, wxurl or fsurl); not imported");
      return;
    }
    if (query.containsKey("tpl")) {
      ctx.warn(path + ".url", "receiver \"" + receiver + "\": PrometheusAlert template \"" + query.get("tpl")
          + "\" not imported: messages use alert-router's layouts");
    }
    String at = query.get("at");
    if (at != null) {
      for (String mobile : at.split(",")) {
        String number = mobile.strip();
        if (number.matches("\\+?[0-9][0-9 -]{4,}")) {
          String id = "mobile-" + number.replaceAll("[^0-9]", "");
          contacts.putIfAbsent(id, Contact.builder(id).mobile(number).build());
          mentions.add("contact:" + id);
        } else if (!number.isEmpty()) {
          ctx.warn(path + ".url", "receiver \"" + receiver + "\": at \"" + number + "\" is not a mobile number;"
              + " not imported (add a contact with its user id)");
        }
      }
    }
  }

  /**
   * A robot for {@code url}, its id from {@code base} (the same robot again when another entry
   * names the same URL, or the same webhook-dingtalk target); {@code null} when the URL is not one.
   * Warns which variable to set, never with the URL; and, when the robot was made before by an
   * entry with another {@code max_alerts}, that the first entry's is kept.
   *
   * @param entry the webhook_configs entry that names it, with its {@code max_alerts}
   * @param unknownUrl where the robot's real URL is, when {@code url} only stands in for it
   */
  private String robot(String base, String platform, String url, Entry entry, String unknownUrl) {
    String where = entry.path() + ".url";
    String stem = ROBOT_ID.matcher(base).replaceAll("-");
    for (Robot existing : robots.values()) {
      boolean sameUrl = existing.platform().equals(platform) && existing.webhook().reveal().equals(url);
      if (sameUrl && (unknownUrl == null || existing.id().equals(stem))) {
        if (existing.maxAlerts() != entry.maxAlerts()) {
          // one robot has one maxAlerts: the first entry's, so that adding an entry changes no robot
          ctx.warn(entry.path() + ".max_alerts", "robot \"" + existing.id() + "\" was made by "
              + madeAt.get(existing.id()) + " with " + maxAlertsText(existing.maxAlerts()) + ", which is kept;"
              + " this entry's " + maxAlertsText(entry.maxAlerts()) + " is not carried (a robot has one maxAlerts)");
        }
        return existing.id();
      }
    }
    String id = stem;
    for (int n = 2; robots.containsKey(id); n++) {
      id = stem + "-" + n;
    }
    try {
      Robot.Builder robot = Robot.builder(id, platform, Secret.of(url));
      if (entry.maxAlerts() > 0) {
        robot.maxAlerts(entry.maxAlerts());
      }
      robots.put(id, robot.build());
      madeAt.put(id, entry.path());
    } catch (RuntimeException e) {
      ctx.warn(where, "robot \"" + id + "\" not imported: its URL is not an http(s) URL (value not shown)");
      return null;
    }
    ctx.warn(where, "robot \"" + id + "\" (" + platform + "): set " + ConfigWriter.placeholderVariable(id, "WEBHOOK")
        + " to " + (unknownUrl != null ? unknownUrl : "this URL (not printed: it holds the access token)")
        + (platform.equals("dingtalk") && unknownUrl == null ? "; if the robot signs, add secret:" : ""));
    return id;
  }

  private static String maxAlertsText(int maxAlerts) {
    return maxAlerts == 0 ? "no max_alerts (no limit)" : "max_alerts " + maxAlerts;
  }

  /** The platform of a robot webhook URL, or {@code null} when it is none of the three. */
  static String robotPlatform(String host, String path) {
    if (host.equals("oapi.dingtalk.com") && path.startsWith("/robot/send")) {
      return "dingtalk";
    }
    if (host.equals("qyapi.weixin.qq.com") && path.startsWith("/cgi-bin/webhook/send")) {
      return "wecom";
    }
    if ((host.equals("open.feishu.cn") || host.equals("open.larksuite.com")) && path.startsWith("/open-apis/bot/v2/hook/")) {
      return "lark";
    }
    return null;
  }

  private static void add(List<String> ids, String id) {
    if (id != null && !ids.contains(id)) {
      ids.add(id);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }
}
