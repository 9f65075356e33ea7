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
 *
 * <p>A message may also be limited to a number of items (the robot option {@code maxAlerts},
 * {@link #fitPages(List, Overflow, int, List, Predicate, Shortener, int)}): truncated, it shows at
 * most that many (fewer when they do not fit) and counts the rest as it counts those over the size
 * limit; split, each part shows at most that many, so every item is still shown once, in more parts.
 * Whatever the renderer always writes (heading, a digest's counts, mentions) is never cut: when
 * that alone does not fit, the result is over the limit and the platform will refuse it as too
 * long. With several looks ({@link #fitPages(List, Overflow, List, Predicate, Shortener, int)}),
 * the most detailed in which every item fits is sent whole, else the last is fitted. Stateless.
 */
public final class Paging {
  /** {@code maxItems} for no limit on the items a message shows but its size. */
  public static final int NO_LIMIT = 0;

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
   *     truncated message's items ("…and N more alerts"), over the size limit or beyond the most
   *     items a message may show; with split, 0 unless an item cannot be
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
    return fitPages(items, overflow, NO_LIMIT, looks, fits, shortener, maxChars);
  }

  /**
   * {@link #fitPages(List, Overflow, List, Predicate, Shortener, int)} with at most {@code maxItems}
   * items in each message. Truncated, one message shows the first {@code maxItems} items, or fewer
   * when they do not fit, and counts the rest in {@link Page#omitted()} exactly as it counts items
   * over the size limit. Split, every item is shown once, in parts of at most {@code maxItems}. Of
   * several looks, the most detailed in which each message's items fit whole is taken, else the
   * last is fitted: a digest limited to 10 alerts shows those 10 in full when they fit.
   *
   * @param maxItems the most items one message shows, or {@link #NO_LIMIT}
   * @throws IllegalArgumentException when {@code maxItems} is negative or {@code looks} is empty
   */
  public static <T> List<Fitted> fitPages(List<T> items, Overflow overflow, int maxItems,
      List<Function<Page<T>, String>> looks, Predicate<String> fits, Shortener<T> shortener, int maxChars) {
    if (looks.isEmpty()) {
      throw new IllegalArgumentException("looks must not be empty");
    }
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0 (0: no limit), but was " + maxItems);
    }
    int cap = maxItems == NO_LIMIT ? items.size() : Math.min(maxItems, items.size());
    List<Page<T>> pages = pages(items, overflow, cap);
    for (Function<Page<T>, String> look : looks) {
      List<Fitted> whole = items.isEmpty() ? List.of(Fitted.of(pages.get(0), look.apply(pages.get(0))))
          : renderedIfAllFit(pages, look, fits);
      if (whole != null) {
        return whole;
      }
    }
    Fitter<T> f = new Fitter<>(items, cap, looks.get(looks.size() - 1), fits, shortener, maxChars);
    return overflow == Overflow.SPLIT ? f.split() : List.of(f.truncate());
  }

  /**
   * The pages of {@code cap} items each that a notification gets when their size does not matter:
   * all items in one message; or, when {@code cap} is fewer, the first {@code cap} and the rest
   * counted (truncate) or every item in parts of {@code cap} (split).
   */
  private static <T> List<Page<T>> pages(List<T> items, Overflow overflow, int cap) {
    int n = items.size();
    if (cap >= n) {
      return List.of(Page.whole(items));
    }
    if (overflow != Overflow.SPLIT) {
      return List.of(new Page<>(items.subList(0, cap), n - cap, 1, 1, true));
    }
    int parts = (n + cap - 1) / cap;
    List<Page<T>> pages = new ArrayList<>(parts);
    for (int part = 1; part <= parts; part++) {
      pages.add(new Page<>(items.subList((part - 1) * cap, Math.min(n, part * cap)), 0, part, parts, part == 1));
    }
    return pages;
  }

  /** Every page rendered by {@code look}, or {@code null} as soon as one does not fit. */
  private static <T> List<Fitted> renderedIfAllFit(List<Page<T>> pages, Function<Page<T>, String> look,
      Predicate<String> fits) {
    List<Fitted> out = new ArrayList<>(pages.size());
    for (Page<T> page : pages) {
      String body = look.apply(page);
      if (!fits.test(body)) {
        return null;
      }
      out.add(Fitted.of(page, body));
    }
    return out;
  }

  /**
   * The fitting of items no page of at most {@code cap} items holds whole: {@code cap} is the most
   * items one page may show, and the pages of {@code cap} items are known not to all fit.
   */
  private record Fitter<T>(List<T> items, int cap, Function<Page<T>, String> render, Predicate<String> fits,
      Shortener<T> shortener, int maxChars) {

    /** For {@link #largest}: no estimate, bisect the whole range. */
    private static final int NO_GUESS = Integer.MIN_VALUE;

    Fitted truncate() {
      int n = items.size();
      // nothing is known of the limit but that the first cap items are over it: gallop up from one
      // item, so that no page rendered is much bigger than the answer
      Candidate<T> best = largest(1, cap - 1, 1, k -> new Page<>(items.subList(0, k), n - k, 1, 1, true));
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
        Candidate<T> best = largest(1, Math.min(cap, n - start), guess,
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
