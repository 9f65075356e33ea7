package io.github.alertrouter.spi.render;

import io.github.alertrouter.notify.Notification;
import java.util.List;

/**
 * How a built-in layout lists a notification's alerts. A notification of one group is always
 * {@link #FULL}; a digest is shown in the most detailed look in which every alert fits, else in
 * the last ({@link #DIGEST}, {@link ByteBudget#fit(List, io.github.alertrouter.spi.Overflow, List)}),
 * so that a storm's digest names as many alerts as the message can hold.
 */
public enum Look {
  /** Each alert in full: headline, summary, description, key labels, times, source link. */
  FULL,
  /** One line per alert with its summary ({@link AlertFacts#compactLine}). */
  LINE,
  /** One line per alert without its summary: the most alerts one message can name. */
  SHORT_LINE;

  /** The looks a digest tries, most detailed first. */
  public static final List<Look> DIGEST = List.of(FULL, LINE, SHORT_LINE);

  /** The looks {@code n} is tried in: {@link #DIGEST} for a digest, else {@link #FULL} only. */
  public static List<Look> of(Notification n) {
    return n.isDigest() ? DIGEST : List.of(FULL);
  }

  /** Whether alerts are listed one line each, after the counts ({@link NotificationFacts#countLines}). */
  public boolean compact() {
    return this != FULL;
  }
}
