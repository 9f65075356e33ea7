/**
 * Spring Boot auto-configuration for alert-router: a {@link io.github.alertrouter.AlertRouter}
 * bean built from {@code alert-router.config-location} (or the application's own
 * {@link io.github.alertrouter.config.RouterConfig} bean) with the platform modules on the class
 * path, an Actuator health indicator, Micrometer meters and an optional Alertmanager webhook
 * endpoint. {@link io.github.alertrouter.spring.AlertRouterProperties} lists the properties.
 */
package io.github.alertrouter.spring;
