/**
 * Alertmanager 0.25 interop for configuration: {@link
 * io.github.alertrouter.alertmanager.AlertmanagerConfigImporter} turns an {@code alertmanager.yml}
 * into a {@link io.github.alertrouter.config.RouterConfig}, and {@link
 * io.github.alertrouter.alertmanager.AlertmanagerMatchers} parses matcher strings exactly as
 * Alertmanager does. Webhook payloads are in {@code .webhook}.
 */
package io.github.alertrouter.alertmanager;
