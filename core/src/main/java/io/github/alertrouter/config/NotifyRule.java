package io.github.alertrouter.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where, to whom and how a policy sends. {@code null} fields are inherited by nested routes
 * (top-level: always window, no robots, no mentions, the platforms' built-in layouts). Immutable
 * and thread-safe.
 *
 * @param window when sending is allowed, or {@code null}
 * @param robots robot ids, each a group chat
 * @param mention who to @mention
 * @param templates a message template per platform id ({@code dingtalk: "..."}), replacing that
 *     platform's built-in layout; values inserted into a template are escaped for the platform,
 *     the template text is not
 * @param requireBinding whether a contact @-ed by mobile number must have bound it first (ARMS);
 *     unbound ones are named, not @-ed, and reported; {@code null} inherits (default false)
 */
public record NotifyRule(
    NotifyWindow window, List<String> robots, List<MentionTarget> mention, Map<String, String> templates,
    Boolean requireBinding) {
  /** Sets nothing: a nested route with it inherits its parent's rule whole. */
  public static final NotifyRule INHERIT = new NotifyRule(null, null, null, null, null);

  public NotifyRule {
    robots = robots == null ? null : List.copyOf(robots);
    mention = mention == null ? null : List.copyOf(mention);
    templates = templates == null ? null : Collections.unmodifiableMap(new TreeMap<>(templates));
  }

  /** A rule that inherits its templates and binding requirement. */
  public NotifyRule(NotifyWindow window, List<String> robots, List<MentionTarget> mention) {
    this(window, robots, mention, null, null);
  }

  /** A rule that inherits its binding requirement. */
  public NotifyRule(
      NotifyWindow window, List<String> robots, List<MentionTarget> mention, Map<String, String> templates) {
    this(window, robots, mention, templates, null);
  }
}
