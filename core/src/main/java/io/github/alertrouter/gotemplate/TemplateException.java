package io.github.alertrouter.gotemplate;

/**
 * A template that does not parse, or fails while executing. The message is Go's, word for word
 * ({@code template: NAME:LINE: ...} for parse errors, {@code template: NAME:LINE:COL: executing
 * "NAME" at <NODE>: ...} for exec errors), so users can search for it. Carries template text
 * positions only, never data values beyond what Go itself prints.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Where a parse error is, {@code LINE:COL}, or {@code null}. */
  private final String position;

  /** @param message the complete message in Go's wording */
  public TemplateException(String message) {
    this(message, null);
  }

  /**
   * @param message the complete message in Go's wording
   * @param position {@code LINE:COL} of a parse error (COL the 0-based byte offset in the line, as
   *     Go's exec errors count), or {@code null}
   */
  public TemplateException(String message, String position) {
    super(message, null, false, false);
    this.position = position;
  }

  /**
   * The message with a parse error's column added after its line ({@code template: NAME:3:7: ...}),
   * which Go's parse errors leave out; other messages as they are.
   */
  public String messageWithColumn() {
    String message = getMessage();
    if (position == null) {
      return message;
    }
    String line = position.substring(0, position.indexOf(':'));
    int at = message.indexOf(":" + line + ": ");
    return at < 0 ? message : message.substring(0, at) + ":" + position + message.substring(at + line.length() + 1);
  }
}
