package io.github.alertrouter.spi.render;

import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Posts one JSON body to a robot's webhook and turns what can go wrong before there is an answer
 * into a {@link SendResult}, the same way for every platform: a URL that is not one (or that the
 * JDK client refuses) is a permanent {@link FailureKind#INVALID_ROBOT}, no answer is a retryable
 * {@link FailureKind#NETWORK_ERROR}. An answer goes to the platform's {@code classify}. Details
 * pass through {@code detail} (the client's redaction), so no message carries the token.
 * Stateless.
 */
final class WebhookPost {
  /** {@code Content-Type} of every webhook request: JSON in UTF-8, as the three platforms ask. */
  public static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json; charset=utf-8");

  private WebhookPost() {}

  /**
   * Posts {@code body} (UTF-8) to {@code url} with the context's transport and timeout.
   *
   * @param detail redacts and shortens a detail text
   * @param classify turns the platform's answer into a result
   */
  public static SendResult post(String url, String body, ClientContext context, UnaryOperator<String> detail,
      Function<Transport.Response, SendResult> classify) {
    return post(url, Map.of(), body, context, detail, classify);
  }

  /** {@link #post(String, String, ClientContext, UnaryOperator, Function)} with {@code headers} besides {@code Content-Type}. */
  public static SendResult post(String url, Map<String, String> headers, String body, ClientContext context,
      UnaryOperator<String> detail, Function<Transport.Response, SendResult> classify) {
    Map<String, String> all = JSON_HEADERS;
    if (!headers.isEmpty()) {
      all = new LinkedHashMap<>(JSON_HEADERS);
      all.putAll(headers);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return invalid(detail, "webhook is not a valid URL: " + e.getMessage());
    }
    Transport.Response response;
    try {
      response = context.transport().post(uri, all, body.getBytes(StandardCharsets.UTF_8),
          context.requestTimeout());
    } catch (IOException | UncheckedIOException e) {
      return new SendResult.Retryable(
          FailureKind.NETWORK_ERROR, e.getClass().getSimpleName(), detail.apply(AnswerDetails.describe(e)), null);
    } catch (IllegalArgumentException e) {
      // the JDK client refuses some URLs (a scheme other than http/https) only when sending
      return invalid(detail, "webhook refused: " + e.getMessage());
    }
    return classify.apply(response);
  }

  private static SendResult invalid(UnaryOperator<String> detail, String text) {
    return new SendResult.Permanent(FailureKind.INVALID_ROBOT, "webhook", detail.apply(text));
  }
}
