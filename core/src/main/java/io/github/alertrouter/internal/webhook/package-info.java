/**
 * Implementation of {@link io.github.alertrouter.alertmanager.webhook.WebhookCodec}: a streaming
 * reader, a writer that reproduces Go's {@code encoding/json} bytes, and Go's RFC 3339 time format.
 * Not API; may change in any release.
 */
package io.github.alertrouter.internal.webhook;
