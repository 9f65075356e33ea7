package io.github.alertrouter.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The request-level checks of {@link DingTalkSimulator}: Content-Type, signature. Stateless. */
final class DingTalkRequests {
  private DingTalkRequests() {}

  /** Why a signed request fails DingTalk's check at {@code nowMillis}, or {@code null} when it passes. */
  static String signatureProblem(String secret, String timestamp, String sign, long nowMillis) {
    long millis;
    try {
      millis = Long.parseLong(Objects.requireNonNullElse(timestamp, ""));
    } catch (NumberFormatException e) {
      return "invalid timestamp";
    }
    if (Math.abs(millis - nowMillis) > DingTalkSimulator.SIGNATURE_WINDOW.toMillis()) {
      return "invalid timestamp";
    }
    if (sign == null || !MessageDigest.isEqual(
        sign.getBytes(StandardCharsets.UTF_8), expectedSign(secret, millis).getBytes(StandardCharsets.UTF_8))) {
      return "sign not match";
    }
    return null;
  }

  /** An independent implementation of docs/platforms.md §1.4, so the simulator is an oracle for the module's signer. */
  private static String expectedSign(String secret, long millis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((millis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "\u0000unsignable"; // an empty secret: nothing matches
    }
  }

  /** Whether the Content-Type is JSON in UTF-8 (a missing charset counts as UTF-8). */
  static boolean isJsonUtf8(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].trim().equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.startsWith("charset=") && !param.substring(8).replace("\"", "").equals("utf-8")) {
        return false;
      }
    }
    return true;
  }
}
