package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.Robot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw HTTP requests to a {@link PlatformSimulator}, for testing a simulator itself: wrong methods,
 * other Content-Types, malformed bodies — what a platform's client never sends, so its tests
 * cannot use one. Answers are read as UTF-8 text. Stateless and thread-safe.
 */
public final class SimulatorHttp {
  /** The Content-Type a JSON body is sent with by {@link #post(Robot, String)}. */
  public static final String JSON = "application/json; charset=utf-8";
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SimulatorHttp() {}

  /** POSTs {@code body} (UTF-8) to {@code url}, waiting at most 5 seconds for the answer. */
  public static HttpResponse<String> post(String url, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), Duration.ofSeconds(5));
  }

  /** POSTs a JSON {@code body} to the robot's webhook. */
  public static HttpResponse<String> post(Robot robot, String body) {
    return post(robot.webhook().reveal(), JSON, body);
  }

  /**
   * Sends {@code request} with {@code timeout}.
   *
   * @throws UncheckedIOException when the request fails or times out
   */
  public static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
    try {
      return CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Asserts a DingTalk or WeCom answer, {@code {"errcode":…,"errmsg":…}} with HTTP 200 (both
   * platforms answer errors that way): this {@code errcode}, and an errmsg starting with
   * {@code errmsg}. Returns the whole errmsg, for a platform's own suffix (WeCom's "more info").
   */
  public static String assertRefused(HttpResponse<String> response, int errcode, String errmsg) {
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
  public static void assertAccepted(HttpResponse<String> response) {
    assertThat(assertRefused(response, 0, "ok")).isEqualTo("ok");
  }
}
