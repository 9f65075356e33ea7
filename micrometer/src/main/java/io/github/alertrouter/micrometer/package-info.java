/**
 * Micrometer meters for an embedded router: {@link
 * io.github.alertrouter.micrometer.AlertRouterMetrics} counts deliveries as a delivery listener
 * and reads the router's state as gauges; {@code docs/micrometer.md} lists every meter.
 */
package io.github.alertrouter.micrometer;
