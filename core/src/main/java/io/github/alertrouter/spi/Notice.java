package io.github.alertrouter.spi;

import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A short message that is not about alerts, such as an on-call handoff: a title, a few plain lines
 * and the people to @. Platforms escape title and lines like alert text (names come from
 * configuration, not from code) and add the mentions their way. Immutable.
 *
 * @param reason why it is posted ({@link NotifyReason#HANDOFF})
 * @param source what posts it, e.g. {@code schedule:primary}
 * @param key identifies this notice, e.g. {@code handoff:primary:2026-03-10T01:00:00Z}
 * @param title one line
 * @param lines the body, one entry per line
 * @param mentions who to @, resolved for the robot's platform
 * @param at when it is made
 */
public record Notice(
    NotifyReason reason, String source, String key, String title, List<String> lines, List<Mention> mentions,
    Instant at) {
  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a component is null
   */
  public Notice {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    lines = List.copyOf(lines);
    mentions = List.copyOf(mentions);
    Objects.requireNonNull(at, "at");
  }
}
