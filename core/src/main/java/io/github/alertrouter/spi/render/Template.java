package io.github.alertrouter.spi.render;

import java.util.Map;

/**
 * A policy's template, compiled by a {@link TemplateEngine} (through {@link Templates}, which
 * caches it). Implementations are immutable and thread-safe.
 */
public interface Template {
  /**
   * The template's output for {@code context} (a {@link TemplateContext}, with the platform's own
   * values added), exactly as the engine writes it.
   *
   * @throws IllegalArgumentException naming the problem (an unknown name, a malformed tag)
   */
  String render(Map<String, ?> context);

  /**
   * The text of one message: {@link #render} without leading and trailing blanks, and, when the page
   * leaves alerts out and the template did not print {@code {{more}}}, the page's "…and N more
   * alerts" line (the context's {@code more}, in the robot's wording) appended after {@code separator}.
   *
   * @throws IllegalArgumentException as {@link #render}
   */
  default String text(Map<String, ?> context, Page<?> page, String separator) {
    return withMore(render(context).strip(), context, page, separator);
  }

  /**
   * The message title for {@code page}, when the template has one (a Go template's {@code title}),
   * else {@code null}: the platform's built-in title. Platforms with a title field (DingTalk's
   * markdown and action card) use it; it is one line, without leading and trailing blanks.
   *
   * @throws IllegalArgumentException as {@link #render}
   */
  default String title(Map<String, ?> context, Page<?> page) {
    return null;
  }

  /** Whether {@link #title} can give a title, so a renderer builds its context only then. By default, no. */
  default boolean hasTitle() {
    return false;
  }

  /**
   * {@code text} with the page's "…and N more alerts" line appended after {@code separator} when
   * the page leaves alerts out and the text does not have it yet: what {@link #text} does with a
   * template's output, for an implementation that overrides it.
   */
  static String withMore(String text, Map<String, ?> context, Page<?> page, String separator) {
    // the context's "more" is in the robot's wording; a context without one gets the English line
    String more = context.get("more") instanceof String s && !s.isEmpty() ? s : page.moreLine();
    return page.omitted() > 0 && !text.contains(more) ? text + separator + more : text;
  }
}
