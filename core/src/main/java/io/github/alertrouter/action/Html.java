package io.github.alertrouter.action;

/**
 * The small pages of the action handler. Every value is escaped with {@link #escape}; the rest is
 * constant markup. Stateless and thread-safe.
 */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} so the text is safe in element content and quoted attributes. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A whole page in {@code text}'s language ({@code <html lang>}); {@code title} is escaped here,
   * {@code bodyHtml} must already be safe markup.
   */
  public static String page(PageText text, String title, String bodyHtml) {
    return "<!DOCTYPE html>\n<html lang=\"" + escape(text.lang()) + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex, nofollow\">"
        + "<title>" + escape(title) + "</title>"
        + "<style>body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em}"
        + "code{word-break:break-all}button{font-size:1.1em;padding:.4em 1.2em}</style>"
        + "</head><body><h1>" + escape(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
  }

  /** A page with one escaped paragraph, in {@code language}. */
  public static String message(PageText language, String title, String text) {
    return page(language, title, "<p>" + escape(text) + "</p>");
  }
}
