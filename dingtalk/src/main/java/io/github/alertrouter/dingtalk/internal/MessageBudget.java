package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.Overflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fits a notification into DingTalk's limit on the whole request body: {@value #MAX_BODY_BYTES}
 * UTF-8 bytes of serialized JSON (platforms.md §1.5, error 460101). Every candidate is measured by
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

  private record Fitted(Page page, String body) {}

  private MessageBudget() {}

  /** The bodies to send, in order; each renders a page with {@code body}. */
  static List<String> fit(List<AlertView> alerts, Overflow overflow, Function<Page, String> body) {
    String whole = body.apply(Page.whole(alerts));
    if (fits(whole) || alerts.isEmpty()) {
      return List.of(whole);
    }
    return overflow == Overflow.SPLIT ? split(alerts, body) : List.of(truncate(alerts, body));
  }

  private static String truncate(List<AlertView> alerts, Function<Page, String> body) {
    int n = alerts.size();
    Fitted best = largest(1, n - 1, k -> new Page(alerts.subList(0, k), n - k, 1, 1, true), body);
    return best != null ? best.body() : shortened(alerts.get(0), n - 1, 1, 1, true, body).body();
  }

  private static List<String> split(List<AlertView> alerts, Function<Page, String> body) {
    int n = alerts.size();
    List<Page> pages = new ArrayList<>();
    // numbering assumes n parts while packing: real numbers have no more digits, so no more bytes
    for (int from = 0; from < n; ) {
      int start = from;
      int part = pages.size() + 1;
      boolean mentions = part == 1;
      Fitted best = largest(1, n - start, k -> new Page(alerts.subList(start, start + k), 0, part, n, mentions), body);
      Page page = best != null ? best.page() : shortened(alerts.get(start), 0, part, n, mentions, body).page();
      pages.add(page);
      from += Math.max(1, page.alerts().size());
    }
    int parts = pages.size();
    return pages.stream()
        .map(p -> body.apply(new Page(p.alerts(), p.omitted(), p.part(), parts, p.carriesMentions())))
        .toList();
  }

  /** The largest {@code k} in {@code [lo, hi]} whose page fits, assuming bigger pages are bigger. */
  private static Fitted largest(int lo, int hi, IntPage pageOf, Function<Page, String> body) {
    Fitted best = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Page page = pageOf.page(mid);
      String b = body.apply(page);
      if (fits(b)) {
        best = new Fitted(page, b);
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  /**
   * One alert too big on its own, shortened as little as needed; or, when even the shortest form
   * does not fit, no alert at all and one more "omitted".
   */
  private static Fitted shortened(
      AlertView alert, int omitted, int part, int parts, boolean mentions, Function<Page, String> body) {
    Fitted best = largest(0, AlertView.MAX_TEXT,
        max -> new Page(List.of(alert.shorten(max)), omitted, part, parts, mentions), body);
    if (best != null) {
      return best;
    }
    Page empty = new Page(List.of(), omitted + 1, part, parts, mentions);
    return new Fitted(empty, body.apply(empty));
  }

  static boolean fits(String body) {
    return DingTalkMessages.bytes(body) <= MAX_BODY_BYTES;
  }

  @FunctionalInterface
  private interface IntPage {
    Page page(int k);
  }
}
