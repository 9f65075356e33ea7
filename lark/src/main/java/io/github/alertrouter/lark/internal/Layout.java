package io.github.alertrouter.lark.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.function.Function;

/**
 * Writes the whole JSON body of one message for a page of alerts. Implementations are immutable
 * and thread-safe.
 */
interface Layout {
  /** The exact body for {@code page}; mentions included when the page carries them. */
  String body(Page<AlertFacts> page);

  /**
   * The text a policy's template writes for a page, with the keyword first when the template
   * left it out (Lark checks text and title values for it), or {@code null} for the built-in look.
   */
  static Function<Page<AlertFacts>, String> withKeyword(Function<Page<AlertFacts>, String> template, String keyword) {
    if (template == null) {
      return null;
    }
    return page -> {
      String text = template.apply(page);
      return keyword.isEmpty() || text.contains(keyword) ? text : "[" + keyword + "] " + text;
    };
  }
}
