package io.github.alertrouter.wecom;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.MobileNumbers;
import io.github.alertrouter.spi.render.ContactIdentities;
import java.util.regex.Pattern;

/**
 * Who a contact is on WeCom: its WeCom {@code userid} when configured ({@code im.wecom.userId}),
 * which every mentioning message type can carry ({@code <@userid>} in markdown and text, or
 * {@code mentioned_list}), else its mobile normalised by {@link MobileNumbers}, which only a
 * {@code text} message's {@code mentioned_mobile_list} can carry.
 *
 * <p>A userid must look like one (WeCom's member API: 1–64 bytes of letters, digits and
 * {@code _ - @ .}, starting with a letter or digit): it is written into markdown as
 * {@code <@userid>}, so a configured value with {@code >} or a space could otherwise break out of
 * the token. Stateless and thread-safe.
 */
final class WeComIdentities {
  /** Identity type for {@code <@userid>} and {@code mentioned_list}. */
  static final String USER_ID = "userId";
  /** Identity type for {@code mentioned_mobile_list}. */
  static final String MOBILE = ContactIdentities.MOBILE;
  static final String PLATFORM = "wecom";
  static final String NONE = "no WeCom userid or mobile";
  private static final Pattern USER_ID_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-@.]{0,63}");

  private WeComIdentities() {}

  /** The identity {@code contact} is @-ed by, or why it has none. Never throws. */
  static IdentityResolution resolve(Contact contact) {
    String id = ContactIdentities.imId(contact, PLATFORM, USER_ID);
    if (id == null) {
      return ContactIdentities.mobile(contact, NONE);
    }
    return isUserId(id)
        ? IdentityResolution.resolved(new Identity(USER_ID, id))
        : IdentityResolution.unresolved("WeCom userid \"" + id + "\" is not valid (1-64 letters, digits,"
            + " _ - @ . starting with a letter or digit)");
  }

  /** Whether {@code id} has the shape of a WeCom userid. */
  static boolean isUserId(String id) {
    return USER_ID_SHAPE.matcher(id).matches();
  }
}
