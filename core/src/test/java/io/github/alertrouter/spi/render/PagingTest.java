package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.spi.Overflow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PagingTest {
  /** "[part/parts] items... +omitted @" — mentions are the trailing "@", never cut. */
  private static final Function<Page<String>, String> RENDER = p ->
      "[" + p.part() + "/" + p.parts() + "] " + String.join(",", p.items())
          + (p.omitted() > 0 ? " " + p.moreLine() : "") + (p.carriesMentions() ? " @" : "");

  private static List<String> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> "item" + i).toList();
  }

  private static List<String> fit(List<String> items, Overflow overflow, int limit) {
    return Paging.fit(items, overflow, RENDER, body -> body.length() <= limit,
        (item, max) -> item.substring(0, Math.min(item.length(), max)), 100);
  }

  @Test
  void whatFitsIsOneMessage() {
    assertThat(fit(items(3), Overflow.TRUNCATE, 1000)).containsExactly("[1/1] item0,item1,item2 @");
  }

  @Test
  void truncateKeepsTheMostWholeItemsAndCountsTheRest() {
    List<String> out = fit(items(10), Overflow.TRUNCATE, 60);
    assertThat(out).containsExactly("[1/1] item0,item1,item2,item3,item4 …and 5 more alerts @");
    // one more whole item would not have fitted
    assertThat(RENDER.apply(new Page<>(items(6), 4, 1, 1, true)).length()).isGreaterThan(60);
  }

  @Test
  void splitShowsEveryItemOnceWithMentionsOnlyFirst() {
    List<String> out = fit(items(10), Overflow.SPLIT, 40);
    assertThat(out).allSatisfy(body -> assertThat(body.length()).isLessThanOrEqualTo(40));
    assertThat(out.get(0)).endsWith(" @");
    assertThat(out.subList(1, out.size())).noneMatch(b -> b.endsWith("@"));
    assertThat(out).allSatisfy(b -> assertThat(b).startsWith("[" + (out.indexOf(b) + 1) + "/" + out.size() + "]"));
    List<String> shown = out.stream()
        .flatMap(b -> java.util.regex.Pattern.compile("item\\d+").matcher(b).results().map(r -> r.group()))
        .toList();
    assertThat(shown).containsExactlyElementsOf(items(10));
  }

  @Test
  void anItemTooBigAloneIsShortenedAsLittleAsNeeded() {
    List<String> out = fit(List.of("x".repeat(500), "y"), Overflow.TRUNCATE, 60);
    assertThat(out).singleElement().satisfies(b -> {
      assertThat(b.length()).isLessThanOrEqualTo(60);
      assertThat(b).contains("…and 1 more alert @");
      assertThat(fit(List.of("x".repeat(500), "y"), Overflow.TRUNCATE, 61).get(0)).hasSize(b.length() + 1);
    });
  }

  private static List<Paging.Fitted> fitPages(List<String> items, Overflow overflow, int limit) {
    return Paging.fitPages(items, overflow, RENDER, body -> body.length() <= limit,
        (item, max) -> item.substring(0, Math.min(item.length(), max)), 100);
  }

  @Test
  void aTruncatedMessageCountsWhatItLeavesOut() {
    assertThat(fitPages(items(10), Overflow.TRUNCATE, 60)).singleElement().satisfies(page -> {
      assertThat(page.body()).isEqualTo("[1/1] item0,item1,item2,item3,item4 …and 5 more alerts @");
      assertThat(page.shown()).isEqualTo(5);
      assertThat(page.omitted()).isEqualTo(5);
    });
    assertThat(fitPages(items(3), Overflow.TRUNCATE, 1000))
        .containsExactly(new Paging.Fitted("[1/1] item0,item1,item2 @", 3, 0));
    assertThat(fitPages(List.of("x".repeat(500), "y"), Overflow.TRUNCATE, 60))
        .as("a shortened item is shown").singleElement()
        .satisfies(page -> assertThat(page.shown()).isEqualTo(1))
        .satisfies(page -> assertThat(page.omitted()).isEqualTo(1));
    assertThat(fitPages(List.of(), Overflow.TRUNCATE, 60)).containsExactly(new Paging.Fitted("[1/1]  @", 0, 0));
  }

  @Test
  void theFirstLookInWhichEveryItemFitsWinsElseTheLastIsFitted() {
    // a detailed look (each item twice) and a compact one (each item once)
    Function<Page<String>, String> detailed = p -> "D " + String.join(",", p.items().stream().map(i -> i + i).toList())
        + (p.omitted() > 0 ? " " + p.moreLine() : "");
    Function<Page<String>, String> compact = p -> "C " + String.join(",", p.items())
        + (p.omitted() > 0 ? " " + p.moreLine() : "");
    List<Function<Page<String>, String>> looks = List.of(detailed, compact);

    assertThat(fitLooks(items(2), looks, 100)).containsExactly("D item0item0,item1item1");
    assertThat(fitLooks(items(5), looks, 40)).as("too long in detail, whole when compact")
        .containsExactly("C item0,item1,item2,item3,item4");
    assertThat(fitLooks(items(10), looks, 40)).as("too long in either: the compact look, truncated")
        .containsExactly("C item0,item1,item2 …and 7 more alerts");
  }

  private static List<String> fitLooks(List<String> items, List<Function<Page<String>, String>> looks, int limit) {
    return Paging.fitPages(items, Overflow.TRUNCATE, looks, body -> body.length() <= limit,
        (item, max) -> item.substring(0, Math.min(item.length(), max)), 100).stream().map(Paging.Fitted::body).toList();
  }

  @Test
  void splitLeavesNothingOut() {
    List<Paging.Fitted> pages = fitPages(items(10), Overflow.SPLIT, 40);

    assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page.omitted()).isZero());
    assertThat(pages.stream().mapToInt(Paging.Fitted::shown).sum()).isEqualTo(10);
  }

  @Test
  void whenNotEvenAnEmptyItemFitsTheItemIsCountedAsLeftOut() {
    // the heading and mentions alone are over the limit: nothing can be shown, in either mode
    assertThat(fitPages(items(3), Overflow.TRUNCATE, 5)).singleElement()
        .satisfies(page -> assertThat(page.shown()).isZero())
        .satisfies(page -> assertThat(page.omitted()).isEqualTo(3));
    assertThat(fitPages(items(3), Overflow.SPLIT, 5)).hasSize(3)
        .allSatisfy(page -> assertThat(page.shown()).isZero())
        .allSatisfy(page -> assertThat(page.omitted()).isEqualTo(1));
  }

  static Stream<Arguments> everyAlertIsShownOrCounted() {
    return Stream.of(Overflow.values()).flatMap(overflow -> IntStream.of(0, 1, 2, 7, 30).boxed()
        .flatMap(n -> IntStream.of(1, 12, 20, 33, 60, 200, 10_000)
            .mapToObj(limit -> Arguments.of(overflow, n, limit))));
  }

  @ParameterizedTest(name = "{0}, {1} items, limit {2}")
  @MethodSource
  void everyAlertIsShownOrCounted(Overflow overflow, int n, int limit) {
    // every third item is long, so some pages need shortening
    List<String> items = IntStream.range(0, n).mapToObj(i -> i % 3 == 0 ? "long" + "z".repeat(40) + i : "item" + i)
        .toList();

    List<Paging.Fitted> pages = fitPages(items, overflow, limit);

    assertThat(pages).extracting(Paging.Fitted::body)
        .as("the same bodies as fit()")
        .containsExactlyElementsOf(Paging.fit(items, overflow, RENDER, body -> body.length() <= limit,
            (item, max) -> item.substring(0, Math.min(item.length(), max)), 100));
    assertThat(pages.stream().mapToInt(p -> p.shown() + p.omitted()).sum()).isEqualTo(n);
    if (overflow == Overflow.TRUNCATE) {
      assertThat(pages).hasSize(1);
    }
  }

  @Test
  void aBigSplitRendersFewPagesAndFewItems() {
    // W1's shape: 2,000 alerts of one size, a limit that holds 75 a part
    List<String> items = IntStream.range(0, 2000).mapToObj(i -> "a%07d".formatted(i)).toList();
    int[] renders = {0};
    long[] itemsRendered = {0};
    Function<Page<String>, String> counting = p -> {
      renders[0]++;
      itemsRendered[0] += p.items().size();
      return RENDER.apply(p);
    };

    List<Paging.Fitted> pages = Paging.fitPages(items, Overflow.SPLIT, counting, body -> body.length() <= 690,
        (item, max) -> item.substring(0, Math.min(item.length(), max)), 100);

    assertThat(pages.stream().map(Paging.Fitted::shown).toList())
        .hasSize(27).containsOnly(75, 50).endsWith(50);
    // a bisection of [1, remaining] per part rendered 286 pages holding 41,807 items; from the
    // previous part's size: the whole, the first part's gallop and bisection (14), two for each
    // later part, the last part's one, and each part again with its number: 93 pages, 8,553 items
    assertThat(renders[0]).isLessThanOrEqualTo(100);
    assertThat(itemsRendered[0]).isLessThanOrEqualTo(10_000);
  }

  private static List<Paging.Fitted> fitAtMost(List<String> items, Overflow overflow, int maxItems, int limit) {
    return Paging.fitPages(items, overflow, maxItems, List.of(RENDER), body -> body.length() <= limit,
        (item, max) -> item.substring(0, Math.min(item.length(), max)), 100);
  }

  @Test
  void maxItemsTruncatesAMessageThatWouldFitAndCountsTheRestAsOverTheLimit() {
    assertThat(fitAtMost(items(5), Overflow.TRUNCATE, 2, 10_000)).singleElement().satisfies(page -> {
      assertThat(page.body()).isEqualTo("[1/1] item0,item1 …and 3 more alerts @");
      assertThat(page.shown()).isEqualTo(2);
      assertThat(page.omitted()).isEqualTo(3);
    });
  }

  @Test
  void maxItemsShowsFewerWhenTheyDoNotFit() {
    // 5 fit in 60 characters (see above); a limit of 8 does not raise that
    assertThat(fitAtMost(items(10), Overflow.TRUNCATE, 8, 60)).extracting(Paging.Fitted::body)
        .containsExactly("[1/1] item0,item1,item2,item3,item4 …and 5 more alerts @");
    // and 3 are 3 whatever the room
    assertThat(fitAtMost(items(10), Overflow.TRUNCATE, 3, 60)).extracting(Paging.Fitted::body)
        .containsExactly("[1/1] item0,item1,item2 …and 7 more alerts @");
  }

  @Test
  void maxItemsAtOrAboveTheItemsChangesNothing() {
    for (Overflow overflow : Overflow.values()) {
      for (int limit : new int[] {40, 60, 10_000}) {
        assertThat(fitAtMost(items(5), overflow, 5, limit)).isEqualTo(fitPages(items(5), overflow, limit));
        assertThat(fitAtMost(items(5), overflow, 50, limit)).isEqualTo(fitPages(items(5), overflow, limit));
        assertThat(fitAtMost(items(5), overflow, Paging.NO_LIMIT, limit)).isEqualTo(fitPages(items(5), overflow, limit));
      }
    }
  }

  @Test
  void splitWithMaxItemsListsEveryItemInPartsOfAtMostThatMany() {
    List<Paging.Fitted> pages = fitAtMost(items(5), Overflow.SPLIT, 2, 10_000);

    assertThat(pages).extracting(Paging.Fitted::body).containsExactly(
        "[1/3] item0,item1 @", "[2/3] item2,item3", "[3/3] item4");
    assertThat(pages).allSatisfy(page -> assertThat(page.omitted()).isZero());
  }

  @Test
  void splitWithMaxItemsStillSplitsByBytesWithinEachPart() {
    // parts of 3 when they fit: all do
    assertThat(fitAtMost(items(10), Overflow.SPLIT, 3, 40)).extracting(Paging.Fitted::shown).containsExactly(3, 3, 3, 1);
    // a long first item leaves room for only 2 in the first part; the short rest would fit 5 to a
    // part, and are put 3 to a part
    List<String> items = List.of("x".repeat(30), "a", "b", "c", "d", "e", "f");
    assertThat(fitPages(items, Overflow.SPLIT, 40)).extracting(Paging.Fitted::shown).containsExactly(2, 5);
    List<Paging.Fitted> pages = fitAtMost(items, Overflow.SPLIT, 3, 40);
    assertThat(pages).extracting(Paging.Fitted::shown).containsExactly(2, 3, 2);
    assertThat(pages).allSatisfy(page -> assertThat(page.body().length()).isLessThanOrEqualTo(40));
  }

  @Test
  void withLooksMaxItemsShowsTheLimitedItemsInTheMostDetailedLookTheyFitIn() {
    Function<Page<String>, String> detailed = p -> "D " + String.join(",", p.items().stream().map(i -> i + i).toList())
        + (p.omitted() > 0 ? " " + p.moreLine() : "");
    Function<Page<String>, String> compact = p -> "C " + String.join(",", p.items())
        + (p.omitted() > 0 ? " " + p.moreLine() : "");
    List<Function<Page<String>, String>> looks = List.of(detailed, compact);
    Function<Integer, List<String>> fit = max -> Paging.fitPages(items(10), Overflow.TRUNCATE, max, looks,
        body -> body.length() <= 50, (item, m) -> item, 100).stream().map(Paging.Fitted::body).toList();

    // ten do not fit in either look: without a limit, the compact look truncated
    assertThat(fit.apply(Paging.NO_LIMIT)).containsExactly("C item0,item1,item2,item3,item4 …and 5 more alerts");
    // two fit in detail; three only compact
    assertThat(fit.apply(2)).containsExactly("D item0item0,item1item1 …and 8 more alerts");
    assertThat(fit.apply(3)).containsExactly("C item0,item1,item2 …and 7 more alerts");
  }

  @Test
  void aNegativeMaxItemsIsRefused() {
    assertThatThrownBy(() -> fitAtMost(items(3), Overflow.TRUNCATE, -1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxItems must be >= 0 (0: no limit), but was -1");
  }

  @Test
  void timesShowZoneAndOffsetAndDurationsTheirTwoLargestUnits() {
    Instant t = Instant.parse("2026-03-08T02:00:05Z");
    assertThat(TimeText.instant(t, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-03-08 10:00:05 CST (+08:00)");
    assertThat(TimeText.between(t, t.plusSeconds(3905))).isEqualTo("1h 5m");
    assertThat(TimeText.between(t, t.plusSeconds(45))).isEqualTo("45s");
    assertThat(TimeText.between(t, t)).isEqualTo("0s");
    assertThat(TimeText.between(null, t)).isEmpty();
  }
}
