package io.github.alertrouter.action;

import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.UsedTokens;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues and verifies signed, expiring, single-use action tokens.
 *
 * <p>A token is {@code keyId.payload.mac}: three base64url parts (no padding) joined by dots, so it
 * is safe in a URL path without escaping. {@code payload} is a small binary record (version,
 * action, issued-at, expires-at, silence duration, 16 random nonce bytes, group key as UTF-8) and
 * {@code mac} is HMAC-SHA256 over the ASCII text {@code keyId.payload} with the key named by
 * {@code keyId}. The key id is derived from the key, so rotating means: issue with the new key and
 * keep the old one among the {@code retiredKeys} until its last token has expired.
 *
 * <p>{@link #verify} checks in this order and reports the first failure: shape ({@link
 * Verified.Malformed}), key id and MAC, compared in constant time ({@link Verified.Tampered}),
 * expiry — a token is expired from {@code expiresAt} on ({@link Verified.Expired}) — and use
 * ({@link Verified.Replayed}). Verifying never marks a token used; whoever performs the action calls
 * {@link #markUsed} first. Times have whole-second precision.
 *
 * <p>Thread-safe. No argument may be {@code null}. Nothing this class returns or throws contains the
 * key; {@link #toString()} shows only key ids.
 */
public final class ActionTokens {
  /** The longest text {@link #verify} will look at; longer is malformed. */
  public static final int MAX_TOKEN_LENGTH = 2048;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Hmac signer;
  private final Map<String, Hmac> verifiers;
  private final Clock clock;
  private final Duration ttl;
  private final UsedTokens used;
  private final SecureRandom random = new SecureRandom();

  /**
   * Tokens signed with {@code key}, valid for {@code ttl}, remembered as used in this process's
   * memory ({@link UsedTokens#inMemory}).
   *
   * @throws IllegalArgumentException if the key is shorter than 32 bytes or {@code ttl} is under a second
   */
  public ActionTokens(Secret key, Clock clock, Duration ttl) {
    this(key, List.of(), clock, ttl, UsedTokens.inMemory(clock));
  }

  /**
   * Tokens signed with {@code key}; tokens signed with any of {@code retiredKeys} still verify, so
   * that keys can be rotated. Used tokens are remembered in {@code used}.
   *
   * @throws IllegalArgumentException if a key is shorter than 32 bytes or {@code ttl} is under a second
   */
  public ActionTokens(Secret key, List<Secret> retiredKeys, Clock clock, Duration ttl, UsedTokens used) {
    this.signer = new Hmac(Objects.requireNonNull(key, "key"));
    Map<String, Hmac> all = new LinkedHashMap<>();
    all.put(signer.keyId(), signer);
    for (Secret retired : retiredKeys) {
      Hmac h = new Hmac(Objects.requireNonNull(retired, "retired key"));
      all.putIfAbsent(h.keyId(), h);
    }
    this.verifiers = Map.copyOf(all);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ttl must be >= 1s, but was " + ttl);
    }
    this.used = Objects.requireNonNull(used, "used");
  }

  /**
   * A token for {@code action} on {@code groupKey}; for {@link Action#SILENCE} use {@link #issueSilence}.
   *
   * @throws IllegalArgumentException if {@code action} is SILENCE or the group key is empty or over 1024 UTF-8 bytes
   */
  public String issue(Action action, String groupKey) {
    Objects.requireNonNull(action, "action");
    if (action == Action.SILENCE) {
      throw new IllegalArgumentException("SILENCE needs a duration: use issueSilence(groupKey, duration)");
    }
    return sign(action, groupKey, Optional.empty());
  }

  /**
   * A token that silences {@code groupKey} for {@code duration}.
   *
   * @throws IllegalArgumentException if {@code duration} is under a second or not whole seconds, or
   *     the group key is empty or over 1024 UTF-8 bytes
   */
  public String issueSilence(String groupKey, Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.getNano() != 0) {
      throw new IllegalArgumentException("silence duration must be whole seconds >= 1s, but was " + duration);
    }
    return sign(Action.SILENCE, groupKey, Optional.of(duration));
  }

  private String sign(Action action, String groupKey, Optional<Duration> silenceFor) {
    Objects.requireNonNull(groupKey, "groupKey");
    int bytes = groupKey.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > TokenCodec.MAX_GROUP_KEY_BYTES) {
      throw new IllegalArgumentException(
          "groupKey must be 1.." + TokenCodec.MAX_GROUP_KEY_BYTES + " UTF-8 bytes, but was " + bytes);
    }
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plusSeconds(ttl.toSeconds());
    byte[] nonce = new byte[TokenCodec.NONCE_BYTES];
    random.nextBytes(nonce);
    String signed = signer.keyId() + "." + B64.encodeToString(
        TokenCodec.encode(action, groupKey, silenceFor, issuedAt, expiresAt, nonce));
    return signed + "." + signer.sign(signed);
  }

  /** Checks {@code token}; see the class comment for the order of checks. Never throws for bad input. */
  public Verified verify(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() > MAX_TOKEN_LENGTH) {
      return new Verified.Malformed("it is too long");
    }
    if (!SHAPE.matcher(token).matches()) {
      return new Verified.Malformed("it does not have the shape keyId.payload.mac");
    }
    int lastDot = token.lastIndexOf('.');
    String signed = token.substring(0, lastDot);
    String keyId = signed.substring(0, signed.indexOf('.'));
    Hmac hmac = verifiers.get(keyId);
    if (hmac == null || !hmac.matches(signed, token.substring(lastDot + 1))) {
      return new Verified.Tampered();
    }
    ActionToken payload;
    try {
      payload = TokenCodec.decode(Base64.getUrlDecoder().decode(signed.substring(signed.indexOf('.') + 1)), keyId);
    } catch (IllegalArgumentException e) {
      // a matching MAC over an undecodable payload means a bug or a future version, not an attack
      return new Verified.Malformed("its payload cannot be read (" + e.getMessage() + ")");
    }
    if (payload.isExpiredAt(clock.instant())) {
      return new Verified.Expired(payload.expiresAt());
    }
    if (used.isUsed(payload.nonce())) {
      return new Verified.Replayed();
    }
    return new Verified.Valid(payload);
  }

  /**
   * Claims {@code token} for one use, atomically.
   *
   * @return {@code true} if this call claimed it; {@code false} if it was already used
   */
  public boolean markUsed(ActionToken token) {
    return used.markUsed(token.nonce(), token.expiresAt());
  }

  /** Undoes {@link #markUsed} after the action failed, so that the link can be tried again. */
  public void release(ActionToken token) {
    used.release(token.nonce());
  }

  /** How long issued tokens stay valid. */
  public Duration ttl() {
    return ttl;
  }

  @Override
  public String toString() {
    List<String> ids = new ArrayList<>(verifiers.keySet());
    return "ActionTokens[keyId=" + signer.keyId() + ", verifies=" + ids + ", ttl=" + ttl + "]";
  }
}
