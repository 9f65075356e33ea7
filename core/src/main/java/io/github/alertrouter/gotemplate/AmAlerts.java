package io.github.alertrouter.gotemplate;

import java.util.List;

/**
 * Alertmanager's {@code template.Alerts} ({@code []Alert}) with {@code Firing} and {@code Resolved}.
 *
 * @param alerts the alerts in payload order
 */
public record AmAlerts(List<AmAlert> alerts) implements GoValue {
  /** Copies the list. */
  public AmAlerts {
    alerts = List.copyOf(alerts);
  }

  @Override
  public String goType() {
    return "template.Alerts";
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
    return switch (name) {
      case "Firing" -> GoFunc.of(name, a -> withStatus("firing"));
      case "Resolved" -> GoFunc.of(name, a -> withStatus("resolved"));
      default -> null;
    };
  }

  private AmAlerts withStatus(String status) {
    return new AmAlerts(alerts.stream().filter(a -> a.status().equals(status)).toList());
  }
}
