package io.github.alertrouter.gotemplate;

/**
 * A template that does not parse, or fails while executing. The message is Go's, word for word
 * ({@code template: NAME:LINE: ...} for parse errors, {@code template: NAME:LINE:COL: executing
 * "NAME" at <NODE>: ...} for exec errors), so users can search for it. Carries template text
 * positions only, never data values beyond what Go itself prints.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message the complete message in Go's wording */
  public TemplateException(String message) {
    super(message, null, false, false);
  }
}
