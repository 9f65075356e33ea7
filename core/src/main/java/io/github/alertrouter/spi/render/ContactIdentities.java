package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.MobileNumbers;

/**
 * What every platform's identities read from a contact alike: an id from the contact's {@code im}
 * map ({@code im.dingtalk.userId}), and its mobile number normalised by {@link MobileNumbers}.
 * Which ids a platform reads, how it checks their shape and which it prefers stay in the platform.
 * Stateless and thread-safe; never throws for any contact content.
 */
public final class ContactIdentities {
  /** The identity type of a normalised mobile number. */
  public static final String MOBILE = "mobile";

  private ContactIdentities() {}

  /**
   * The contact's id {@code key} for {@code platform} ({@code im.<platform>.<key>}) without
   * surrounding blanks, or {@code null} when it has none or a blank one.
   */
  public static String imId(Contact contact, String platform, String key) {
    String id = contact.identity(platform).get(key);
    return id == null || id.isBlank() ? null : id.strip();
  }

  /**
   * The contact's mobile as a {@link #MOBILE} identity in the form the platforms' mention lists
   * expect, why it is not a usable mobile number, or {@code none} when the contact has no mobile.
   */
  public static IdentityResolution mobile(Contact contact, String none) {
    String mobile = contact.mobile();
    if (mobile == null || mobile.isBlank()) {
      return IdentityResolution.unresolved(none);
    }
    MobileNumbers.Normalised n = MobileNumbers.normalise(mobile.strip());
    return n.ok()
        ? IdentityResolution.resolved(new Identity(MOBILE, n.number()))
        : IdentityResolution.unresolved(n.problem());
  }
}
