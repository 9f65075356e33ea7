package io.github.alertrouter.config;

import java.util.List;

/**
 * Where and to whom a policy sends. {@code null} fields are inherited by nested routes (top-level:
 * always window, no robots, no mentions). Immutable and thread-safe.
 *
 * @param window when sending is allowed, or {@code null}
 * @param robots robot ids, each a group chat
 * @param mention who to @mention
 */
public record NotifyRule(NotifyWindow window, List<String> robots, List<MentionTarget> mention) {
  /** Sets nothing: a nested route with it inherits its parent's rule whole. */
  public static final NotifyRule INHERIT = new NotifyRule(null, null, null);

  public NotifyRule {
    robots = robots == null ? null : List.copyOf(robots);
    mention = mention == null ? null : List.copyOf(mention);
  }
}
