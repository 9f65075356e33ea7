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
 * {@link ActionTarget}) and, when the router binds numbers, the {@link BindingPages}.
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
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(body, "body");
    if (bindingPages != null && path.startsWith(BindingPages.PREFIX)) {
      return bindingPages.handle(method, path, body);
    }
    if (!path.startsWith(PREFIX) || path.length() == PREFIX.length() || path.indexOf('/', PREFIX.length()) >= 0) {
      return page(404, "Not found", "There is nothing here.");
    }
    String token = path.substring(PREFIX.length());
    return switch (method) {
      case "GET" -> confirm(tokens.verify(token));
      case "POST" -> perform(tokens.verify(token), body);
      default -> page(405, "Method not allowed", "Action links accept GET and POST only.");
    };
  }

  private Response confirm(Verified verified) {
    if (!(verified instanceof Verified.Valid valid)) {
      return refused(verified);
    }
    ActionToken t = valid.token();
    String what = t.silenceFor().map(d -> t.action().label() + " for " + Durations.format(d)).orElse(t.action().label());
    String body = "<p>" + escape(what) + " the alert group</p>\n"
        + "<p><code>" + escape(t.groupKey()) + "</code></p>\n"
        + "<form method=\"post\">"
        + "<p><label>Your name (optional): <input name=\"who\" maxlength=\"" + WhoField.MAX_LENGTH + "\"></label></p>"
        + "<p><button type=\"submit\">" + escape(what) + "</button></p></form>\n"
        + "<p><small>This link works once and expires at " + escape(t.expiresAt().toString()) + ".</small></p>";
    return new Response(200, Response.HTML, Html.page("Confirm: " + what, body));
  }

  private Response perform(Verified verified, byte[] body) {
    if (!(verified instanceof Verified.Valid valid)) {
      return refused(verified);
    }
    ActionToken t = valid.token();
    if (!tokens.markUsed(t)) {
      return refused(new Verified.Replayed()); // another request claimed it since verify
    }
    String who = WhoField.parse(body);
    String result;
    try {
      result = switch (t.action()) {
        case ACKNOWLEDGE -> target.acknowledge(t.groupKey(), who);
        case UNACKNOWLEDGE -> target.unacknowledge(t.groupKey(), who);
        case RESOLVE -> target.resolve(t.groupKey(), who);
        case SILENCE -> target.silence(t.groupKey(), t.silenceFor().orElseThrow(), who);
      };
    } catch (StandbyException e) {
      tokens.release(t);
      log.info("action {} on group {} reached a standby; the link can be used again", t.action(), t.groupKey());
      return page(503, "Try again in a moment", "This server is a standby: the alert groups are held by the active "
          + "one. Nothing was done, and the link still works: open it again in a few seconds.");
    } catch (RuntimeException e) {
      tokens.release(t);
      log.warn("action {} on group {} failed; the link can be used again", t.action(), t.groupKey(), e);
      return page(500, "Action failed", "The action could not be performed, and nothing was marked done. Try the link again later.");
    }
    return page(200, t.action().label() + ": done", Objects.requireNonNullElse(result, "Done."));
  }

  private static Response refused(Verified verified) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete
    int status;
    String title;
    if (verified instanceof Verified.Expired) {
      status = 410;
      title = "Link expired";
    } else if (verified instanceof Verified.Replayed) {
      status = 409;
      title = "Link already used";
    } else {
      status = 400;
      title = "Invalid link";
    }
    return page(status, title, verified.describe());
  }

  private static Response page(int status, String title, String text) {
    return new Response(status, Response.HTML, Html.message(title, text));
  }
}
