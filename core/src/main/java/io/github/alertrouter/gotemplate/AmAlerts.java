package io.github.alertrouter.gotemplate;

import java.util.List;

/**
 * Alertmanager's {@code template.Alerts} with {@code Firing} and {@code Resolved}, which return a
 * plain {@code []Alert} (no methods), as in Alertmanager 0.25.
 *
 * @param alerts the alerts in payload order
 * @param named true for the named type {@code template.Alerts}, false for {@code []template.Alert}
 */
public record AmAlerts(List<AmAlert> alerts, boolean named) implements GoValue {
  /** Copies the list. */
  public AmAlerts {
    alerts = List.copyOf(alerts);
  }

  @Override
  public String goType() {
    return named ? "template.Alerts" : "[]template.Alert";
  }

  @Override
  public List<?> asList() {
    return alerts;
  }

  @Override
  public void formatV(StringBuilder b) {
    GoFmt.formatV(b, alerts);
  }

  @Override
  public GoFunc method(String name) {
    if (!named) {
      return null;
    }
    return switch (name) {
      case "Firing" -> GoFunc.of(name, a -> withStatus("firing"));
      case "Resolved" -> GoFunc.of(name, a -> withStatus("resolved"));
      default -> null;
    };
  }

  private AmAlerts withStatus(String status) {
    return new AmAlerts(alerts.stream().filter(a -> a.status().equals(status)).toList(), false);
  }
}
