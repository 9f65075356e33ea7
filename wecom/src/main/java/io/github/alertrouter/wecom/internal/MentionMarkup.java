package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.notify.Mention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who one notification @s on WeCom, sorted by what can carry each mention (docs/platforms.md §3.3):
 * a userid can be a {@code <@userid>} token in markdown or text content, or a
 * {@code mentioned_list} entry of a text message; a mobile only a {@code mentioned_mobile_list}
 * entry; everyone only {@code "@all"} in a text message's lists ({@code <@all>} in markdown is
 * unverified, so it is never relied on). Mentions that did not resolve are shown by name, escaped,
 * with the reason. Immutable.
 *
 * @param userIds distinct userids, in order
 * @param mobiles distinct mobiles, in order
 * @param atAll whether everyone is mentioned
 * @param userIdMentions the mentions behind {@code userIds}
 * @param otherMentions the mentions behind {@code mobiles} and {@code atAll}: what markdown cannot carry
 * @param unresolved one escaped line per mention that cannot be @-ed
 */
record MentionMarkup(
    List<String> userIds, List<String> mobiles, boolean atAll, List<Mention> userIdMentions,
    List<Mention> otherMentions, List<String> unresolved) {
  /** WeCom's "everyone" entry in {@code mentioned_list} and {@code mentioned_mobile_list}. */
  static final String ALL = "@all";
  private static final int MAX_NAME_CODE_POINTS = 80;

  /** What one text message's lists carry, and the mentions behind them. */
  record Lists(List<String> mentionedList, List<String> mentionedMobileList, List<Mention> mentions) {
    static final Lists NONE = new Lists(List.of(), List.of(), List.of());

    boolean isEmpty() {
      return mentions.isEmpty();
    }
  }

  static MentionMarkup of(List<Mention> mentions, WeComEscaper escaper) {
    Set<String> userIds = new LinkedHashSet<>();
    Set<String> mobiles = new LinkedHashSet<>();
    boolean all = false;
    List<Mention> userIdMentions = new ArrayList<>();
    List<Mention> other = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Mention m : mentions) {
      String type = m.isResolved() ? m.identity().type() : "";
      if (m.isAll()) {
        if (!all) {
          other.add(m);
        }
        all = true;
      } else if (type.equals(WeComIdentities.USER_ID) && WeComIdentities.isUserId(m.identity().value())) {
        if (userIds.add(m.identity().value())) {
          userIdMentions.add(m);
        }
      } else if (type.equals(WeComIdentities.MOBILE)) {
        if (mobiles.add(m.identity().value())) {
          other.add(m);
        }
      } else {
        String why = m.isResolved() ? "identity " + type + " is not a WeCom one" : m.reason();
        unresolved.add(escaper.inline(m.name(), MAX_NAME_CODE_POINTS)
            + " (not @-ed: " + escaper.inline(why, MAX_NAME_CODE_POINTS * 2) + ")");
      }
    }
    return new MentionMarkup(List.copyOf(userIds), List.copyOf(mobiles), all, List.copyOf(userIdMentions),
        List.copyOf(other), List.copyOf(unresolved));
  }

  /** Whether some mention needs a text message's lists: a mobile, or everyone. */
  boolean needsLists() {
    return !mobiles.isEmpty() || atAll;
  }

  /** The {@code <@userid>} tokens markdown content writes. */
  List<String> tokens() {
    return userIds.stream().map(u -> "<@" + u + ">").toList();
  }

  /** Every mention in a text message's lists: for {@code text} and the follow-up of markdown_v2. */
  Lists everything() {
    List<String> list = new ArrayList<>(userIds);
    if (atAll) {
      list.add(ALL);
    }
    return new Lists(List.copyOf(list), mobiles,
        Stream.concat(userIdMentions.stream(), otherMentions.stream()).toList());
  }

  /** What markdown cannot carry (mobiles, everyone): the follow-up of a markdown message. */
  Lists beyondMarkdown() {
    return new Lists(atAll ? List.of(ALL) : List.of(), mobiles, otherMentions);
  }

  /** The unresolved names, one per line, or {@code ""}. */
  String unresolvedText() {
    return String.join("\n", unresolved);
  }

  /**
   * {@code text} plus any of {@code tokens} it lacks, on a final line, so a template that drops
   * the mention line loses no mention. {@code <@id>} tokens are delimited, so a plain search is exact.
   */
  static String withTokens(String text, List<String> tokens) {
    List<String> missing = tokens.stream().filter(t -> !text.contains(t)).toList();
    if (missing.isEmpty()) {
      return text;
    }
    return (text.isEmpty() ? "" : text.stripTrailing() + "\n") + String.join(" ", missing);
  }
}
