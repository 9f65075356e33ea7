package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.spi.Overflow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Paging} starts its search for how many items fit from an estimate and gallops from it;
 * whatever it probes, it must fit exactly what the plain bisection it replaced did (kept below as
 * the oracle): the same bodies, shown and omitted counts, over random items (sizes in runs that
 * change from part to part, some too big alone, multibyte text measured in UTF-8 bytes), limits
 * small and large, truncate and split, one look or two, texts shortened to a bound or never.
 */
class PagingProperties {
  private static final String[] CHARS = {"a", "b", "z", "0", "9", "-", "磁", "盘", "é"};

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fitsExactlyWhatThePlainBisectionFitted(long seed) {
    Random random = new Random(seed);
    List<String> items = items(random);
    Overflow overflow = random.nextBoolean() ? Overflow.SPLIT : Overflow.TRUNCATE;
    int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(random.nextBoolean() ? 400 : 6000);
    int maxChars = random.nextInt(20) == 0 ? Integer.MAX_VALUE : random.nextInt(300);
    Predicate<String> fits = body -> body.getBytes(StandardCharsets.UTF_8).length <= limit;
    Paging.Shortener<String> shortener = (item, max) -> item.substring(0, Math.min(item.length(), max));
    Function<Page<String>, String> compact = p -> "[" + p.part() + "/" + p.parts() + "] " + String.join(",", p.items())
        + (p.omitted() > 0 ? " " + p.moreLine() : "") + (p.carriesMentions() ? " @" : "");
    Function<Page<String>, String> detailed = p -> "## " + p.part() + "\n" + String.join("\n", p.items().stream()
        .map(i -> "- " + i + " (" + i.length() + ")").toList()) + "\n" + p.moreLine();
    List<Function<Page<String>, String>> looks = random.nextBoolean() ? List.of(compact) : List.of(detailed, compact);

    List<Paging.Fitted> expected = OldPaging.fitPages(items, overflow, looks, fits, shortener, maxChars);

    assertThat(Paging.fitPages(items, overflow, looks, fits, shortener, maxChars))
        .as("%s items, %s, limit %s, maxChars %s", items.size(), overflow, limit, maxChars)
        .containsExactlyElementsOf(expected);
  }

  /**
   * A limit on the items a message shows ({@code maxAlerts}) caps every message, leaves every
   * item shown or counted, and truncates exactly where the size limit alone would have, or at the
   * cap when that comes first: the cap only narrows the pages tried, it changes none of them.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void maxItemsCapsEveryMessageAndOtherwiseFitsAsBefore(long seed) {
    Random random = new Random(seed);
    List<String> items = items(random);
    int n = items.size();
    Overflow overflow = random.nextBoolean() ? Overflow.SPLIT : Overflow.TRUNCATE;
    int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(random.nextBoolean() ? 400 : 6000);
    int max = 1 + random.nextInt(random.nextBoolean() ? 5 : 300);
    Predicate<String> fits = body -> body.getBytes(StandardCharsets.UTF_8).length <= limit;
    Paging.Shortener<String> shortener = (item, m) -> item.substring(0, Math.min(item.length(), m));
    Function<Page<String>, String> look = p -> "[" + p.part() + "/" + p.parts() + "] " + String.join(",", p.items())
        + (p.omitted() > 0 ? " " + p.moreLine() : "") + (p.carriesMentions() ? " @" : "");

    List<Paging.Fitted> capped = Paging.fitPages(items, overflow, max, List.of(look), fits, shortener, 300);
    List<Paging.Fitted> unlimited = Paging.fitPages(items, overflow, List.of(look), fits, shortener, 300);

    String about = "%s items, %s, limit %s, max %s".formatted(n, overflow, limit, max);
    assertThat(capped).as(about).allSatisfy(f -> assertThat(f.shown()).isLessThanOrEqualTo(max));
    assertThat(capped.stream().mapToInt(f -> f.shown() + f.omitted()).sum()).as(about).isEqualTo(n);
    if (overflow == Overflow.SPLIT) {
      assertThat(capped.size()).as(about).isGreaterThanOrEqualTo((n + max - 1) / max);
    } else if (unlimited.get(0).shown() <= max) {
      assertThat(capped).as(about).containsExactlyElementsOf(unlimited);
    } else {
      Page<String> first = new Page<>(items.subList(0, max), n - max, 1, 1, true);
      assertThat(capped).as(about).containsExactly(new Paging.Fitted(look.apply(first), max, n - max));
    }
  }

  /** Runs of items of one size, so that consecutive parts hold more or fewer; a few huge ones. */
  private static List<String> items(Random random) {
    int n = random.nextInt(10) == 0 ? random.nextInt(3000) : random.nextInt(300);
    List<String> items = new ArrayList<>(n);
    while (items.size() < n) {
      int size = random.nextInt(8) == 0 ? 50 + random.nextInt(500) : 1 + random.nextInt(random.nextBoolean() ? 8 : 40);
      for (int run = 1 + random.nextInt(60); run > 0 && items.size() < n; run--) {
        StringBuilder item = new StringBuilder();
        for (int c = 0; c < size + random.nextInt(3); c++) {
          item.append(CHARS[random.nextInt(CHARS.length)]);
        }
        items.add(item.toString());
      }
    }
    return items;
  }

