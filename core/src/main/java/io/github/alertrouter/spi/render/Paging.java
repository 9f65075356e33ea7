package io.github.alertrouter.spi.render;

import io.github.alertrouter.spi.Overflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Fits a notification's items into a platform's size limit by rendering candidate pages and
 * measuring the real output (so escaping and multibyte text are counted exactly), searching for
 * how many items fit from an estimate (a split's previous part's size) and rendering few pages
 * bigger than the answer.
 *
 * <ul>
 *   <li>{@link Overflow#TRUNCATE}: one message with as many whole items as fit, in order, and the
 *       rest counted in {@link Page#omitted()} ("…and N more alerts"). When not even the first
 *       fits, it is shortened as little as needed with the {@link Shortener}.
 *   <li>{@link Overflow#SPLIT}: parts of as many whole items as fit, numbered; only the first
 *       carries the mentions. Every item appears in exactly one part.
 * </ul>
 * {@link #fitPages} also says, per message, how many items it shows and leaves out, so that a
 * renderer can report alerts a storm kept out of the chat.
 * Whatever the renderer always writes (heading, a digest's counts, mentions) is never cut: when
 * that alone does not fit, the result is over the limit and the platform will refuse it as too
 * long. With several looks ({@link #fitPages(List, Overflow, List, Predicate, Shortener, int)}),
 * the most detailed in which every item fits is sent whole, else the last is fitted. Stateless.
 */
public final class Paging {
  /** Shortens one item's texts to at most {@code maxChars} code points each. */
  @FunctionalInterface
  public interface Shortener<T> {
    /**
     * {@code item} with each of its texts cut to at most {@code maxChars} code points.
     *
     * @param item the item to shorten; must be left as it is, since it is shortened again with
     *     other limits
     * @param maxChars the most code points a text may keep; may be 0
     */
    T shorten(T item, int maxChars);
  }

  /**
   * One message of a fitted notification: its body and how many of the items it shows and leaves
   * out. Over all messages of one {@link #fitPages} call, {@code shown + omitted} adds up to the
   * number of items. An item shown shortened counts as shown. Immutable.
   *
   * @param body the exact body to send
   * @param shown items this message shows
   * @param omitted items this message leaves out and no other message shows: the rest after a
   *     truncated message's items ("…and N more alerts"); with split, 0 unless an item cannot be
   *     shown at all (not even shortened to nothing, because what is always written is already
   *     over the limit)
   */
  public record Fitted(String body, int shown, int omitted) {
    /**
     * @throws IllegalArgumentException if {@code shown} or {@code omitted} is negative
     * @throws NullPointerException if {@code body} is null
     */
    public Fitted {
      Objects.requireNonNull(body, "body");
      if (shown < 0 || omitted < 0) {
        throw new IllegalArgumentException("shown and omitted must be >= 0, but were " + shown + " and " + omitted);
      }
    }

    private static Fitted of(Page<?> page, String body) {
      return new Fitted(body, page.items().size(), page.omitted());
    }
  }

  private record Candidate<T>(Page<T> page, String body) {}

  private Paging() {}

  /**
   * The bodies to send, in order: {@link #fitPages} without the counts.
   *
   * @param items what the notification shows, in order
   * @param overflow truncate or split
   * @param render renders one page into the exact body
   * @param fits whether a body is within the platform's limit
   * @param shortener shortens an item that does not fit on its own
   * @param maxChars the longest text {@code shortener} is ever asked to keep
   */
  public static <T> List<String> fit(List<T> items, Overflow overflow, Function<Page<T>, String> render,
      Predicate<String> fits, Shortener<T> shortener, int maxChars) {
    return fitPages(items, overflow, render, fits, shortener, maxChars).stream().map(Fitted::body).toList();
  }

  /**
   * The messages to send, in order, each with how many items it shows and leaves out: what a
   * renderer reports as {@link io.github.alertrouter.spi.OutboundMessage#omittedAlerts()}.
   * Parameters as for {@link #fit}.
   */
  public static <T> List<Fitted> fitPages(List<T> items, Overflow overflow, Function<Page<T>, String> render,
      Predicate<String> fits, Shortener<T> shortener, int maxChars) {
    return fitPages(items, overflow, List.of(render), fits, shortener, maxChars);
  }

  /**
   * {@link #fitPages(List, Overflow, Function, Predicate, Shortener, int)} with several looks, most
   * detailed first: every item in one message in the first look whose whole message fits; when
   * none does, the last look is fitted. So a digest shows its alerts in full when they all fit,
   * and one line each when they do not.
   *
   * @param looks renderers of a page into the exact body, at least one
   */
  public static <T> List<Fitted> fitPages(List<T> items, Overflow overflow, List<Function<Page<T>, String>> looks,
      Predicate<String> fits, Shortener<T> shortener, int maxChars) {
    if (looks.isEmpty()) {
      throw new IllegalArgumentException("looks must not be empty");
    }
    Page<T> all = Page.whole(items);
    for (Function<Page<T>, String> look : looks.subList(0, looks.size() - 1)) {
      String whole = look.apply(all);
      if (items.isEmpty() || fits.test(whole)) {
        return List.of(Fitted.of(all, whole));
      }
    }
    Function<Page<T>, String> render = looks.get(looks.size() - 1);
    String whole = render.apply(all);
    if (items.isEmpty() || fits.test(whole)) {
      return List.of(Fitted.of(all, whole));
    }
    Fitter<T> f = new Fitter<>(items, render, fits, shortener, maxChars);
    return overflow == Overflow.SPLIT ? f.split() : List.of(f.truncate());
  }

  private record Fitter<T>(List<T> items, Function<Page<T>, String> render, Predicate<String> fits,
      Shortener<T> shortener, int maxChars) {

    /** For {@link #largest}: no estimate, bisect the whole range. */
    private static final int NO_GUESS = Integer.MIN_VALUE;

    Fitted truncate() {
      int n = items.size();
      // nothing is known of the limit but that all n items are over it: gallop up from one item,
      // so that no page rendered is much bigger than the answer
      Candidate<T> best = largest(1, n - 1, 1, k -> new Page<>(items.subList(0, k), n - k, 1, 1, true));
      Candidate<T> chosen = best != null ? best : shortened(items.get(0), n - 1, 1, 1, true);
      return Fitted.of(chosen.page(), chosen.body());
    }

    List<Fitted> split() {
      int n = items.size();
      List<Page<T>> pages = new ArrayList<>();
      // numbered as if there were n parts while packing: real numbers have no more digits
      for (int from = 0, guess = 1; from < n; ) {
        int start = from;
        int part = pages.size() + 1;
        boolean mentions = part == 1;
        // a part's items are usually about as big as the previous part's: start from its size
        Candidate<T> best = largest(1, n - start, guess,
            k -> new Page<>(items.subList(start, start + k), 0, part, n, mentions));
        Page<T> page = best != null ? best.page() : shortened(items.get(start), 0, part, n, mentions).page();
        pages.add(page);
        guess = Math.max(1, page.items().size());
        from += guess;
      }
      int parts = pages.size();
      return pages.stream()
          .map(p -> new Page<>(p.items(), p.omitted(), p.part(), parts, p.carriesMentions()))
          .map(p -> Fitted.of(p, render.apply(p)))
          .toList();
    }

    /**
     * The largest {@code k} in {@code [lo, hi]} whose page fits, or null, assuming bigger pages
     * are bigger: then exactly one {@code k} is the answer, whichever pages are probed, and a
     * plain bisection finds the same. Probes {@code guess} first and gallops away from it (1, 2,
     * 4, … further) until a page that fits and one that does not bracket the answer, then bisects
     * the bracket. A bisection of {@code [1, 2000]} for 75 items starts with pages of 1,000, 500,
     * 250; from a guess near 75 every page rendered is near 75 items, and a right guess costs two.
     */
    private Candidate<T> largest(int lo, int hi, int guess, IntFunction<Page<T>> pageOf) {
      Candidate<T> best = null;
      long fit = lo - 1L; // the largest k seen to fit, or lo - 1 (long: hi may be Integer.MAX_VALUE)
      long miss = hi + 1L; // the smallest k seen not to fit, or hi + 1
      boolean galloping = guess != NO_GUESS;
      long k = galloping ? Math.max(lo, Math.min(hi, guess)) : (fit + miss) / 2;
      for (long step = 1; fit + 1 < miss; step <<= 1) {
        Page<T> page = pageOf.apply((int) k);
        String body = render.apply(page);
        if (fits.test(body)) {
          best = new Candidate<>(page, body);
          fit = k;
        } else {
          miss = k;
        }
        galloping &= fit < lo || miss > hi; // until the answer is bracketed
        if (!galloping) {
          k = (fit + miss) / 2;
        } else if (miss > hi) {
          k = Math.min(hi, fit + step);
        } else {
          k = Math.max(lo, miss - step);
        }
      }
      return best;
    }

    /** One item too big on its own, shortened as little as needed; or, if even that fails, omitted. */
    private Candidate<T> shortened(T item, int omitted, int part, int parts, boolean mentions) {
      // a single item's page is small: the plain bisection of 0..maxChars is cheap enough
      Candidate<T> best = largest(0, maxChars, NO_GUESS,
          max -> new Page<>(List.of(shortener.shorten(item, max)), omitted, part, parts, mentions));
      if (best != null) {
        return best;
      }
      Page<T> empty = new Page<>(List.of(), omitted + 1, part, parts, mentions);
      return new Candidate<>(empty, render.apply(empty));
    }
  }
}
