package io.github.alertrouter.spi.render;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.Overflow;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A platform's size limit on what it sends, and how a notification is fitted into it with
 * {@link Paging}: what is measured ({@code measure}: the whole body, or one field), against how
 * many bytes, and how the alerts' texts are bounded and shortened. Immutable and thread-safe.
 *
 * <pre>{@code
 * ByteBudget budget = new ByteBudget(20_000, ByteBudget::utf8, MARKDOWN, 2000);
 * List<Paging.Fitted> bodies = budget.fit(budget.alerts(n, zone, MARKDOWN), overflow, layout);
 * }</pre>
 *
 * @param maxBytes the most {@code measure} may count
 * @param measure the size of a rendered candidate, usually {@link #utf8} of the serialized body
 * @param shortening the escaper whose {@link Escaper#cut} shortens an alert too big on its own
 * @param maxText the longest summary, description or annotation value, in escaped units
 */
public record ByteBudget(int maxBytes, ToIntFunction<String> measure, Escaper shortening, int maxText) {
  /** @throws NullPointerException if {@code measure} or {@code shortening} is null */
  public ByteBudget {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(shortening, "shortening");
  }

  /** UTF-8 bytes of {@code text}: how every platform counts its limits. */
  public static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether {@code rendered} is within the limit. */
  public boolean fits(String rendered) {
    return measure.applyAsInt(rendered) <= maxBytes;
  }

  /** The facts of every alert of {@code n}, escaped by {@code escaper}, texts within {@link #maxText}. */
  public List<AlertFacts> alerts(Notification n, ZoneId zone, Escaper escaper) {
    return AlertFacts.all(n, zone, escaper, maxText);
  }

  /** The messages to send, in order, each rendered from a page by {@code render} ({@link Paging#fitPages}). */
  public List<Paging.Fitted> fit(List<AlertFacts> alerts, Overflow overflow, Function<Page<AlertFacts>, String> render) {
    return fit(alerts, overflow, List.of(render));
  }

  /**
   * The messages to send, in order: every alert in the first of {@code looks} whose whole message
   * fits, else the last look fitted ({@link Paging#fitPages(List, Overflow, List, java.util.function.Predicate,
   * Paging.Shortener, int)}). A digest passes its detailed look, then its compact one.
   */
  public List<Paging.Fitted> fit(List<AlertFacts> alerts, Overflow overflow,
      List<Function<Page<AlertFacts>, String>> looks) {
    return fit(alerts, overflow, Paging.NO_LIMIT, looks);
  }

  /**
   * {@link #fit(List, Overflow, List)} with at most {@code maxAlerts} alerts in each message (the
   * robot's {@link io.github.alertrouter.spi.RenderRequest#maxAlerts() maxAlerts}): truncated, the
   * rest are counted as those over the size limit are; split, parts of at most that many.
   *
   * @param maxAlerts the most alerts one message lists, or {@link Paging#NO_LIMIT}
   * @throws IllegalArgumentException when {@code maxAlerts} is negative
   */
  public List<Paging.Fitted> fit(List<AlertFacts> alerts, Overflow overflow, int maxAlerts,
      List<Function<Page<AlertFacts>, String>> looks) {
    return Paging.fitPages(alerts, overflow, maxAlerts, looks, this::fits, (a, max) -> a.shorten(max, shortening),
        maxText);
  }

  /**
   * The most a message's counts summary takes ({@link NotificationFacts#countLines}): a quarter of
   * the limit, so that the counts fit however long the names, and three quarters are left for the
   * heading, the mentions and the alerts named.
   */
  public int summaryBytes() {
    return maxBytes / 4;
  }
}
