/**
 * Action links: signed, expiring, single-use URLs in chat messages that acknowledge, resolve or
 * silence an alert group.
 *
 * <p>{@link io.github.alertrouter.action.ActionTokens} issues and verifies the tokens (HMAC-SHA256,
 * base64url, key rotation, replay refused through {@link io.github.alertrouter.store.UsedTokens});
 * {@link io.github.alertrouter.action.ActionLinks} turns them into absolute URLs;
 * {@link io.github.alertrouter.http.ActionHandler} serves them without a web framework — a GET
 * only shows a confirmation page, a POST performs the action through an
 * {@link io.github.alertrouter.action.ActionTarget}; {@link
 * io.github.alertrouter.http.JdkHttpServerAdapter} mounts the handler on the JDK's HTTP server.
 *
 * <p>The signing key is a {@link io.github.alertrouter.config.Secret} and appears in no message,
 * page, log line or {@code toString}. Time comes from an injected {@code Clock}. All types are
 * thread-safe; no method accepts or returns {@code null}.
 */
package io.github.alertrouter.action;
