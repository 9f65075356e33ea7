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
 * never reveals whether a number belongs to a contact. Thread-safe if the service is.
 */
public final class BindingPages {
  static final String PREFIX = "/bind/";
  private final BindingService bindings;

  public BindingPages(BindingService bindings) {
    this.bindings = Objects.requireNonNull(bindings, "bindings");
  }

  /** Handles {@code path} (which starts with {@code /bind/}). */
  Response handle(String method, String path, byte[] body) {
    String rest = path.substring(PREFIX.length());
    boolean confirm = rest.endsWith("/confirm");
    String link = confirm ? rest.substring(0, rest.length() - "/confirm".length()) : rest;
    if (link.isEmpty() || link.indexOf('/') >= 0) {
      return page(404, "Not found", "There is nothing here.");
    }
    if (method.equals("GET") && !confirm) {
      return form(200, "Bind your mobile number",
          "<p>Enter the mobile number of your contact entry. A code is sent to it.</p>", "mobile", "Mobile number",
          "Send code", "");
    }
    if (!method.equals("POST")) {
      return page(405, "Method not allowed", "Use the form.");
    }
    return confirm ? confirm(link, FormField.parse(body, "code")) : start(link, FormField.parse(body, "mobile"));
  }

  private Response start(String link, String mobile) {
    VerificationStart result = bindings.startVerification(link, mobile);
    if (result instanceof VerificationStart.Accepted) {
      // relative to /bind/LINK, where this page is shown: "confirm" alone would reach /bind/confirm
      return form(200, "Enter the code", "<p>" + escape(result.message()) + "</p>", "code", "Code", "Bind",
          link + "/confirm");
    }
    return page(result instanceof VerificationStart.RateLimited ? 429 : 400, "Not now", result.message());
  }

  private Response confirm(String link, String code) {
    ConfirmResult result = bindings.confirm(link, code);
    if (result instanceof ConfirmResult.Bound) {
      return page(200, "Bound", result.message());
    }
    if (result instanceof ConfirmResult.WrongCode) {
      return form(400, "Wrong code", "<p>" + escape(result.message()) + "</p>", "code", "Code", "Bind", "");
    }
    return page(result instanceof ConfirmResult.Locked ? 423 : 410, "Not bound", result.message());
  }

  /** A one-field form posting to {@code action} (relative: {@code ""} = this URL, {@code LINK/confirm}). */
  private static Response form(int status, String title, String intro, String field, String label, String button,
      String action) {
    String target = action.isEmpty() ? "" : " action=\"" + escape(action) + "\"";
    String body = intro + "<form method=\"post\"" + target + "><p><label>" + escape(label) + ": <input name=\""
        + field + "\" required maxlength=\"32\" autocomplete=\"off\"></label></p><p><button type=\"submit\">"
        + escape(button) + "</button></p></form>";
    return new Response(status, Response.HTML, Html.page(title, body));
  }

  private static Response page(int status, String title, String text) {
    return new Response(status, Response.HTML, Html.message(title, text));
  }
}
