package io.github.alertrouter.cli;

import io.github.alertrouter.RouterStats;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code serve} counts for {@code GET /metrics}: alerts received, HTTP answers, messages
 * sent, retried and failed per robot (a {@link DeliveryListener} on every router the server
 * builds, so counts survive reloads), reloads; plus gauges read from the running router at scrape
 * time ({@link RouterStats}).
 *
 * <p>Label values are bounded sets: endpoints (unknown paths count as {@code other}), status
 * codes, robot ids and platforms from the config, {@link FailureKind} names. Nothing from an
 * alert or a request becomes a label. Thread-safe: request threads and delivery threads count
 * concurrently; a scrape reads a moment's values.
 */
final class ServeMetrics implements DeliveryListener {
  static final String PREFIX = "alert_router_";
  private static final BuildInfo BUILD = BuildInfo.current(); // read once: the jar does not change under a running server
  static final List<String> ENDPOINTS = List.of(
      "/api/v1/alertmanager", "/api/v1/alerts", "/api/v1/status", "/-/reload", "/healthz", "/metrics");

  private final ConcurrentMap<String, LongAdder> alertsReceived = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, LongAdder> responses = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, LongAdder> sent = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, LongAdder> withheld = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, LongAdder> retried = new ConcurrentHashMap<>();
  private final ConcurrentMap<List<String>, LongAdder> failed = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> merged = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> renderFailures = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> unresolvedMentions = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> omittedAlerts = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> readTimeouts = new ConcurrentHashMap<>();
  private final LongAdder requestsRefused = new LongAdder();
  private volatile boolean lastReloadSucceeded = true;
  private volatile Instant lastGoodConfigAt;
  // how long the state store's calls take (stores are wrapped only when they are durable)
  private final StoreTimings storeTimings = new StoreTimings();
  // entries the outbox keeps, read at scrape time; null: not shown
  private volatile java.util.function.LongSupplier outboxDepth;

  ServeMetrics(Instant started) {
    this.lastGoodConfigAt = started;
  }

  /** Where store calls are timed: wrap each durable seam with it. */
  StoreTimings storeTimings() {
    return storeTimings;
  }

  /** Shows {@code depth} (the outbox's entries) as a gauge; a failing read leaves it out of that scrape. */
  void outboxDepth(java.util.function.LongSupplier depth) {
    this.outboxDepth = depth;
  }

  /** {@code count} alerts accepted on {@code endpoint}. */
  void alertsReceived(String endpoint, int count) {
    alertsReceived.computeIfAbsent(endpoint, k -> new LongAdder()).add(count);
  }

  /** One HTTP answer; {@code path} is folded into a bounded set of endpoints. */
  void response(String path, int status) {
    count(responses, List.of(endpoint(path), Integer.toString(status)));
  }

  /** A request was cut off because its headers or body did not arrive in time ({@code phase}). */
  void readTimedOut(String phase) {
    readTimeouts.computeIfAbsent(phase, k -> new LongAdder()).increment();
  }

  /** A request was refused (its connection closed) because every request thread was busy and the queue full. */
  void requestRefused() {
    requestsRefused.increment();
  }

  /** A reload was tried at {@code at}. */
  void reloaded(boolean succeeded, Instant at) {
    lastReloadSucceeded = succeeded;
    if (succeeded) {
      lastGoodConfigAt = at;
    }
  }

  static String endpoint(String path) {
    if (ENDPOINTS.contains(path)) {
      return path;
    }
    if (path.startsWith("/actions/")) {
      return "/actions";
    }
    if (path.startsWith("/bind/")) {
      return "/bind";
    }
    if (TargetPath.matches(path)) {
      return TargetPath.ENDPOINT;
    }
    return "other";
  }

  @Override
  public void sent(DeliveryEvent event) {
    count(sent, List.of(event.robotId(), event.platform()));
    if (!event.withheld().isEmpty()) {
      withheld.computeIfAbsent(List.of(event.robotId(), event.platform()), k -> new LongAdder())
          .add(event.withheld().size());
    }
  }

  @Override
  public void retrying(DeliveryEvent event, Duration delay) {
    count(retried, List.of(event.robotId(), event.platform(), kind(event.result())));
  }

  @Override
  public void failed(DeliveryEvent event) {
    count(failed, List.of(event.robotId(), event.platform(), kind(event.result())));
  }

