package io.github.alertrouter.action;

import static io.github.alertrouter.action.Html.escape;

import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.binding.ConfirmResult;
import io.github.alertrouter.binding.VerificationStart;
import io.github.alertrouter.http.Response;
import java.util.Objects;

/**
 * The pages of the binding flow, served by {@link ActionHandler} under {@code /bind/}: the link in
 * a message opens a form for the mobile number ({@code GET /bind/LINK}); posting it sends a code
 * ({@code POST /bind/LINK}) and shows the code form; posting the code ({@code POST
 * /bind/LINK/confirm}) binds the number. Every answer comes from {@link BindingService}, which
 * never reveals whether a number belongs to a contact. Each page is in the request's language
 * ({@link PageText}). Thread-safe if the service is.
 */
public final class BindingPages {
  static final String PREFIX = "/bind/";
  private final BindingService bindings;

  public BindingPages(BindingService bindings) {
    this.bindings = Objects.requireNonNull(bindings, "bindings");
  }

  /** Handles {@code path} (which starts with {@code /bind/}), its pages in {@code text}'s language. */
  Response handle(String method, String path, byte[] body, PageText text) {
    String rest = path.substring(PREFIX.length());
    boolean confirm = rest.endsWith("/confirm");
    String link = confirm ? rest.substring(0, rest.length() - "/confirm".length()) : rest;
    if (link.isEmpty() || link.indexOf('/') >= 0) {
      return page(404, text, text.notFound(), text.nothingHere());
    }
    if (method.equals("GET") && !confirm) {
      return form(200, text, text.bindTitle(), "<p>" + escape(text.bindIntro()) + "</p>", "mobile", text.mobileLabel(),
          text.sendCode(), "");
    }
    if (!method.equals("POST")) {
      return page(405, text, text.methodNotAllowed(), text.useTheForm());
    }
    return confirm
        ? confirm(link, FormField.parse(body, "code"), text)
        : start(link, FormField.parse(body, "mobile"), text);
  }

  private Response start(String link, String mobile, PageText text) {
    VerificationStart result = bindings.startVerification(link, mobile);
    if (result instanceof VerificationStart.Accepted) {
      // relative to /bind/LINK, where this page is shown: "confirm" alone would reach /bind/confirm;
      // the page's language goes along, as a query the next page reads
      return form(200, text, text.codeTitle(), "<p>" + escape(text.started(result)) + "</p>", "code", text.codeLabel(),
          text.bindButton(), link + "/confirm?" + PageText.LANG + "=" + text.lang());
    }
    return page(result instanceof VerificationStart.RateLimited ? 429 : 400, text, text.notNowTitle(),
        text.started(result));
  }

  private Response confirm(String link, String code, PageText text) {
    ConfirmResult result = bindings.confirm(link, code);
    if (result instanceof ConfirmResult.Bound) {
      return page(200, text, text.boundTitle(), text.confirmed(result));
    }
    if (result instanceof ConfirmResult.WrongCode) {
      return form(400, text, text.wrongCodeTitle(), "<p>" + escape(text.confirmed(result)) + "</p>", "code",
          text.codeLabel(), text.bindButton(), "");
    }
    return page(result instanceof ConfirmResult.Locked ? 423 : 410, text, text.notBoundTitle(), text.confirmed(result));
  }

  /** A one-field form posting to {@code action} (relative: {@code ""} = this URL, {@code LINK/confirm?lang=…}). */
  private static Response form(int status, PageText text, String title, String intro, String field, String label,
      String button, String action) {
    String target = action.isEmpty() ? "" : " action=\"" + escape(action) + "\"";
    String body = intro + "<form method=\"post\"" + target + "><p><label>" + escape(label + text.colon()) + "<input name=\""
        + field + "\" required maxlength=\"32\" autocomplete=\"off\"></label></p><p><button type=\"submit\">"
        + escape(button) + "</button></p></form>";
    return new Response(status, Response.HTML, Html.page(text, title, body));
  }

  private static Response page(int status, PageText language, String title, String text) {
    return new Response(status, Response.HTML, Html.message(language, title, text));
  }
}
