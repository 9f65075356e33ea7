package io.github.alertrouter.http;

import java.util.List;
import java.util.Map;

/**
 * Serves the links a router puts in its messages (acknowledge, resolve, bind a number) without
 * any web framework: a server passes each request in and writes the
 * {@link Response} out ({@link JdkHttpServerAdapter} does this for the JDK's own server).
 *
 * <ul>
 *   <li>{@code GET /actions/{token}} shows a confirmation page with a POST form and changes
 *       nothing — chat apps fetch links to render previews, so a GET must be harmless.
 *   <li>{@code POST /actions/{token}} claims the token (atomically, so two clicks cannot both act),
 *       performs the action on the alert group, and shows the result. If the target
 *       throws, the claim is released so the link can be tried again, and a generic 500 page is
 *       shown. The form field {@code who} (optional, at most 64 characters) names the person.
 *   <li>Malformed or tampered tokens give 400, expired 410, already used 409; nothing changes.
 *   <li>Any other path gives 404; another method on an action path gives 405.
 * </ul>
 *
 * Every value in a page is HTML-escaped; pages never contain the token, the key or exception text.
 * The path is the request path relative to where the handler is mounted; the query is ignored.
 *
 * <p>Thread-safe. No argument may be {@code null}. A router hands its own out through
 * {@code AlertRouter.actionHandler()}.
 */
public interface ActionHandler {
  /** Handles one request; never throws for bad input. */
  Response handle(String method, String path, Map<String, List<String>> query, byte[] body);
}
