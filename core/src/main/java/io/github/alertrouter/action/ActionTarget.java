package io.github.alertrouter.action;

import java.time.Duration;

/**
 * What an {@link ActionHandler} calls to perform a verified action; the router (or a test fake)
 * implements it. Each method returns a short human message for the result page, e.g.
 * {@code "Acknowledged by alice"}; the handler HTML-escapes it.
 *
 * <p>{@code who} is the name the person typed on the confirmation page, or {@code "someone"}; it
 * is not authenticated — the signed token is the authority. A method may throw to report failure:
 * the handler then shows a generic error page and lets the link be used again.
 *
 * <p>Implementations must be thread-safe: a server calls the handler from many threads. Arguments
 * are never {@code null}; results must not be.
 */
public interface ActionTarget {
  String acknowledge(String groupKey, String who);

  String unacknowledge(String groupKey, String who);

  String resolve(String groupKey, String who);

  String silence(String groupKey, Duration duration, String who);
}
