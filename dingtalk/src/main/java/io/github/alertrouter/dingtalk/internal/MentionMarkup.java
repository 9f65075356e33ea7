package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.notify.Mention;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who one notification @s on DingTalk, in the two forms DingTalk needs together: the {@code at}
 * object's lists and the {@code @token}s written in the text (the doc asks for both). Mentions
 * that did not resolve are shown by name, escaped, with the reason. {@code all} sets
 * {@code isAtAll} and writes {@code @所有人}, what DingTalk itself shows for it. Immutable.
 *
 * @param mobiles {@code atMobiles}
 * @param userIds {@code atUserIds}
 * @param atAll {@code isAtAll}
 * @param resolved the mentions the lists carry
 * @param unresolved one escaped line per mention that cannot be @-ed
 */
record MentionMarkup(
    List<String> mobiles, List<String> userIds, boolean atAll, List<Mention> resolved, List<String> unresolved) {
  static final String ALL_TOKEN = "@所有人";
  private static final int MAX_NAME_CODE_POINTS = 80;

  static MentionMarkup of(List<Mention> mentions) {
    Set<String> mobiles = new LinkedHashSet<>();
    Set<String> userIds = new LinkedHashSet<>();
    boolean all = false;
    List<Mention> resolved = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.isAll()) {
        all = true;
        resolved.add(m);
      } else if (m.isResolved() && DingTalkIdentities.MOBILE.equals(m.identity().type())) {
        if (mobiles.add(m.identity().value())) {
          resolved.add(m);
        }
      } else if (m.isResolved() && DingTalkIdentities.USER_ID.equals(m.identity().type())) {
        if (userIds.add(m.identity().value())) {
          resolved.add(m);
        }
      } else {
        String why = m.isResolved() ? "identity type " + m.identity().type() + " is not a DingTalk one" : m.reason();
        unresolved.add(DingTalkEscaper.inline(m.name(), MAX_NAME_CODE_POINTS)
            + " (not @-ed: " + DingTalkEscaper.inline(why, MAX_NAME_CODE_POINTS * 2) + ")");
      }
    }
    return new MentionMarkup(List.copyOf(mobiles), List.copyOf(userIds), all, List.copyOf(resolved), List.copyOf(unresolved));
  }

  boolean hasResolved() {
    return !resolved.isEmpty();
  }

  /** Every token: {@code @mobile}, {@code @userId}, and {@code @所有人} for all. */
  List<String> tokens() {
    List<String> tokens = new ArrayList<>();
    mobiles.forEach(m -> tokens.add("@" + m));
    userIds.forEach(u -> tokens.add("@" + u));
    if (atAll) {
      tokens.add(ALL_TOKEN);
    }
    return tokens;
  }

  /** Only the {@code @userId} tokens: what an action card can carry. */
  List<String> userIdTokens() {
    return userIds.stream().map(u -> "@" + u).toList();
  }

  /** The unresolved names, one per line, or {@code ""}. */
  String unresolvedText() {
    return String.join("\n\n", unresolved);
  }

  /**
   * {@code text} plus any of {@code tokens} it lacks, on a final line, so a template that drops
   * the mention line loses no mention. A token counts as present only when whole: {@code @123}
   * is not in {@code @1234}.
   */
  static String withTokens(String text, List<String> tokens) {
    List<String> missing = tokens.stream().filter(t -> !containsToken(text, t)).toList();
    if (missing.isEmpty()) {
      return text;
    }
    return (text.isEmpty() ? "" : text.stripTrailing() + "\n\n") + String.join(" ", missing);
  }

  static boolean containsToken(String text, String token) {
    int from = 0;
    while (true) {
      int at = text.indexOf(token, from);
      if (at < 0) {
        return false;
      }
      int end = at + token.length();
      if (end == text.length() || !isTokenChar(text.charAt(end))) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+';
  }
}
