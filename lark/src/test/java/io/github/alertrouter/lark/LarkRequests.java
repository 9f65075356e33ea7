package io.github.alertrouter.lark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature check of {@link LarkSimulator} (docs/platforms.md §2.4). Stateless. */
final class LarkRequests {
  private LarkRequests() {}

  /**
   * Whether a signed robot's body passes at {@code nowSeconds}: {@code timestamp} (a string, or a
   * number) of epoch seconds at most one hour from now, and {@code sign} as docs/platforms.md §4 computes it.
   */
  static boolean signatureOk(String secret, JsonNode body, long nowSeconds) {
    JsonNode ts = body.get("timestamp");
    JsonNode sign = body.get("sign");
    if (ts == null || sign == null || !sign.isTextual()) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(ts.asText());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(seconds - nowSeconds) > LarkSimulator.SIGNATURE_WINDOW.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(sign.asText().getBytes(StandardCharsets.UTF_8),
        expectedSign(secret, ts.asText()).getBytes(StandardCharsets.UTF_8));
  }

  /** An independent implementation of docs/platforms.md §2.4, so the simulator is an oracle for the module's signer. */
  static String expectedSign(String secret, String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      return "\u0000unsignable";
    }
  }
}
