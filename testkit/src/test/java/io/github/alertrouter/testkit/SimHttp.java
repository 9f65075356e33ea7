package io.github.alertrouter.testkit;

import io.github.alertrouter.config.Robot;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Raw requests to a simulator: the testkit cannot use a platform module's client. */
final class SimHttp {
  static final String JSON = "application/json; charset=utf-8";
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SimHttp() {}

  static HttpResponse<String> post(String url, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), Duration.ofSeconds(5));
  }

  static HttpResponse<String> post(Robot robot, String body) {
    return post(robot.webhook().reveal(), JSON, body);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
    try {
      return CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The §1.4 procedure, written out again here. */
  static String sign(String secret, long millis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(
          mac.doFinal((millis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String signedUrl(Robot robot, long millis) {
    return robot.webhook().reveal() + "&timestamp=" + millis + "&sign="
        + URLEncoder.encode(sign(robot.secret().reveal(), millis), StandardCharsets.UTF_8);
  }

  static String text(String content) {
    return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";
  }
}
