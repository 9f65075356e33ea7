package io.github.alertrouter.binding;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.MobileNumbers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contacts by normalised mobile number and back. A number two contacts share binds neither: a
 * code would prove the number, not which of them holds it. Immutable and thread-safe.
 */
final class ContactNumbers {
  private static final Logger LOG = LoggerFactory.getLogger(ContactNumbers.class);

  private final Map<String, String> contactByNumber = new HashMap<>();
  private final Map<String, String> numberByContact = new HashMap<>();

  ContactNumbers(List<Contact> contacts) {
    Set<String> shared = new HashSet<>();
    for (Contact contact : contacts) {
      if (contact.mobile() == null) {
        continue;
      }
      MobileNumbers.Normalised normalised = MobileNumbers.normalise(contact.mobile());
      if (!normalised.ok()) {
        continue; // the config validator reports it; such a contact cannot bind
      }
      numberByContact.put(contact.id(), normalised.number());
      String other = contactByNumber.putIfAbsent(normalised.number(), contact.id());
      if (other != null) {
        shared.add(normalised.number());
        LOG.warn("contacts {} and {} have the same mobile {}: neither can bind it", other, contact.id(),
            MaskedMobile.of(normalised.number()));
      }
    }
    shared.forEach(contactByNumber::remove);
  }

  /** The one contact whose mobile is {@code number} (normalised). */
  Optional<String> contactWith(String number) {
    return Optional.ofNullable(contactByNumber.get(number));
  }

  /** The normalised mobile of {@code contactId}. */
  Optional<String> numberOf(String contactId) {
    return Optional.ofNullable(numberByContact.get(contactId));
  }
}
