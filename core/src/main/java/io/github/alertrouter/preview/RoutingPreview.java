package io.github.alertrouter.preview;

import io.github.alertrouter.Alert;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.inhibit.Inhibitor;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import io.github.alertrouter.silence.Silencer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The preview document: what the router would do with some alerts at one instant, without sending
 * anything. Its JSON form ({@link #toJson()}) is stable: fields are only ever added, never
 * renamed; times are RFC 3339 UTC. Immutable and thread-safe.
 *
 * @param at the instant the preview is computed for
 * @param alerts one entry per input alert, in input order
 * @param notifications the first notification of each group the firing alerts form, per robot,
 *     rendered by the robot's platform module; in group order, then robot order
 */
public record RoutingPreview(Instant at, List<AlertPreview> alerts, List<NotificationPreview> notifications) {
  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a component is null
   */
  public RoutingPreview {
    Objects.requireNonNull(at, "at");
    alerts = List.copyOf(alerts);
    notifications = List.copyOf(notifications);
  }

  /**
   * Previews {@code alerts} against {@code config} at {@code at}, rendering notifications with the
   * platform modules on the class path.
   */
  public static RoutingPreview of(RouterConfig config, List<Alert> alerts, Instant at) {
    return of(config, alerts, at, Platforms.load());
  }

  /** Previews {@code alerts} against {@code config} at {@code at}, rendering with {@code platforms}. */
  public static RoutingPreview of(RouterConfig config, List<Alert> alerts, Instant at, Platforms platforms) {
    return of(config, alerts, at, platforms, config.silences(), null);
  }

  /**
   * Previews {@code alerts} with these silences (a running router's, which may have been added at
   * run time) and the bindings policies with {@code requireBinding} check ({@code null}: nobody
   * has bound a number). An alert is {@code silencedBy} the silences active at {@code at} that
   * match it and {@code inhibited} when a firing alert among {@code alerts} inhibits it; neither
   * kind is in any notification.
   */
  public static RoutingPreview of(RouterConfig config, List<Alert> alerts, Instant at, Platforms platforms,
      List<Silence> silences, BindingService bindings) {
    Silencer silencer = Silencer.of(silences);
    RoutingTree routes = RoutingTree.compile(config.notificationPolicies());
    Inhibitor inhibitor = Inhibitor.of(config.inhibitRules());
    alerts.forEach(inhibitor::observe);
    List<AlertPreview> previews = routing(routes, alerts, at, silencer, inhibitor);
    List<Alert> notified = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      if (previews.get(i).silencedBy().isEmpty() && !previews.get(i).inhibited()) {
        notified.add(alerts.get(i));
      }
    }
    return new RoutingPreview(at, previews,
        NotificationPreviews.of(config, routes, notified, at, platforms, bindings));
  }

  private static List<AlertPreview> routing(
      RoutingTree routes, List<Alert> alerts, Instant at, Silencer silencer, Inhibitor inhibitor) {
    List<AlertPreview> previews = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      List<PolicyMatchPreview> policies = new ArrayList<>();
      for (RouteMatch match : routes.match(alert.labels())) {
        policies.add(new PolicyMatchPreview(
            match.settings().name(),
            match.routeKey(),
            match.groupKey(alert.labels()),
            match.groupLabels(alert.labels())));
      }
      previews.add(new AlertPreview(
          alert.fingerprint(),
          alert.isResolvedAt(at) ? "resolved" : "firing",
          alert.labels(),
          silencer.silencedBy(alert.labels(), at),
          inhibitor.inhibited(alert, at),
          policies));
    }
    return previews;
  }

  /** The preview document as pretty-printed JSON, ending with a newline. */
  public String toJson() {
    return PreviewJson.write(this);
  }
}
