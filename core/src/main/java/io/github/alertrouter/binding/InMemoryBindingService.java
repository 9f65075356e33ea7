package io.github.alertrouter.binding;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.spi.MobileNumbers;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.BindingStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BindingService#create}: links and pending verifications in maps under one lock; the
 * sender and the store are called outside it. Thread-safe.
 */
final class InMemoryBindingService implements BindingService {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryBindingService.class);
  private static final int LINK_ID_BYTES = 16;
  private static final int CODE_BOUND = 1_000_000;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  private final Set<String> robots;
  private final ContactNumbers contacts;
  private final VerificationSender sender;
  private final BindingStore store;
  private final BindingRules rules;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  // guarded by this
  private final Map<String, BindingLink> links = new HashMap<>();
  private final Map<String, PendingVerification> pending = new HashMap<>();
  private final RateWindows perNumber;
  private final RateWindows perLink;
  private Instant nextPrune = Instant.MIN;

  public InMemoryBindingService(
      RouterConfig config, VerificationSender sender, BindingStore store, BindingRules rules, Clock clock) {
    this.robots = config.robots().stream().map(InMemoryBindingService::robotKey).collect(Collectors.toUnmodifiableSet());
    this.contacts = new ContactNumbers(config.contacts());
    this.sender = Objects.requireNonNull(sender, "sender");
    this.store = Objects.requireNonNull(store, "store");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.perNumber = new RateWindows(rules.codesPerNumber(), rules.rateWindow());
    this.perLink = new RateWindows(rules.codesPerLink(), rules.rateWindow());
  }

  @Override
  public BindingLink issueLink(String platform, String robotId) {
    if (!robots.contains(platform + "/" + robotId)) {
      throw new IllegalArgumentException("no robot \"" + robotId + "\" on platform \"" + platform + "\"");
    }
    byte[] bytes = new byte[LINK_ID_BYTES];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    synchronized (this) {
      Instant now = clock.instant();
      pruneIfDue(now);
      BindingLink link = new BindingLink(id, platform, robotId, now.plus(rules.linkTtl()));
      links.put(id, link);
      return link;
    }
  }

  @Override
  public VerificationStart startVerification(String linkId, String mobileAsWritten) {
    MobileNumbers.Normalised normalised = MobileNumbers.normalise(mobileAsWritten);
    String number = normalised.number();
    Optional<String> contactId = normalised.ok() ? contacts.contactWith(number) : Optional.empty();
    VerificationCode code = newCode();
    Instant expiresAt;
    synchronized (this) {
      Instant now = clock.instant();
      pruneIfDue(now);
      if (liveLink(linkId, now) == null) {
        return new VerificationStart.Refused("This link is unknown or has expired; use the link in a newer alert.");
      }
      if (!normalised.ok()) {
        return new VerificationStart.Refused(capitalised(normalised.problem()) + ".");
      }
      Optional<Instant> blocked = later(perNumber.blockedUntil(number, now), perLink.blockedUntil(linkId, now));
      if (blocked.isPresent()) {
        return new VerificationStart.RateLimited(blocked.get());
      }
      perNumber.record(number, now);
      perLink.record(linkId, now);
      expiresAt = now.plus(rules.codeTtl());
      pending.put(linkId, new PendingVerification(contactId.orElse(null), number, code, expiresAt));
    }
    if (contactId.isPresent()) {
      send(number, code, expiresAt);
    }
    return new VerificationStart.Accepted(MaskedMobile.of(number), expiresAt);
  }

  private void send(String number, VerificationCode code, Instant expiresAt) {
    try {
      sender.send(number, code, expiresAt);
    } catch (RuntimeException e) {
      // the exception's message is not logged: a sender might have put the code in it
      LOG.warn("could not send a verification code to {}: {}", MaskedMobile.of(number), e.getClass().getName());
    }
  }

  @Override
  public ConfirmResult confirm(String linkId, String code) {
    String entered = code.replaceAll("\\s", "");
    Binding binding;
    synchronized (this) {
      Instant now = clock.instant();
      pruneIfDue(now);
      BindingLink link = liveLink(linkId, now);
      PendingVerification verification = link == null ? null : pending.get(linkId);
      if (verification == null) {
        return new ConfirmResult.NoVerification();
      }
      if (verification.locked(rules.maxAttempts())) {
        return new ConfirmResult.Locked();
      }
      if (verification.expired(now)) {
        return new ConfirmResult.Expired();
      }
      if (!verification.accepts(entered)) {
        int left = verification.countWrong(rules.maxAttempts());
        return left > 0 ? new ConfirmResult.WrongCode(left) : new ConfirmResult.Locked();
      }
      pending.remove(linkId);
      binding = new Binding(verification.contactId, link.platform(), verification.mobile, now);
    }
    store.put(binding);
    LOG.info("contact {} bound mobile {} for {}", binding.contactId(), MaskedMobile.of(binding.mobile()),
        binding.platform());
    return new ConfirmResult.Bound(binding);
  }

  @Override
  public boolean isBound(String contactId, String platform) {
    Optional<String> current = contacts.numberOf(contactId);
    return current.isPresent()
        && store.find(contactId, platform).filter(b -> b.mobile().equals(current.get())).isPresent();
  }

  @Override
  public void unbind(String contactId, String platform) {
    store.remove(contactId, platform);
  }

  private VerificationCode newCode() {
    return VerificationCode.of(String.format("%06d", random.nextInt(CODE_BOUND)));
  }

  private BindingLink liveLink(String linkId, Instant now) {
    BindingLink link = links.get(linkId);
    return link != null && now.isBefore(link.expiresAt()) ? link : null;
  }

  /** Forgets expired links, their verifications and idle rate windows, at most once a minute. Holds the lock. */
  private void pruneIfDue(Instant now) {
    if (now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(PRUNE_EVERY);
    links.values().removeIf(link -> !now.isBefore(link.expiresAt()));
    // a verification lives as long as its link (at most one per link), so that confirming an
    // expired code keeps answering "expired" rather than "nothing pending"
    pending.keySet().retainAll(links.keySet());
    perNumber.prune(now);
    perLink.prune(now);
  }

  private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String robotKey(Robot robot) {
    return robot.platform() + "/" + robot.id();
  }

  @Override
  public synchronized String toString() {
    return "InMemoryBindingService[" + links.size() + " links, " + pending.size() + " pending]";
  }
}
