package io.github.alertrouter.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's "加签" request signing: HMAC-SHA256 keyed with the secret over
 * {@code timestamp_ms + "\n" + secret}, Base64, then URL-encoded exactly once, sent as the
 * {@code timestamp} and {@code sign} query parameters. Stateless and thread-safe.
 */
final class DingTalkSigner {
  private static final String HMAC = "HmacSHA256";

  private DingTalkSigner() {}

  /** The Base64 signature, before URL-encoding. */
  static String signature(String secret, long timestampMillis) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    byte[] message = (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8);
    try {
      // a new Mac per call: Mac instances are not thread-safe and this is far from the hot path
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return Base64.getEncoder().encodeToString(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      // every Java SE runtime must provide HmacSHA256; an empty key is the only way to get here
      throw new IllegalStateException("cannot compute " + HMAC + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** The {@code sign} query value: the signature URL-encoded once ({@code + / =} as {@code %2B %2F %3D}). */
  static String encodedSignature(String secret, long timestampMillis) {
    return URLEncoder.encode(signature(secret, timestampMillis), StandardCharsets.UTF_8);
  }

  /**
   * {@code webhook} with {@code timestamp} and {@code sign} appended, after {@code ?} when the
   * webhook has no query yet and {@code &} otherwise.
   */
  static String sign(String webhook, String secret, long timestampMillis) {
    String separator;
    if (webhook.endsWith("?") || webhook.endsWith("&")) {
      separator = "";
    } else {
      separator = webhook.indexOf('?') >= 0 ? "&" : "?";
    }
    return webhook + separator + "timestamp=" + timestampMillis + "&sign=" + encodedSignature(secret, timestampMillis);
  }
}