  /** Paging's fitting as it was, a plain bisection over [1, remaining] per page: the oracle. */
  private static final class OldPaging {
    private record Candidate<T>(Page<T> page, String body) {}

    static <T> List<Paging.Fitted> fitPages(List<T> items, Overflow overflow, List<Function<Page<T>, String>> looks,
        Predicate<String> fits, Paging.Shortener<T> shortener, int maxChars) {
      Page<T> all = Page.whole(items);
      for (Function<Page<T>, String> look : looks.subList(0, looks.size() - 1)) {
        String whole = look.apply(all);
        if (items.isEmpty() || fits.test(whole)) {
          return List.of(fitted(all, whole));
        }
      }
      Function<Page<T>, String> render = looks.get(looks.size() - 1);
      String whole = render.apply(all);
      if (items.isEmpty() || fits.test(whole)) {
        return List.of(fitted(all, whole));
      }
      int n = items.size();
      if (overflow == Overflow.TRUNCATE) {
        Candidate<T> best = largest(1, n - 1, k -> new Page<>(items.subList(0, k), n - k, 1, 1, true), render, fits);
        Candidate<T> chosen = best != null ? best
            : shortened(items.get(0), n - 1, 1, 1, true, render, fits, shortener, maxChars);
        return List.of(fitted(chosen.page(), chosen.body()));
      }
      List<Page<T>> pages = new ArrayList<>();
      for (int from = 0; from < n; ) {
        int start = from;
        int part = pages.size() + 1;
        boolean mentions = part == 1;
        Candidate<T> best = largest(1, n - start,
            k -> new Page<>(items.subList(start, start + k), 0, part, n, mentions), render, fits);
        Page<T> page = best != null ? best.page()
            : shortened(items.get(start), 0, part, n, mentions, render, fits, shortener, maxChars).page();
        pages.add(page);
        from += Math.max(1, page.items().size());
      }
      int parts = pages.size();
      return pages.stream()
          .map(p -> new Page<>(p.items(), p.omitted(), p.part(), parts, p.carriesMentions()))
          .map(p -> fitted(p, render.apply(p)))
          .toList();
    }

    private static <T> Candidate<T> largest(int lo, int hi, IntFunction<Page<T>> pageOf,
        Function<Page<T>, String> render, Predicate<String> fits) {
      Candidate<T> best = null;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        Page<T> page = pageOf.apply(mid);
        String body = render.apply(page);
        if (fits.test(body)) {
          best = new Candidate<>(page, body);
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return best;
    }

    private static <T> Candidate<T> shortened(T item, int omitted, int part, int parts, boolean mentions,
        Function<Page<T>, String> render, Predicate<String> fits, Paging.Shortener<T> shortener, int maxChars) {
      Candidate<T> best = largest(0, maxChars,
          max -> new Page<>(List.of(shortener.shorten(item, max)), omitted, part, parts, mentions), render, fits);
      if (best != null) {
        return best;
      }
      Page<T> empty = new Page<>(List.of(), omitted + 1, part, parts, mentions);
      return new Candidate<>(empty, render.apply(empty));
    }

    private static Paging.Fitted fitted(Page<?> page, String body) {
      return new Paging.Fitted(body, page.items().size(), page.omitted());
    }
  }
}
