package io.github.alertrouter.spi.render;

import java.util.List;

/**
 * What one message shows of a notification that may not fit in one: a run of items (usually
 * alerts, in order), how many are left out, which part it is, and whether it carries the
 * mentions. Immutable.
 *
 * @param items the items shown
 * @param omitted items left out ("…and 480 more alerts"), over the size limit or beyond the robot's
 *     {@code maxAlerts}; 0 when split, unless an item cannot be shown at all (see
 *     {@link Paging.Fitted#omitted()})
 * @param part 1-based part number
 * @param parts how many parts; 1 unless split
 * @param carriesMentions whether the mentions go in this message (only the first part's do)
 * @param <T> the item type, a platform's view of an alert
 */
public record Page<T>(List<T> items, int omitted, int part, int parts, boolean carriesMentions) {
  /** Copies {@code items}, which must not be null. */
  public Page {
    items = List.copyOf(items);
  }

  /** All items in one message, with the mentions. */
  public static <T> Page<T> whole(List<T> items) {
    return new Page<>(items, 0, 1, 1, true);
  }

  /** Whether this is one of several parts. */
  public boolean isPart() {
    return parts > 1;
  }

  /** {@code …and 480 more alerts}, or {@code ""}. */
  public String moreLine() {
    return omitted == 0 ? "" : "…and " + omitted + " more alert" + (omitted == 1 ? "" : "s");
  }
}
