package io.github.alertrouter.lark;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.render.ContactIdentities;
import io.github.alertrouter.spi.render.LayoutText;
import io.github.alertrouter.spi.render.Wording;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who a contact is on Lark. Custom bots @ only by {@code user_id} or {@code open_id}
 * (docs/platforms.md §2.3, §6: never email, union_id or mobile), read from the contact's
 * {@code im.lark.userId} and {@code im.lark.openId}.
 *
 * <p>The robot option {@code mentionBy} chooses between the two ids: a contact with both is @-ed by
 * the preferred one ({@code user_id} unless the robot says {@code openId}, as external groups
 * need), a contact with one id by that one. Ids are checked against the characters Lark ids have, because they are
 * written into {@code <at id=…>} tags: anything else could break out of the tag. How each
 * message type writes the mentions is {@link Mentions}. Stateless and thread-safe.
 */
final class LarkIdentities {
  /** Identity type of a {@code user_id} (tenant-wide, the same for every app). */
  static final String USER_ID = "userId";
  /** Identity type of an {@code open_id} ({@code ou_…}, different per app). */
  static final String OPEN_ID = "openId";
  static final String PLATFORM = "lark";
  static final String NONE = "no Lark user_id or open_id";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

  private LarkIdentities() {}

  /** The identity {@code contact} is @-ed by, {@code user_id} preferred, or why it has none. Never throws. */
  static IdentityResolution resolve(Contact contact) {
    return resolve(contact, false);
  }

  /** The identity {@code contact} is @-ed by with this preference, or why it has none. Never throws. */
  static IdentityResolution resolve(Contact contact, boolean preferOpenId) {
    String userId = ContactIdentities.imId(contact, PLATFORM, USER_ID);
    String openId = ContactIdentities.imId(contact, PLATFORM, OPEN_ID);
    if (userId == null && openId == null) {
      return IdentityResolution.unresolved(NONE);
    }
    if (userId != null && !isId(userId)) {
      return IdentityResolution.unresolved(invalid("user_id", userId));
    }
    if (openId != null && !isId(openId)) {
      return IdentityResolution.unresolved(invalid("open_id", openId));
    }
    if (userId != null && openId != null) {
      return IdentityResolution.resolved(preferOpenId ? new Identity(OPEN_ID, openId) : new Identity(USER_ID, userId));
    }
    return IdentityResolution.resolved(userId != null ? new Identity(USER_ID, userId) : new Identity(OPEN_ID, openId));
  }

  /**
   * The id to write for {@code identity}; {@code null} when it is not a Lark identity or not
   * well-formed (it goes inside a tag).
   */
  static String pick(Identity identity) {
    boolean lark = USER_ID.equals(identity.type()) || OPEN_ID.equals(identity.type());
    return lark && isId(identity.value()) ? identity.value() : null;
  }

  static boolean isId(String id) {
    return ID.matcher(id).matches();
  }

  private static String invalid(String kind, String id) {
    return "Lark " + kind + " \"" + id + "\" has characters Lark ids do not have (letters, digits, _ . - only)";
  }

  /**
   * Who one notification @s on Lark, and how each message type writes it. On Lark the tag itself
   * is the mention (there is no separate list to keep in sync), so each form below is the whole
   * story: card {@code <at id=ID></at>} ({@code <at id=all></at>}), text
   * {@code <at user_id="ID">Name</at>} ({@code <at user_id="all">所有人</at>}), post
   * {@code {"tag":"at","user_id":ID}} ({@code "all"}). Ids are user_ids or open_ids as chosen by
   * {@link #pick}; mentions that do not resolve are listed by name with the reason. Immutable.
   *
   * @param people chosen id → display name (raw), in order
   * @param atAll whether everyone is @-ed
   * @param resolved the mentions carried
   * @param unresolved raw lines {@code Name (not @-ed: reason)} in the robot's wording; layouts escape them
   */
  record Mentions(Map<String, String> people, boolean atAll, List<Mention> resolved, List<String> unresolved) {
    static final String ALL = "all";
    static final String ALL_NAME = "所有人";
    static final String CARD_ALL = "<at id=all></at>";
    static final String TEXT_ALL = "<at user_id=\"all\">" + ALL_NAME + "</at>";
    private static final int MAX_NAME = 80;

    static Mentions of(List<Mention> mentions) {
      return of(mentions, Wording.DEFAULT);
    }

    /** The mentions of one message; people who cannot be @-ed are named in {@code wording}. */
    static Mentions of(List<Mention> mentions, Wording wording) {
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
        String id = m.isResolved() ? pick(m.identity()) : null;
        if (id != null && !ALL.equals(id)) {
          if (people.putIfAbsent(id, m.name()) == null) {
            resolved.add(m);
          }
        } else {
          String why = m.isResolved() ? "identity " + m.identity().type() + " is not a Lark user_id or open_id" : m.reason();
          unresolved.add(wording.notMentioned(m.name(), wording.mentionReason(why)));
        }
      }
      return new Mentions(Collections.unmodifiableMap(people), all, List.copyOf(resolved), List.copyOf(unresolved));
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
      people.forEach((id, name) -> tags.add("<at user_id=\"" + id + "\">" + LarkDialect.TEXT.inline(name, MAX_NAME) + "</at>"));
      if (atAll) {
        tags.add(TEXT_ALL);
      }
      return tags;
    }

    /** The tags of {@code dialect} (card or text) as one line. */
    String tags(LarkDialect dialect) {
      return String.join(" ", dialect == LarkDialect.CARD ? cardTagList() : textTagList());
    }

    /** The unresolved lines escaped for {@code dialect}, one per line, or {@code ""}. */
    String unresolvedText(LarkDialect dialect) {
      return String.join("\n", unresolved.stream().map(u -> dialect.inline(u, MAX_NAME * 3)).toList());
    }

    /** Display name for a post {@code at} element (structural, so only cleaned and bounded). */
    static String postName(String name) {
      return LarkDialect.POST.inline(name, MAX_NAME);
    }

    /** {@code text} plus the tags it lacks on a final line, so a template cannot drop a mention. */
    static String withTags(String text, List<String> tags) {
      return LayoutText.withMissing(text, tags, "\n", String::contains);
    }
  }
}
