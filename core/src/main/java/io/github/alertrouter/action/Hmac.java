package io.github.alertrouter.action;

import io.github.alertrouter.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC-SHA256 signing key and its public key id. The key id is derived from the key through
 * HMAC with a fixed label, so it names the key without revealing anything usable about it.
 * Immutable and thread-safe: a fresh {@link Mac} is made per call, since {@code Mac} is not.
 * {@link #toString()} shows only the key id.
 */
final class Hmac {
  public static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final String keyId;

  public Hmac(Secret secret) {
    byte[] bytes = secret.reveal().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "action signing key must be at least " + MIN_KEY_BYTES + " bytes, but was " + bytes.length + " bytes");
    }
    this.key = new SecretKeySpec(bytes, ALGORITHM);
    Arrays.fill(bytes, (byte) 0);
    this.keyId = B64.encodeToString(Arrays.copyOf(mac("alert-router/action-key-id".getBytes(StandardCharsets.US_ASCII)), 6));
  }

  /** Eight base64url characters naming this key. */
  public String keyId() {
    return keyId;
  }

  /** The MAC of {@code data}, base64url without padding. */
  public String sign(String data) {
    return B64.encodeToString(mac(data.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Whether {@code mac} is the MAC of {@code data}. Compares the canonical base64url text in
   * constant time, so a MAC with different unused trailing bits does not pass.
   */
  public boolean matches(String data, String mac) {
    return MessageDigest.isEqual(
        sign(data).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform; the key spec cannot be refused
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "Hmac[keyId=" + keyId + "]";
  }
}
