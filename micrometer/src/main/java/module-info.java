/**
 * Micrometer meters for alert-router: one binder, {@link
 * io.github.alertrouter.micrometer.AlertRouterMetrics}, that is both the router's delivery listener
 * and a Micrometer {@code MeterBinder}.
 */
// micrometer-core has no module descriptor, only an Automatic-Module-Name; its types are in this
// module's API (MeterBinder, MeterRegistry, Tag), so a reader of this module reads it too
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.alertrouter.micrometer {
  requires transitive io.github.alertrouter.core;
  requires transitive micrometer.core;

  exports io.github.alertrouter.micrometer;
}
