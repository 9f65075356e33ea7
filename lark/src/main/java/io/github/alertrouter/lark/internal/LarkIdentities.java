package io.github.alertrouter.lark.internal;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.render.ContactIdentities;
import java.util.regex.Pattern;

/**
 * Who a contact is on Lark. Custom bots @ only by {@code user_id} or {@code open_id}
 * (docs/platforms.md §2.3, §6: never email, union_id or mobile), read from the contact's
 * {@code im.lark.userId} and {@code im.lark.openId}.
 *
 * <p>The robot option {@code mentionBy} chooses between the two ids: a contact with both is @-ed by
 * the preferred one ({@code user_id} unless the robot says {@code openId}, as external groups
 * need), a contact with one id by that one. Ids are checked against the characters Lark ids have, because they are
 * written into {@code <at id=…>} tags: anything else could break out of the tag. Internal: use
 * {@code LarkProvider.resolve}. Stateless and thread-safe.
 */
public final class LarkIdentities {
  /** Identity type of a {@code user_id} (tenant-wide, the same for every app). */
  public static final String USER_ID = "userId";
  /** Identity type of an {@code open_id} ({@code ou_…}, different per app). */
  public static final String OPEN_ID = "openId";
  static final String PLATFORM = "lark";
  static final String NONE = "no Lark user_id or open_id";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

  private LarkIdentities() {}

  /** The identity {@code contact} is @-ed by, {@code user_id} preferred, or why it has none. Never throws. */
  public static IdentityResolution resolve(Contact contact) {
    return resolve(contact, false);
  }

  /** The identity {@code contact} is @-ed by with this preference, or why it has none. Never throws. */
  public static IdentityResolution resolve(Contact contact, boolean preferOpenId) {
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
}
