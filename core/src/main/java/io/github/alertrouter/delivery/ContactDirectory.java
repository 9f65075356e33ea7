package io.github.alertrouter.delivery;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.spi.MobileNumbers;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds contacts the way alert labels name them: by id, by mobile number (compared normalised,
 * so {@code +86 138-0000-0001} and {@code 13800000001} are the same person) or by email (case
 * insensitive). Immutable and thread-safe.
 */
final class ContactDirectory {
  private final Map<String, Contact> byId = new HashMap<>();
  private final Map<String, Contact> byMobile = new HashMap<>();
  private final Map<String, Contact> byEmail = new HashMap<>();
  private final Map<String, List<String>> groups = new HashMap<>();

  ContactDirectory(RouterConfig config) {
    for (Contact c : config.contacts()) {
      byId.put(c.id(), c);
      String mobile = mobileKey(c.mobile());
      if (mobile != null) {
        byMobile.putIfAbsent(mobile, c);
      }
      if (c.email() != null && !c.email().isBlank()) {
        byEmail.putIfAbsent(c.email().trim().toLowerCase(Locale.ROOT), c);
      }
    }
    config.contactGroups().forEach(g -> groups.put(g.id(), g.members()));
  }

  Optional<Contact> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<List<String>> groupMembers(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  /** The contact a label value names: an id first, then a mobile number, then an email. */
  Optional<Contact> named(String value) {
    Contact c = byId.get(value);
    if (c == null) {
      String mobile = mobileKey(value);
      c = mobile == null ? null : byMobile.get(mobile);
    }
    if (c == null && value.indexOf('@') > 0) {
      c = byEmail.get(value.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(c);
  }

  /** A number's normalised form ({@link MobileNumbers}), or {@code null} when it is not one. */
  static String mobileKey(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    MobileNumbers.Normalised n = MobileNumbers.normalise(text.strip());
    return n.ok() ? n.number() : null;
  }
}
