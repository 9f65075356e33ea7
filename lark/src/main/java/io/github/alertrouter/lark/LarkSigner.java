package io.github.alertrouter.lark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lark's request signing (docs/platforms.md §2.4): HMAC-SHA256 <b>keyed with</b>
 * {@code timestamp_s + "\n" + secret} over an <b>empty</b> message, Base64, not URL-encoded, sent
 * as the body fields {@code "timestamp"} (a string of epoch seconds) and {@code "sign"}. This is
 * DingTalk's recipe with key and message swapped, seconds instead of milliseconds and the body
 * instead of the query: signing DingTalk-style always earns 19021. Stateless and thread-safe.
 */
final class LarkSigner {
  private static final String HMAC = "HmacSHA256";

  private LarkSigner() {}

  /** The Base64 {@code sign} for {@code secret} at {@code timestampSeconds}. */
  static String signature(String secret, long timestampSeconds) {
    byte[] key = (timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8);
    try {
      // a new Mac per call: Mac instances are not thread-safe and this is far from the hot path
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
    } catch (GeneralSecurityException e) {
      // every Java SE runtime provides HmacSHA256, and the key is never empty (it holds "\n")
      throw new IllegalStateException("cannot compute " + HMAC + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
