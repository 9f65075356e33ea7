package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
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

  /** The docs/platforms.md §1.4 procedure, written out again here. */
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

  /**
   * Asserts a DingTalk or WeCom answer, {@code {"errcode":…,"errmsg":…}} with HTTP 200 (both
   * platforms answer errors that way): this {@code errcode}, and an errmsg starting with
   * {@code errmsg}. Returns the whole errmsg, for a platform's own suffix (WeCom's "more info").
   */
  static String assertRefused(HttpResponse<String> response, int errcode, String errmsg) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer;
    try {
      answer = JSON_MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
    assertThat(answer.path("errcode").asInt(Integer.MIN_VALUE)).as(response.body()).isEqualTo(errcode);
    assertThat(answer.path("errmsg").asText()).as(response.body()).startsWith(errmsg);
    return answer.path("errmsg").asText();
  }

  /** Asserts a DingTalk or WeCom success: {@code errcode} 0 and errmsg {@code "ok"}. */
  static void assertAccepted(HttpResponse<String> response) {
    assertThat(assertRefused(response, 0, "ok")).isEqualTo("ok");
  }

  static String text(String content) {
    return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";
  }
}
