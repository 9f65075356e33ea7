package io.github.alertrouter.dingtalk;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.MobileNumbers;
import io.github.alertrouter.spi.render.ContactIdentities;

/**
 * Who a contact is on DingTalk: its DingTalk {@code userId} when configured
 * ({@code im.dingtalk.userId}), which can be @-ed in every message type, else its mobile number
 * normalised by {@link MobileNumbers}. Stateless and thread-safe.
 */
final class DingTalkIdentities {
  /** Identity type for {@code atUserIds}. */
  static final String USER_ID = "userId";
  /** Identity type for {@code atMobiles}. */
  static final String MOBILE = ContactIdentities.MOBILE;
  static final String PLATFORM = "dingtalk";
  static final String NONE = "no DingTalk userId or mobile";

  private DingTalkIdentities() {}

  /** The identity {@code contact} is @-ed by, or why it has none. Never throws. */
  static IdentityResolution resolve(Contact contact) {
    String userId = ContactIdentities.imId(contact, PLATFORM, USER_ID);
    return userId != null
        ? IdentityResolution.resolved(new Identity(USER_ID, userId))
        : ContactIdentities.mobile(contact, NONE);
  }
}
