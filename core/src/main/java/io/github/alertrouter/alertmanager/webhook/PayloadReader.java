package io.github.alertrouter.alertmanager.webhook;

import static io.github.alertrouter.alertmanager.webhook.JsonValues.expectObject;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.optionalString;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.pointer;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.quote;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.requirePresent;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.requiredString;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.stringMap;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.wrongType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads webhook payloads with Jackson's streaming parser, so that limits are checked while reading
 * and no tree of the whole body is ever built. Thread-safe: the {@link JsonFactory} is, and all
 * parse state lives in a {@link JsonParser} per call.
 */
final class PayloadReader {
  /**
   * Versions we know the shape of: Alertmanager's 4 and 3, and Grafana's 1 (Alertmanager's shape
   * plus Grafana's fields). A new version would be a changed shape, so it is refused.
   */
  static final Set<String> SUPPORTED_VERSIONS = Set.of("4", "3", "1");

  /** The payload nests 4 levels (envelope, alerts, alert, labels); room for unknown members. */
  static final int MAX_NESTING_DEPTH = 32;

  /** A truncatedAlerts count fits in 20 digits (Go uint64); longer numbers are junk. */
  static final int MAX_NUMBER_LENGTH = 32;

  private final WebhookLimits limits;
  private final JsonFactory factory;

  public PayloadReader(WebhookLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength((int) Math.min(limits.maxBytes(), Integer.MAX_VALUE))
        .build();
    this.factory = JsonFactory.builder()
        .streamReadConstraints(constraints)
        // The caller owns the stream.
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        // Go keeps the last of duplicate members; a payload that says two things is refused instead.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // Jackson's default, relied on: label names come out interned, and routing's name table
        // (interned too) then finds them by identity instead of comparing bytes.
        .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .build();
  }

  public WebhookPayload read(byte[] body) {
    if (body.length > limits.maxBytes()) {
      throw tooLarge();
    }
    requireUtf8Start(body, body.length);
    try {
      return readAll(factory.createParser(body));
    } catch (IOException e) {
      throw translate(e, null);
    }
  }

  public WebhookPayload read(InputStream body) {
    try {
      PushbackInputStream in = new PushbackInputStream(new LimitedInputStream(body, limits.maxBytes()), 2);
      byte[] start = new byte[2];
      int n = in.readNBytes(start, 0, 2);
      requireUtf8Start(start, n);
      in.unread(start, 0, n);
      return readAll(factory.createParser(in));
    } catch (IOException e) {
      throw translate(e, null);
    }
  }

  /**
   * Jackson would detect UTF-16 and UTF-32 and read them; Go (and RFC 8259 between systems) knows
   * only UTF-8. Any UTF-16/32 JSON text has a zero byte or a byte-order mark in its first two
   * bytes, neither of which can start UTF-8 JSON.
   */
  private static void requireUtf8Start(byte[] start, int length) {
    for (int i = 0; i < Math.min(2, length); i++) {
      int b = start[i] & 0xff;
      if (b == 0x00 || b == 0xfe || b == 0xff) {
        throw new PayloadException("", "the body is not UTF-8 JSON: byte " + i + " is 0x"
            + String.format("%02x", b) + " (UTF-16 or UTF-32?)");
      }
    }
  }

