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
 * The path is the request path relative to where the handler is mounted. A page is in English or
 * Chinese ({@code <html lang="en">}, {@code <html lang="zh-CN">}): as the query parameter
 * {@code lang} says ({@code ?lang=zh-CN}), else as the {@code Accept-Language} header prefers
 * ({@code zh…} Chinese, {@code en…} or {@code *} English), else English; other query parameters are
 * ignored. A server that has the headers calls
 * {@link #handle(String, String, Map, Map, byte[])}.
 *
 * <p>Thread-safe. No argument may be {@code null}. A router hands its own out through
 * {@code AlertRouter.actionHandler()}.
 */
public interface ActionHandler {
  /**
   * Handles one request without its headers (pages in English unless the query names a language);
   * never throws for bad input.
   */
  Response handle(String method, String path, Map<String, List<String>> query, byte[] body);

  /**
   * Handles one request with its headers (names in any case, as a server hands them over), so that
   * {@code Accept-Language} can choose the pages' language; never throws for bad input. By
   * default the headers are ignored.
   */
  default Response handle(String method, String path, Map<String, List<String>> query,
      Map<String, List<String>> headers, byte[] body) {
    return handle(method, path, query, body);
  }
}
