package io.github.alertrouter.preview;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.internal.preview.PreviewJson;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The preview document: what the router would do with some alerts at one instant, without sending
 * anything. Its JSON form ({@link #toJson()}) is stable: fields are only ever added, never
 * renamed; times are RFC 3339 UTC. {@code notifications} is written as {@code []} until the
 * delivery engine exists. Immutable and thread-safe.
 *
 * @param at the instant the preview is computed for
 * @param alerts one entry per input alert, in input order
 */
public record RoutingPreview(Instant at, List<AlertPreview> alerts) {
  public RoutingPreview {
    Objects.requireNonNull(at, "at");
    alerts = List.copyOf(alerts);
  }

  /** Previews {@code alerts} against the policies of {@code config} at {@code at}. */
  public static RoutingPreview of(RouterConfig config, List<Alert> alerts, Instant at) {
    return of(RoutingTree.compile(config.notificationPolicies()), alerts, at);
  }

  /** Previews {@code alerts} against an already compiled routing tree at {@code at}. */
  public static RoutingPreview of(RoutingTree routes, List<Alert> alerts, Instant at) {
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
          List.of(),
          false,
          policies));
    }
    return new RoutingPreview(at, previews);
  }

  /** The preview document as pretty-printed JSON, ending with a newline. */
  public String toJson() {
    return PreviewJson.write(this);
  }
}
