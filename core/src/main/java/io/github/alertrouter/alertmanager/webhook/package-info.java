/**
 * Alertmanager webhook payloads: read versions 4 and 3 (and Grafana's version 1, the same shape
 * with Grafana's fields) into {@link io.github.alertrouter.Alert}s, write version 4 byte for byte as
 * Alertmanager 0.25 does.
 *
 * <p>Entry point: {@link io.github.alertrouter.alertmanager.webhook.WebhookCodec}. Values:
 * {@link io.github.alertrouter.alertmanager.webhook.WebhookPayload} and
 * {@link io.github.alertrouter.alertmanager.webhook.WebhookAlert}. Malformed or oversized input is
 * refused with a {@link io.github.alertrouter.alertmanager.webhook.PayloadException} that names the
 * offending node by JSON pointer.
 *
 * <p>Nullness: nothing in this package accepts or returns {@code null} unless its Javadoc says so.
 */
package io.github.alertrouter.alertmanager.webhook;
