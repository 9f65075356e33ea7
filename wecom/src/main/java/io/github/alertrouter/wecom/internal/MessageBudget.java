package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import java.util.List;
import java.util.function.Function;

/**
 * Fits a notification into WeCom's per-field limit (docs/platforms.md §3.5): the {@code content} of a
 * text message is at most 2048 UTF-8 bytes, of a markdown or markdown_v2 message 4096 (overflow is
 * refused with 40058). WeCom limits the field, not the body, so the measure is the content itself;
 * the mention lists of a text message are outside it. Paging is core's {@link Paging}:
 *
 * <ul>
 *   <li>{@link Overflow#TRUNCATE}: one content with as many whole alerts as fit and "…and N more
 *       alerts"; a single alert too big on its own is shortened at code-point boundaries of
 *       escaped text (never inside a replacement, link or token).
 *   <li>{@link Overflow#SPLIT}: parts of as many whole alerts as fit, marked {@code (1/3)}; only the
 *       first carries mention tokens, lists and unresolved names.
 * </ul>
 * Mentions are never cut: if the heading and the {@code <@userid>} tokens alone exceed the limit
 * (hundreds of people), the content goes over and WeCom refuses it as too long. Stateless.
 */
final class MessageBudget {
  /** The longest summary, description or annotation value, in code points. */
  // a 4096-byte message holds ~1300 CJK characters: longer texts only cost paging work
  static final int MAX_TEXT = 1000;

  private MessageBudget() {}

  /** The contents to send, in order, with the alerts each leaves out; each renders a page with {@code layout}. */
  static List<Paging.Fitted> fit(List<AlertFacts> alerts, Overflow overflow, Function<Page<AlertFacts>, String> layout,
      int maxBytes) {
    return Paging.fitPages(alerts, overflow, layout, content -> WeComMessages.bytes(content) <= maxBytes,
        (a, max) -> a.shorten(max, WeComEscaper.MARKDOWN), MAX_TEXT);
  }
}
