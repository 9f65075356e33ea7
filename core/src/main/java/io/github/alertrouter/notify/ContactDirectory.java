package io.github.alertrouter.notify;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.RouterConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds contacts the way alert labels name them: by id, by mobile number (compared by digits,
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

  /**
   * Digits of a phone number with a mainland China country code dropped, or {@code null} when
   * the text is not a phone number (letters, too few digits). Written by people as {@code +86 138
   * 0000 0001}, {@code 0086-13800000001} or {@code 13800000001}; all compare equal.
   */
  static String mobileKey(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits.append(ch);
      } else if (ch != ' ' && ch != '-' && ch != '+' && ch != '(' && ch != ')' && ch != '.') {
        return null;
      }
    }
    String d = digits.toString();
    if (d.length() == 15 && d.startsWith("0086")) {
      d = d.substring(4);
    } else if (d.length() == 13 && d.startsWith("86")) {
      d = d.substring(2);
    }
    return d.length() >= 5 ? d : null;
  }
}
