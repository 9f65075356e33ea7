package io.github.alertrouter.action;

import java.time.Duration;

/**
 * What an {@link ActionHandler} calls to perform a verified action; the router (or a test fake)
 * implements it. Each method returns whether there was something to do (a group to claim, alerts
 * to resolve or silence); the handler words the result page in the request's language.
 *
 * <p>{@code who} is the name the person typed on the confirmation page, or {@code "someone"}
 * ({@link io.github.alertrouter.notify.Notification#SOMEONE}); it
 * is not authenticated — the signed token is the authority. A method may throw to report failure:
 * the handler then shows a generic error page and lets the link be used again.
 *
 * <p>Implementations must be thread-safe: a server calls the handler from many threads. Arguments
 * are never {@code null}.
 */
public interface ActionTarget {
  boolean acknowledge(String groupKey, String who);

  boolean unacknowledge(String groupKey, String who);

  boolean resolve(String groupKey, String who);

  boolean silence(String groupKey, Duration duration, String who);
}
