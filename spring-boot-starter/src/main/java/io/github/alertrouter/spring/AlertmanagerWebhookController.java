package io.github.alertrouter.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.alertmanager.webhook.PayloadException;
import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Alertmanager webhooks at {@code alert-router.webhook.path} and submits them to the
 * router, answering as {@code alert-router serve} does: 200 {@code {"status":"ok","alerts":N}}
 * once accepted; 400 {@code {"error":…,"pointer":…}} for a body that is not an Alertmanager
 * payload (the pointer is the JSON pointer of what is wrong); 401 without the bearer token when
 * one is set; 413 for a body over {@code alert-router.webhook.max-body-size}, unread; 415 for a
 * body declared as something other than JSON; 503 with {@code Retry-After} while the state store
 * refuses alerts or the router has been closed (Alertmanager sends them again on a 5xx). The
 * answers never quote the body.
 * Thread-safe.
 */
@RestController
public class AlertmanagerWebhookController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WebhookCodec CODEC = WebhookCodec.create();
  private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerWebhookController.class);

  private final AlertRouter router;
  private final long maxBodyBytes;
  private final byte[] expectedAuthorization;

  /**
   * @param maxBodyBytes the largest body accepted
   * @param token the bearer token a request must carry; {@code null} or empty for none
   */
  AlertmanagerWebhookController(AlertRouter router, long maxBodyBytes, Secret token) {
    this.router = router;
    this.maxBodyBytes = maxBodyBytes;
    this.expectedAuthorization = token == null || token.isEmpty()
        ? null
        : ("Bearer " + token.reveal()).getBytes(StandardCharsets.UTF_8);
  }

  /** Takes one Alertmanager webhook payload (version 4; version 3 tolerated). */
  @PostMapping("${alert-router.webhook.path:" + AlertRouterProperties.Webhook.DEFAULT_PATH + "}")
  public ResponseEntity<String> receive(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
      InputStream body) throws IOException {
    if (!authorized(authorization)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"alert-router\"")
          .contentType(MediaType.APPLICATION_JSON)
          .body(error(authorization == null ? "missing bearer token" : "wrong bearer token", null));
    }
    if (contentType != null && !isJson(contentType)) {
      return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          error("Content-Type must be application/json, but was \"" + contentType + "\"", null));
    }
    byte[] bytes = contentLength != null && contentLength > maxBodyBytes ? null : readCapped(body);
    if (bytes == null) {
      // the unread rest must not be parsed as the next request; 413 as a number because Spring 7
      // renamed the constant (PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE) and Spring 6 lacks the new name
      return ResponseEntity.status(413)
          .header(HttpHeaders.CONNECTION, "close")
          .contentType(MediaType.APPLICATION_JSON)
          .body(error("request body over " + maxBodyBytes + " bytes", null));
    }
    int alerts;
    try {
      // parsed here rather than by submitAlertmanager(byte[]) only to answer with the count, as serve does
      WebhookPayload payload = CODEC.parse(bytes);
      router.submitAlertmanager(payload);
      alerts = payload.alerts().size();
    } catch (PayloadException e) {
      return answer(HttpStatus.BAD_REQUEST, error(e.detail(), e.pointer()));
    } catch (StoreException e) {
      LOG.warn("Alertmanager webhook answered 503, the state store failed: {}", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
          .contentType(MediaType.APPLICATION_JSON)
          .body(error("the state store is unavailable; nothing of this request was accepted, send it again", null));
    } catch (IllegalStateException e) {
      // the router was closed: the application is stopping; Alertmanager sends it again elsewhere or later
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
          .contentType(MediaType.APPLICATION_JSON)
          .body(error("the router is stopping; nothing of this request was accepted, send it again", null));
    }
    ObjectNode ok = JSON.createObjectNode().put("status", "ok").put("alerts", alerts);
    return answer(HttpStatus.OK, JSON.writeValueAsString(ok));
  }

  /** Constant time: the comparison must not tell how much of a guess was right. */
  private boolean authorized(String given) {
    return expectedAuthorization == null
        || given != null && MessageDigest.isEqual(expectedAuthorization, given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The body, or {@code null} when it is longer than the cap; reads at most one byte past it. */
  private byte[] readCapped(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    return bytes.length > maxBodyBytes ? null : bytes;
  }

  private static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || media.endsWith("+json")
        || media.equals("application/x-www-form-urlencoded"); // curl -d without -H sends this
  }

  private static ResponseEntity<String> answer(HttpStatus status, String json) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
  }

  private static String error(String message, String pointer) {
    ObjectNode node = JSON.createObjectNode().put("error", message);
    if (pointer != null) {
      node.put("pointer", pointer);
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