  @Override
  public void merged(String robotId, int notifications) {
    merged.computeIfAbsent(robotId, k -> new LongAdder()).add(notifications);
  }

  @Override
  public void omitted(String robotId, Notification notification, int alerts) {
    omittedAlerts.computeIfAbsent(robotId, k -> new LongAdder()).add(alerts);
  }

  @Override
  public void unresolvedMentions(String robotId, Notification notification, List<Mention> unresolved) {
    unresolvedMentions.computeIfAbsent(robotId, k -> new LongAdder()).add(unresolved.size());
  }

  @Override
  public void renderFailed(String robotId, Notification notification, String problem) {
    renderFailures.computeIfAbsent(robotId, k -> new LongAdder()).increment();
  }

  private static String kind(SendResult result) {
    return result.failureKind().map(Enum::name).orElse("NONE");
  }

  private static <K> void count(ConcurrentMap<K, LongAdder> counters, K key) {
    counters.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** The exposition of every metric, with the running router's {@code stats} and no lanes. */
  String scrape(RouterStats stats) {
    return scrape(stats, List.of(), Instant.EPOCH, true);
  }

  /**
   * The exposition of every metric, with the running router's {@code stats} ({@code null} when
   * the state store could not be read) and robot lanes at {@code now}.
   */
  String scrape(RouterStats stats, List<LaneStatus> lanes, Instant now, boolean active) {
    PrometheusText text = new PrometheusText();
    String n = PREFIX + "alerts_received_total";
    text.metric(n, "counter", "Alerts accepted, by endpoint.");
    sorted(alertsReceived).forEach((endpoint, v) -> text.sample(n, v, "endpoint", endpoint));

    String r = PREFIX + "http_responses_total";
    text.metric(r, "counter", "HTTP answers, by endpoint and status code.");
    sortedLists(responses).forEach((k, v) -> text.sample(r, v, "endpoint", k.get(0), "code", k.get(1)));

    String rt = PREFIX + "http_read_timeouts_total";
    text.metric(rt, "counter", "Requests whose headers or body did not arrive in time; their connection was closed.");
    sorted(readTimeouts).forEach((phase, v) -> text.sample(rt, v, "phase", phase));
    text.metric(PREFIX + "http_requests_refused_total", "counter",
            "Requests refused (connection closed) because every request thread was busy and the queue full.")
        .sample(PREFIX + "http_requests_refused_total", requestsRefused.sum());

    String s = PREFIX + "messages_sent_total";
    text.metric(s, "counter", "Messages a platform accepted, by robot.");
    sortedLists(sent).forEach((k, v) -> text.sample(s, v, "robot", k.get(0), "platform", k.get(1)));

    String w = PREFIX + "mentions_withheld_total";
    text.metric(w, "counter", "Planned mentions a sent message could not carry (e.g. @all refused by the group), by robot.");
    sortedLists(withheld).forEach((k, v) -> text.sample(w, v, "robot", k.get(0), "platform", k.get(1)));

    String t = PREFIX + "message_retries_total";
    text.metric(t, "counter", "Retryable send failures that were retried, by robot and failure kind.");
    sortedLists(retried).forEach((k, v) -> text.sample(t, v, "robot", k.get(0), "platform", k.get(1), "kind", k.get(2)));

    String f = PREFIX + "messages_failed_total";
    text.metric(f, "counter", "Messages given up on, by robot and failure kind.");
    sortedLists(failed).forEach((k, v) -> text.sample(f, v, "robot", k.get(0), "platform", k.get(1), "kind", k.get(2)));

    String m = PREFIX + "notifications_merged_total";
    text.metric(m, "counter", "Notifications merged into digests because a robot was saturated, by robot.");
    sorted(merged).forEach((robot, v) -> text.sample(m, v, "robot", robot));

    String o = PREFIX + "alerts_omitted_total";
    text.metric(o, "counter", "Alerts a message left out (over the platform's size limit, overflow: truncate) and only counted, by robot.");
    sorted(omittedAlerts).forEach((robot, v) -> text.sample(o, v, "robot", robot));

    String u = PREFIX + "unresolved_mentions_total";
    text.metric(u, "counter", "Mentions that could not be resolved to a platform identity, by robot.");
    sorted(unresolvedMentions).forEach((robot, v) -> text.sample(u, v, "robot", robot));

    String rf = PREFIX + "render_failures_total";
    text.metric(rf, "counter", "Notifications that could not be rendered for a robot.");
    sorted(renderFailures).forEach((robot, v) -> text.sample(rf, v, "robot", robot));

    BuildInfo build = BUILD;
    text.metric(PREFIX + "build_info", "gauge", "Always 1; the labels say which build runs, on which Java.")
        .sample(PREFIX + "build_info", 1, "version", build.version(), "java_version", build.javaVersion());

    text.metric(PREFIX + "store_up", "gauge", "Whether the state store answered this scrape (1) or not (0).")
        .sample(PREFIX + "store_up", stats == null ? 0 : 1);
    text.metric(PREFIX + "leases_held", "gauge",
            "Whether this instance holds the fleet's lease, so routes and sends (1; always, when it runs alone) or is a standby (0).")
        .sample(PREFIX + "leases_held", active ? 1 : 0);
    storeTimings.writeTo(text, PREFIX);
    Long depth = outboxDepthNow();
    if (depth != null) {
      text.metric(PREFIX + "outbox_entries", "gauge",
              "Deliveries the outbox keeps, waiting or out and not yet ended (with --storage.url: the fleet's).")
          .sample(PREFIX + "outbox_entries", depth);
    }
    if (stats != null) { // the router's counts: left out while the store cannot be reached
      text.metric(PREFIX + "alerts", "gauge",
              "Alerts held by the router, by state (in a fleet, the active member counts the fleet's; a standby 0).")
          .sample(PREFIX + "alerts", stats.firingAlerts(), "state", "firing")
          .sample(PREFIX + "alerts", stats.alerts() - stats.firingAlerts(), "state", "resolved");
      text.metric(PREFIX + "groups", "gauge", "Alert groups held by the router.")
          .sample(PREFIX + "groups", stats.groups());
      text.metric(PREFIX + "silences_active", "gauge", "Silences in effect now.")
          .sample(PREFIX + "silences_active", stats.activeSilences());
      text.metric(PREFIX + "notices_undelivered", "gauge",
              "Group notices to a robot that gave up; each is sent again at its group's next tick.")
          .sample(PREFIX + "notices_undelivered", stats.undeliveredNotices());
    }
    String q = PREFIX + "robot_queued_deliveries";
    text.metric(q, "gauge", "Deliveries queued or in flight in a robot's lane (kept while a penalty or backoff holds it).");
    List<LaneStatus> byRobot = lanes.stream()
        .sorted(java.util.Comparator.comparing(LaneStatus::robotId)).toList();
    byRobot.forEach(lane -> text.sample(q, lane.pending(), "robot", lane.robotId()));
    String pen = PREFIX + "robot_penalty_seconds";
    text.metric(pen, "gauge", "Seconds until the platform's throttling penalty on a robot ends (0: none).");
    byRobot.forEach(lane -> text.sample(pen, lane.penaltyEnds() == null ? 0
        : Math.max(0, java.time.Duration.between(now, lane.penaltyEnds()).toSeconds()), "robot", lane.robotId()));
    text.metric(PREFIX + "config_last_reload_successful", "gauge", "Whether the last reload was accepted (1) or refused (0).")
        .sample(PREFIX + "config_last_reload_successful", lastReloadSucceeded ? 1 : 0);
    text.metric(PREFIX + "config_last_reload_success_timestamp_seconds", "gauge",
            "When the running config was loaded, in seconds since the epoch.")
        .sample(PREFIX + "config_last_reload_success_timestamp_seconds", lastGoodConfigAt.getEpochSecond());
    return text.text();
  }

  private Long outboxDepthNow() {
    java.util.function.LongSupplier depth = outboxDepth;
    if (depth == null) {
      return null;
    }
    try {
      return depth.getAsLong();
    } catch (RuntimeException e) {
      return null; // the store is down: store_up says so
    }
  }

  // sorted output: scrapes of the same state read the same, which people and tests can diff
  private static Map<String, Long> sorted(ConcurrentMap<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static Map<List<String>, Long> sortedLists(ConcurrentMap<List<String>, LongAdder> counters) {
    Map<List<String>, Long> out = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