  /** Reads a JSON array of postable alerts (the body of Alertmanager's POST /api/v2/alerts). */
  public List<WebhookAlert> readAlertList(byte[] body) {
    if (body.length > limits.maxBytes()) {
      throw tooLarge();
    }
    requireUtf8Start(body, body.length);
    JsonParser p = null;
    try (JsonParser parser = factory.createParser(body)) {
      p = parser;
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new PayloadException("", "expected a JSON array of alerts");
      }
      List<WebhookAlert> alerts = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (alerts.size() == limits.maxAlerts()) {
          throw new PayloadException(pointer(p), "more than " + limits.maxAlerts()
              + " alerts (WebhookLimits.maxAlerts); the list is refused");
        }
        alerts.add(AlertReader.read(p, "/" + alerts.size(), true));
      }
      if (p.nextToken() != null) {
        throw new PayloadException("", "unexpected data after the JSON array, at " + location(p));
      }
      return alerts;
    } catch (IOException e) {
      throw translate(e, p);
    }
  }

  private WebhookPayload readAll(JsonParser p) throws IOException {
    try (p) {
      return readDocument(p);
    } catch (IOException e) {
      // Some Jackson exceptions (e.g. constraint violations) do not carry the parser; we have it.
      throw translate(e, p);
    }
  }

  private WebhookPayload readDocument(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new PayloadException("", "the body is empty; expected a JSON object");
    }
    WebhookPayload payload = readEnvelope(p);
    if (p.nextToken() != null) {
      throw new PayloadException("", "unexpected data after the JSON object, at "
          + location(p));
    }
    return payload;
  }

  private WebhookPayload readEnvelope(JsonParser p) throws IOException {
    expectObject(p);
    String receiver = null;
    WebhookStatus status = null;
    List<WebhookAlert> alerts = null;
    Map<String, String> groupLabels = Map.of();
    Map<String, String> commonLabels = Map.of();
    Map<String, String> commonAnnotations = Map.of();
    String externalURL = "";
    String version = null;
    String groupKey = null;
    long truncatedAlerts = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "receiver" -> receiver = requiredString(p);
        case "status" -> status = AlertReader.status(p);
        case "alerts" -> alerts = readAlerts(p);
        case "groupLabels" -> groupLabels = stringMap(p, "label");
        case "commonLabels" -> commonLabels = stringMap(p, "label");
        case "commonAnnotations" -> commonAnnotations = stringMap(p, "annotation");
        case "externalURL" -> externalURL = optionalString(p, "");
        case "version" -> version = version(p);
        case "groupKey" -> groupKey = optionalString(p, null);
        case "truncatedAlerts" -> truncatedAlerts = count(p);
        // Grafana's envelope: checked, not kept (its title and message are Grafana's rendering of
        // the group, its state repeats status; the router renders and routes on its own)
        case "orgId" -> count(p);
        case "state", "title", "message" -> optionalString(p, null);
        default -> p.skipChildren(); // unknown members are ignored, as Go's decoder does
      }
    }
    requirePresent(receiver, "/receiver");
    requirePresent(status, "/status");
    requirePresent(alerts, "/alerts");
    return new WebhookPayload(receiver, status, alerts, groupLabels, commonLabels,
        commonAnnotations, externalURL, version == null ? "4" : version, groupKey, truncatedAlerts);
  }

  private List<WebhookAlert> readAlerts(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(p, "an array of alerts");
    }
    List<WebhookAlert> alerts = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (alerts.size() == limits.maxAlerts()) {
        throw new PayloadException(pointer(p), "more than " + limits.maxAlerts()
            + " alerts (WebhookLimits.maxAlerts); the payload is refused");
      }
      alerts.add(AlertReader.read(p, alerts.size()));
    }
    return alerts;
  }

  private static String version(JsonParser p) throws IOException {
    String version = optionalString(p, null);
    if (version != null && !SUPPORTED_VERSIONS.contains(version)) {
      throw new PayloadException(pointer(p), "unsupported payload version " + quote(version)
          + "; supported are \"4\" and \"3\" (Alertmanager) and \"1\" (Grafana)");
    }
    return version;
  }

  private static long count(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw wrongType(p, "a non-negative integer");
    }
    long value = p.getLongValue();
    if (value < 0) {
      throw new PayloadException(pointer(p), "must be >= 0, but was " + value);
    }
    return value;
  }

  private static String location(JsonParser p) {
    var loc = p.currentTokenLocation();
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private PayloadException tooLarge() {
    return new PayloadException("", "the body is larger than " + limits.maxBytes()
        + " bytes (WebhookLimits.maxBytes); the payload is refused");
  }

  private RuntimeException translate(IOException e, JsonParser parser) {
    if (e instanceof LimitedInputStream.LimitExceededException) {
      return tooLarge();
    }
    if (e instanceof JsonProcessingException jpe) {
      JsonParser p = jpe.getProcessor() instanceof JsonParser own ? own : parser;
      String pointer = p == null ? "" : pointer(p);
      var loc = jpe.getLocation();
      String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      return new PayloadException(pointer, "not valid JSON: " + jpe.getOriginalMessage() + where, e);
    }
    return new UncheckedIOException("reading the webhook body failed", e);
  }
}
