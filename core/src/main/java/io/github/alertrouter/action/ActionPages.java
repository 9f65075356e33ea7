package io.github.alertrouter.action;

import static io.github.alertrouter.action.Html.escape;

import io.github.alertrouter.http.ActionHandler;
import io.github.alertrouter.http.Response;
import io.github.alertrouter.store.StandbyException;
import io.github.alertrouter.time.Durations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ActionHandler} of a router: action links ({@link ActionTokens}, performed on an
 * {@link ActionTarget}) and, when the router binds numbers, the {@link BindingPages}. Each page is
 * in English or Chinese, as the request asks ({@link PageText#of(Map, Map)}: a {@code ?lang=}
 * in the link, else {@code Accept-Language}).
 */
public final class ActionPages implements ActionHandler {
  private static final Logger log = LoggerFactory.getLogger(ActionPages.class);
  private static final String PREFIX = "/actions/";

  private final ActionTokens tokens;
  private final ActionTarget target;
  private final BindingPages bindingPages;

  public ActionPages(ActionTokens tokens, ActionTarget target) {
    this(tokens, target, null);
  }

  /** A handler that also serves the binding pages under {@code /bind/} (when {@code bindingPages} is not null). */
  public ActionPages(ActionTokens tokens, ActionTarget target, BindingPages bindingPages) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.target = Objects.requireNonNull(target, "target");
    this.bindingPages = bindingPages;
  }

  @Override
  public Response handle(String method, String path, Map<String, List<String>> query, byte[] body) {
    return handle(method, path, query, Map.of(), body);
  }

  /** Handles one request, its pages in the language {@link PageText#of(Map, Map)} picks. */
  @Override
  public Response handle(String method, String path, Map<String, List<String>> query,
      Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    PageText text = PageText.of(query, headers);
    if (bindingPages != null && path.startsWith(BindingPages.PREFIX)) {
      return bindingPages.handle(method, path, body, text);
    }
    if (!path.startsWith(PREFIX) || path.length() == PREFIX.length() || path.indexOf('/', PREFIX.length()) >= 0) {
      return page(404, text, text.notFound(), text.nothingHere());
    }
    String token = path.substring(PREFIX.length());
    return switch (method) {
      case "GET" -> confirm(tokens.verify(token), text);
      case "POST" -> perform(tokens.verify(token), body, text);
      default -> page(405, text, text.methodNotAllowed(), text.getAndPostOnly());
    };
  }

  private static String what(ActionToken t, PageText text) {
    return t.silenceFor().map(d -> text.silenceFor(Durations.format(d))).orElse(text.action(t.action()));
  }

  private Response confirm(Verified verified, PageText text) {
    if (!(verified instanceof Verified.Valid valid)) {
      return refused(verified, text);
    }
    ActionToken t = valid.token();
    String what = what(t, text);
    // no action attribute: the form posts to this page's URL, its ?lang= included
    String body = "<p>" + escape(text.confirmIntro(what)) + "</p>\n"
        + "<p><code>" + escape(t.groupKey()) + "</code></p>\n"
        + "<form method=\"post\">"
        + "<p><label>" + escape(text.yourName() + text.colon()) + "<input name=\"who\" maxlength=\"" + WhoField.MAX_LENGTH
        + "\"></label></p>"
        + "<p><button type=\"submit\">" + escape(what) + "</button></p></form>\n"
        + "<p><small>" + escape(text.linkWorksOnce(t.expiresAt().toString())) + "</small></p>";
    return new Response(200, Response.HTML, Html.page(text, text.confirmTitle(what), body));
  }

  private Response perform(Verified verified, byte[] body, PageText text) {
    if (!(verified instanceof Verified.Valid valid)) {
      return refused(verified, text);
    }
    ActionToken t = valid.token();
    if (!tokens.markUsed(t)) {
      return refused(new Verified.Replayed(), text); // another request claimed it since verify
    }
    String who = WhoField.parse(body);
    boolean changed;
    try {
      changed = switch (t.action()) {
        case ACKNOWLEDGE -> target.acknowledge(t.groupKey(), who);
        case UNACKNOWLEDGE -> target.unacknowledge(t.groupKey(), who);
        case RESOLVE -> target.resolve(t.groupKey(), who);
        case SILENCE -> target.silence(t.groupKey(), t.silenceFor().orElseThrow(), who);
      };
    } catch (StandbyException e) {
      tokens.release(t);
      log.info("action {} on group {} reached a standby; the link can be used again", t.action(), t.groupKey());
      return page(503, text, text.standbyTitle(), text.standbyText());
    } catch (RuntimeException e) {
      tokens.release(t);
      log.warn("action {} on group {} failed; the link can be used again", t.action(), t.groupKey(), e);
      return page(500, text, text.failedTitle(), text.failedText());
    }
    String duration = t.silenceFor().map(Durations::format).orElse(null);
    return page(200, text, text.doneTitle(text.action(t.action())), text.result(t.action(), changed, duration));
  }

  private static Response refused(Verified verified, PageText text) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete
    int status;
    String title;
    if (verified instanceof Verified.Expired) {
      status = 410;
      title = text.expiredTitle();
    } else if (verified instanceof Verified.Replayed) {
      status = 409;
      title = text.usedTitle();
    } else {
      status = 400;
      title = text.invalidTitle();
    }
    return page(status, text, title, text.refused(verified));
  }

  private static Response page(int status, PageText language, String title, String text) {
    return new Response(status, Response.HTML, Html.message(language, title, text));
  }
}
