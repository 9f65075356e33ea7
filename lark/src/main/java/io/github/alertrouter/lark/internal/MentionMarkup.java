package io.github.alertrouter.lark.internal;

import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.notify.Mention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who one notification @s on Lark, and how each message type writes it. On Lark the tag itself is
 * the mention (there is no separate list to keep in sync), so each form below is the whole story:
 * card {@code <at id=ID></at>} ({@code <at id=all></at>}), text
 * {@code <at user_id="ID">Name</at>} ({@code <at user_id="all">所有人</at>}), post
 * {@code {"tag":"at","user_id":ID}} ({@code "all"}). Ids are user_ids or open_ids as chosen by
 * {@link LarkIdentities#pick}; mentions that do not resolve are listed by name with the reason.
 * Immutable.
 *
 * @param people chosen id → display name (raw), in order
 * @param atAll whether everyone is @-ed
 * @param resolved the mentions carried
 * @param unresolved raw lines {@code Name (not @-ed: reason)}; layouts escape them
 */
record MentionMarkup(Map<String, String> people, boolean atAll, List<Mention> resolved, List<String> unresolved) {
  static final String ALL = "all";
  static final String ALL_NAME = "所有人";
  static final String CARD_ALL = "<at id=all></at>";
  static final String TEXT_ALL = "<at user_id=\"all\">" + ALL_NAME + "</at>";
  private static final int MAX_NAME = 80;

  static MentionMarkup of(List<Mention> mentions) {
    Map<String, String> people = new LinkedHashMap<>();
    boolean all = false;
    List<Mention> resolved = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.isAll()) {
        if (!all) {
          resolved.add(m);
        }
        all = true;
        continue;
      }
      String id = m.isResolved() ? LarkIdentities.pick(m.identity()) : null;
      if (id != null && !ALL.equals(id)) {
        if (people.putIfAbsent(id, m.name()) == null) {
          resolved.add(m);
        }
      } else {
        String why = m.isResolved() ? "identity " + m.identity().type() + " is not a Lark user_id or open_id" : m.reason();
        unresolved.add(m.name() + " (not @-ed: " + why + ")");
      }
    }
    return new MentionMarkup(Collections.unmodifiableMap(people), all, List.copyOf(resolved), List.copyOf(unresolved));
  }

  /** Every card tag, for checking a template kept them. */
  List<String> cardTagList() {
    List<String> tags = new ArrayList<>();
    people.keySet().forEach(id -> tags.add("<at id=" + id + "></at>"));
    if (atAll) {
      tags.add(CARD_ALL);
    }
    return tags;
  }

  /** Every text-message tag, names escaped for text. */
  List<String> textTagList() {
    List<String> tags = new ArrayList<>();
    people.forEach((id, name) -> tags.add("<at user_id=\"" + id + "\">" + Dialect.TEXT.inline(name, MAX_NAME) + "</at>"));
    if (atAll) {
      tags.add(TEXT_ALL);
    }
    return tags;
  }

  /** The tags of {@code dialect} (card or text) as one line. */
  String tags(Dialect dialect) {
    return String.join(" ", dialect == Dialect.CARD ? cardTagList() : textTagList());
  }

  /** The unresolved lines escaped for {@code dialect}, one per line, or {@code ""}. */
  String unresolvedText(Dialect dialect) {
    return String.join("\n", unresolved.stream().map(u -> dialect.inline(u, MAX_NAME * 3)).toList());
  }

  /** Display name for a post {@code at} element (structural, so only cleaned and bounded). */
  static String postName(String name) {
    return Dialect.POST.inline(name, MAX_NAME);
  }

  /** {@code text} plus the tags it lacks on a final line, so a template cannot drop a mention. */
  static String withTags(String text, List<String> tags) {
    List<String> missing = tags.stream().filter(t -> !text.contains(t)).toList();
    return missing.isEmpty() ? text : (text.isEmpty() ? "" : text.stripTrailing() + "\n") + String.join(" ", missing);
  }
}
