package io.github.alertrouter.action;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The binary payload of a token, version 1:
 *
 * <pre>
 * version(1 byte = 1) action(1 byte code) issuedAt(8, epoch s) expiresAt(8, epoch s)
 * silenceSeconds(8, 0 = none) nonce(16 random bytes) groupKey(rest, UTF-8)
 * </pre>
 *
 * Fixed-width fields and a trailing group key need no delimiters or escaping, so no group key can
 * be read as another field. Stateless and thread-safe.
 */
final class TokenCodec {
  public static final int VERSION = 1;
  public static final int NONCE_BYTES = 16;
  public static final int MAX_GROUP_KEY_BYTES = 1024;
  private static final int FIXED = 1 + 1 + 8 + 8 + 8 + NONCE_BYTES;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private TokenCodec() {}

  public static byte[] encode(
      Action action, String groupKey, Optional<Duration> silenceFor, Instant issuedAt, Instant expiresAt, byte[] nonce) {
    byte[] key = groupKey.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(FIXED + key.length);
    buf.put((byte) VERSION)
        .put((byte) action.code())
        .putLong(issuedAt.getEpochSecond())
        .putLong(expiresAt.getEpochSecond())
        .putLong(silenceFor.map(Duration::toSeconds).orElse(0L))
        .put(nonce)
        .put(key);
    return buf.array();
  }

  /**
   * Decodes a payload whose MAC already matched.
   *
   * @throws IllegalArgumentException naming what is wrong, never echoing the bytes
   */
  public static ActionToken decode(byte[] payload, String keyId) {
    if (payload.length < FIXED) {
      throw new IllegalArgumentException("payload too short");
    }
    ByteBuffer buf = ByteBuffer.wrap(payload);
    int version = buf.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported token version " + version);
    }
    Action action = Action.ofCode(buf.get());
    Instant issuedAt = Instant.ofEpochSecond(buf.getLong());
    Instant expiresAt = Instant.ofEpochSecond(buf.getLong());
    long silenceSeconds = buf.getLong();
    byte[] nonce = new byte[NONCE_BYTES];
    buf.get(nonce);
    String groupKey;
    try {
      groupKey = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buf)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("group key is not UTF-8");
    }
    Optional<Duration> silenceFor = silenceSeconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(silenceSeconds));
    return new ActionToken(action, groupKey, silenceFor, issuedAt, expiresAt, B64.encodeToString(nonce), keyId);
  }
}
