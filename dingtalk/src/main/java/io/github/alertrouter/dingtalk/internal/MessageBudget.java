package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import java.util.List;
import java.util.function.Function;

/**
 * Fits a notification into DingTalk's limit on the whole request body: {@value #MAX_BODY_BYTES}
 * UTF-8 bytes of serialized JSON (docs/platforms.md §1.5, error 460101). Every candidate is measured by
 * serializing it, so JSON escaping and multibyte text are counted exactly.
 *
 * <ul>
 *   <li>{@link Overflow#TRUNCATE}: one message with as many whole alerts as fit (in order) and
 *       "…and N more alerts". When not even the first alert fits, its texts are shortened at
 *       code-point boundaries of escaped text (never inside a replacement, link or @token).
 *   <li>{@link Overflow#SPLIT}: parts of as many whole alerts as fit, marked {@code (1/3)}; only the
 *       first carries the mentions.
 * </ul>
 * Mentions are never cut: if the mentions and heading alone exceed the budget (hundreds of
 * people), the message is sent over budget and DingTalk will refuse it as too long. Stateless.
 */
final class MessageBudget {
  /** DingTalk's documented limit on a webhook request body, in UTF-8 bytes. */
  static final int MAX_BODY_BYTES = 20_000;
  /** The longest summary, description or annotation value, in code points. */
  static final int MAX_TEXT = 2000;

  private MessageBudget() {}

  /** The bodies to send, in order, with the alerts each leaves out; each renders a page with {@code body}. */
  static List<Paging.Fitted> fit(List<AlertFacts> alerts, Overflow overflow, Function<Page<AlertFacts>, String> body) {
    return Paging.fitPages(alerts, overflow, body, MessageBudget::fits, (a, max) -> a.shorten(max, DingTalkEscaper.MARKDOWN), MAX_TEXT);
  }

  static boolean fits(String body) {
    return DingTalkMessages.bytes(body) <= MAX_BODY_BYTES;
  }
}
