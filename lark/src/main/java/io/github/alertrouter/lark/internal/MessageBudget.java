package io.github.alertrouter.lark.internal;

import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import java.util.List;
import java.util.function.Function;

/**
 * Fits a notification into Lark's limit on the request body: "20 KB" read conservatively as
 * {@value #MAX_BODY_BYTES} UTF-8 bytes of serialized JSON (docs/platforms.md §2.5; whether it means
 * 20000 or 20480 is unverified; the 30 KB card limit never binds first). The rendered body is
 * not yet what goes on the wire, so room is kept for what the client may add:
 * <ul>
 *   <li>{@value #SIGNING_RESERVE} bytes for {@code ,"timestamp":"1700000000","sign":"<44 chars>"}
 *       (79 bytes with a 10-digit timestamp);
 *   <li>{@value #AT_ALL_RESERVE} bytes for the @all fallback, whose plain text is up to 16 bytes
 *       longer than the tag it replaces.
 * </ul>
 * Paging is core's {@link Paging}: truncate ("…and N more alerts") or split per the robot's
 * overflow; mentions are never cut. Stateless.
 */
final class MessageBudget {
  static final int MAX_BODY_BYTES = 20_000;
  static final int SIGNING_RESERVE = 80;
  static final int AT_ALL_RESERVE = 20;
  /** What a rendered body may use. */
  static final int RENDER_BUDGET = MAX_BODY_BYTES - SIGNING_RESERVE - AT_ALL_RESERVE;
  /** The longest summary, description or annotation value, in escaped units. */
  static final int MAX_TEXT = 2000;

  private MessageBudget() {}

  static List<Paging.Fitted> fit(List<AlertFacts> alerts, Overflow overflow, Function<Page<AlertFacts>, String> body) {
    return Paging.fitPages(alerts, overflow, body, MessageBudget::fits, (a, max) -> a.shorten(max, Dialect.CARD), MAX_TEXT);
  }

  static boolean fits(String body) {
    return LarkMessages.bytes(body) <= RENDER_BUDGET;
  }
}
