package io.github.alertrouter.spi.render;

/**
 * A template language, as {@link Templates} uses it: {@link #mustache()}, and Go's
 * {@code text/template} for a text marked {@link io.github.alertrouter.config.NotifyRule#GO_SYNTAX_MARK}
 * ({@code GoMessageTemplate}); platforms see only {@link Template}.
 * Implementations are stateless and thread-safe.
 */
interface TemplateEngine {
  /**
   * {@code text} compiled.
   *
   * @throws IllegalArgumentException with the syntax error (and its line) as the message
   */
  Template compile(String text);

  /**
   * Logic-less mustache (jmustache): values print as they are (the context holds text the platform
   * already escaped, so the engine's own HTML escaping would mangle it), {@code null} prints as
   * {@code ""}, and an unknown name is an error.
   */
  static TemplateEngine mustache() {
    return MustacheEngine.INSTANCE;
  }
}
