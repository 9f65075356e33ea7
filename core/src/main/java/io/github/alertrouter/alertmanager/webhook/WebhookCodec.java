package io.github.alertrouter.alertmanager.webhook;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads Alertmanager webhook bodies (versions 4 and 3) and Grafana's (version 1, Alertmanager's
 * shape with fields of its own), and writes version 4 exactly as Alertmanager 0.25 does.
 *
 * <h2>Reading</h2>
 * <ul>
 *   <li>The body must be one UTF-8 JSON object, optionally surrounded by whitespace; members this
 *       codec does not know are ignored at every level. A member given twice is refused.
 *   <li>Required: {@code receiver}, {@code status}, {@code alerts}; in each alert {@code status},
 *       {@code labels} (non-empty, no empty names) and {@code startsAt}. A map given as
 *       {@code null} reads as empty, as does an absent one; an absent {@code externalURL} or
 *       {@code generatorURL} reads as {@code ""}, an absent {@code truncatedAlerts} as 0.
 *   <li>Every name in a labels or annotations map (of an alert, and {@code groupLabels},
 *       {@code commonLabels}, {@code commonAnnotations}) must match {@code [a-zA-Z_][a-zA-Z0-9_]*}:
 *       Alertmanager 0.25 refuses any other ({@code model.Alert.Validate} checks labels and
 *       annotations with {@code model.LabelName.IsValid}), so it never sends one. The refusal
 *       points at the name, e.g. {@code /alerts/0/labels/my label} (RFC 6901: {@code ~} and
 *       {@code /} are written {@code ~0} and {@code ~1}).
 *   <li>{@code version}: {@code "4"} or {@code "3"}; absent reads as {@code "4"} (every field
 *       added since version 3 is optional here, so a v4 reading of a v3 body loses nothing).
 *       {@code "1"} is Grafana's webhook (unified alerting). Any other version is refused:
 *       Alertmanager bumps the version when the shape changes, and a silently misread payload is
 *       worse than a loud refusal.
 *   <li>Grafana's fields, optional and read in every version (Grafana writes {@code version}
 *       after {@code alerts}, so a streaming reader cannot wait for it): in the envelope
 *       {@code orgId} (a non-negative integer), {@code state}, {@code title} and {@code message}
 *       (strings) are checked and not kept; in each alert {@code valueString},
 *       {@code dashboardURL}, {@code panelURL}, {@code silenceURL}, {@code imageURL} (strings) and
 *       {@code values} (an object of numbers) become the annotations {@code grafana_valueString},
 *       {@code grafana_dashboardURL}, {@code grafana_panelURL}, {@code grafana_silenceURL},
 *       {@code grafana_imageURL} and {@code grafana_values} ({@code A=1 B=44.2}: ref ids in order,
 *       numbers as sent). An empty string or {@code null} adds none; such an annotation replaces
 *       one the alert carries under the same name (the {@code grafana_} names are reserved for
 *       these).
 *   <li>Status values are {@code firing} or {@code resolved}, case-sensitive. The payload's status
 *       is not checked against its alerts'.
 *   <li>Times are RFC 3339 with 0-9 fraction digits and {@code Z} or a {@code ±hh:mm} offset. Go's
 *       zero time {@code 0001-01-01T00:00:00Z}, an absent {@code endsAt} and a null one mean "not
 *       known": {@link io.github.alertrouter.Alert#endsAt()} (or {@code startsAt}) is null.
 *   <li>A resolved alert without an end (never sent by Alertmanager) gets {@code endsAt =
 *       startsAt}, the earliest end consistent with both its status and its start; if it has no
 *       start either, it is refused. {@code endsAt} before {@code startsAt} is refused.
 *   <li>The fingerprint is kept as sent, not verified: see {@link WebhookAlert}.
 * </ul>
 *
 * <h2>Limits</h2>
 * {@link WebhookLimits}: a body over {@code maxBytes} is refused after reading at most one byte past
 * the limit (the length of an {@code InputStream} is never trusted); the alert after the
 * {@code maxAlerts}-th is refused before it is built; a labels or annotations map with more than
 * 1,000 entries is refused (so many tiny entries cannot blow a small body up in the heap). Nesting
 * deeper than 32 levels, a string longer
 * than {@code maxBytes} and a number longer than 32 digits are refused by the JSON parser.
 *
 * <h2>Writing</h2>
 * Compact JSON in Alertmanager's member order, map keys sorted, Go's HTML-safe escaping, times in
 * UTC in Go's RFC3339Nano form ({@code null} as the Go zero time), a trailing newline. A payload
 * read from an Alertmanager 0.25 body writes back to the same bytes. The version written is always
 * {@code "4"}; a missing fingerprint is written as {@link WebhookAlert#computedFingerprint()} and
 * a missing group key as {@code ""}.
 *
 * <h2>Errors and threads</h2>
 * Every refusal is a {@link PayloadException} with the JSON pointer of the offending node; a
 * failure of the stream itself is an {@link UncheckedIOException}. Instances are immutable and
 * thread-safe; share one.
 */
public final class WebhookCodec {
  private final WebhookLimits limits;
  private final PayloadReader reader;
  private final PayloadWriter writer = new PayloadWriter();

  private WebhookCodec(WebhookLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.reader = new PayloadReader(limits);
  }

  /** A codec with {@link WebhookLimits#DEFAULTS}. */
  public static WebhookCodec create() {
    return new WebhookCodec(WebhookLimits.DEFAULTS);
  }

  /** A codec that enforces {@code limits}. */
  public static WebhookCodec create(WebhookLimits limits) {
    return new WebhookCodec(limits);
  }

  /** The limits this codec enforces. */
  public WebhookLimits limits() {
    return limits;
  }

  /**
   * Reads one payload from a complete body.
   *
   * @throws PayloadException if the body is malformed or over a limit
   */
  public WebhookPayload parse(byte[] body) {
    return reader.read(Objects.requireNonNull(body, "body"));
  }

  /**
   * Reads one payload from {@code body} up to its end (to make sure only whitespace follows). The
   * stream is not closed.
   *
   * @throws PayloadException if the body is malformed or over a limit
   * @throws UncheckedIOException if reading the stream fails
   */
  public WebhookPayload parse(InputStream body) {
    return reader.read(Objects.requireNonNull(body, "body"));
  }

  /**
   * Reads a JSON array of alerts in Alertmanager's API v2 form (the body of
   * {@code POST /api/v2/alerts}: {@code labels}, {@code annotations}, {@code startsAt},
   * {@code endsAt}, {@code generatorURL}). {@code status} and {@code startsAt} are optional: the
   * status follows from {@code endsAt}. Pointers are {@code /<index>/<member>}; the same limits
   * apply. Grafana's fields are not read here (they belong to its webhook, not to this list).
   *
   * @throws PayloadException if the body is malformed or over a limit
   */
  public List<WebhookAlert> parseAlertList(byte[] body) {
    return reader.readAlertList(Objects.requireNonNull(body, "body"));
  }

  /**
   * Writes {@code payload} as a version 4 body, byte for byte as Alertmanager 0.25 would.
   *
   * @throws IllegalArgumentException if a time lies outside the years 0000-9999, which Go cannot
   *     write
   */
  public byte[] write(WebhookPayload payload) {
    return writer.write(Objects.requireNonNull(payload, "payload"));
  }
}
