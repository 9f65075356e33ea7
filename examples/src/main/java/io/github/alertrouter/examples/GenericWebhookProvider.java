package io.github.alertrouter.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AssembledPlatform;
import io.github.alertrouter.spi.render.ByteBudget;
import io.github.alertrouter.spi.render.ContactIdentities;
import io.github.alertrouter.spi.render.JsonBodies;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.TextSafety;
import io.github.alertrouter.spi.render.TimeText;
import io.github.alertrouter.spi.render.WebhookProtocol;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A complete third-party platform module in one file: robots with {@code platform: webhook} post a
 * plain JSON document to any URL, for chat bridges or in-house tools that have no DingTalk/Lark/
 * WeCom robot.
 *
 * <p><b>What to copy</b> when you write your own platform: extend {@link AssembledPlatform} and name
 * the parts of a {@link PlatformProvider} that are your platform's own, as here —
 * <ol>
 *   <li>identities ({@link #resolve}): a contact is @-ed by {@code im.webhook.handle}; without one
 *       it is shown by name and reported ({@link IdentityResolution#unresolved});
 *   <li>rendering ({@link #render}): the notification becomes
 *       {@code {"title","text","alerts":[…],"mentions":[…]}}, fitted into {@link #MAX_BYTES} with
 *       {@link Paging} (truncate or split, mentions only in the first part). The receiver fires
 *       mentions only from the {@code mentions} array, so alert text cannot mention anyone: it is
 *       only cleaned of invisible characters, and JSON escaping is Jackson's job;
 *   <li>notices ({@link #renderNotice}): handoff notices, the same document without alerts;
 *   <li>the client ({@link #PROTOCOL}): core's {@code WebhookClient} posts through the injected
 *       transport, signs with HMAC headers when the robot has a secret (timestamps from the
 *       injected clock), and classifies the answer by HTTP status
 *       ({@link WebhookProtocol#byStatus}: 2xx sent, 429 and 5xx retryable, anything else permanent).
 * </ol>
 * Then list the class in {@code META-INF/services/io.github.alertrouter.spi.PlatformProvider} and
 * prove it with a subclass of the testkit's {@code PlatformContractTest} (see {@code
 * GenericWebhookContractTest} and {@code GenericWebhookSimulator}).
 *
 * <p>Signing: {@code X-Alert-Router-Timestamp} (epoch milliseconds) and {@code
 * X-Alert-Router-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))}.
 *
 * <p>Stateless and thread-safe, as the SPI requires.
 */
public final class GenericWebhookProvider extends AssembledPlatform {
  /** The platform id robots name. */
  public static final String ID = "webhook";
  /** The largest body sent, in UTF-8 bytes. */
  public static final int MAX_BYTES = 32 * 1024;
  /** The header with the signing timestamp (epoch milliseconds). */
  public static final String TIMESTAMP_HEADER = "X-Alert-Router-Timestamp";
  /** The header with the signature, {@code sha256=} and lower-case hex. */
  public static final String SIGNATURE_HEADER = "X-Alert-Router-Signature";
  /** The value in the {@code mentions} array that stands for everyone. */
  public static final String ALL = "@all";

  /** Answers by HTTP status; signed in two headers. */
  static final WebhookProtocol PROTOCOL = WebhookProtocol.byStatus("generic webhook")
      .signingHeaders((body, secret, clock) -> {
        String timestamp = Long.toString(clock.millis());
        return Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, "sha256=" + sign(secret.reveal(), timestamp, body));
      });

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The longest summary or description kept per alert before {@link Paging} has to shorten further. */
  private static final int MAX_TEXT = 2000;

  /** One alert as the document shows it; already cleaned. */
  private record Item(String name, String status, String severity, String summary, String description,
      Map<String, String> labels, String startsAt, String endsAt, String source) {
    Item shorten(int maxChars) {
      return new Item(TextSafety.cut(name, Math.max(20, maxChars)), status, severity, TextSafety.cut(summary, maxChars),
          TextSafety.cut(description, maxChars), labels, startsAt, endsAt, source);
    }
  }

  public GenericWebhookProvider() {
    super(parts(ID, "Generic webhook")
        .identities(GenericWebhookProvider::identity)
        .render(GenericWebhookProvider::document)
        .notices(GenericWebhookProvider::noticeDocument)
        .webhook(PROTOCOL)
        .rateLimits(new RateLimit(60, Duration.ofMinutes(1)))
        .robotCheck(GenericWebhookProvider::webhookIsHttp));
  }

  static IdentityResolution identity(Contact contact) {
    String handle = ContactIdentities.imId(contact, ID, "handle");
    if (handle == null) {
      return IdentityResolution.unresolved("no im.webhook.handle");
    }
    if (handle.startsWith("@")) {
      return IdentityResolution.unresolved("im.webhook.handle must not start with @");
    }
    return IdentityResolution.resolved(new Identity("handle", handle));
  }

  static List<ConfigProblem> webhookIsHttp(Robot robot) {
    String url = robot.webhook().reveal();
    return url.startsWith("https://") || url.startsWith("http://")
        ? List.of()
        : List.of(new ConfigProblem("webhook", "must be an http(s) URL"));
  }

  // ---- rendering ----

  static List<OutboundMessage> document(RenderRequest request) {
    if (request.template() != null) {
      throw new IllegalArgumentException("platform webhook has no templates");
    }
    Notification n = request.notification();
    List<Item> items = new ArrayList<>();
    n.firing().forEach(a -> items.add(item(a, "firing", request.displayZone())));
    n.resolved().forEach(a -> items.add(item(a, "resolved", request.displayZone())));
    // fitPages, not fit: each message then reports the alerts it leaves out (omittedAlerts)
    List<Paging.Fitted> bodies = Paging.fitPages(items, request.overflow(), page -> body(request, page),
        GenericWebhookProvider::fits, Item::shorten, MAX_TEXT);
    List<OutboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      // a message carries only the mentions its receiver fires: unresolved people are only named
      messages.add(new OutboundMessage(ID, bodies.get(i).body(), i == 0 ? resolved(request.mentions()) : List.of(),
          bodies.get(i).omitted()));
    }
    return messages;
  }

  private static boolean fits(String body) {
    return ByteBudget.utf8(body) <= MAX_BYTES;
  }

  private static List<Mention> resolved(List<Mention> mentions) {
    return mentions.stream().filter(Mention::isResolved).toList();
  }

  private static Item item(Alert alert, String status, ZoneId zone) {
    Map<String, String> labels = new LinkedHashMap<>();
    alert.labels().forEach((k, v) -> labels.put(clean(k, 200), clean(v, 200)));
    return new Item(
        clean(alert.label("alertname"), 200), status, clean(alert.label("severity"), 50),
        clean(alert.annotations().get("summary"), MAX_TEXT), clean(alert.annotations().get("description"), MAX_TEXT),
        labels,
        alert.startsAt() == null ? "" : TimeText.instant(alert.startsAt(), zone),
        alert.endsAt() == null || "firing".equals(status) ? "" : TimeText.instant(alert.endsAt(), zone),
        alert.generatorURL() == null ? "" : alert.generatorURL());
  }

  private static String body(RenderRequest request, Page<Item> page) {
    Notification n = request.notification();
    String keyword = request.robot().keyword();
    String status = n.firing().isEmpty() ? "RESOLVED" : "FIRING";
    String title = (keyword == null ? "" : keyword + " ") + "[" + status + "] " + clean(groupName(n), 200)
        + (page.parts() > 1 ? " (" + page.part() + "/" + page.parts() + ")" : "");

    StringBuilder text = new StringBuilder();
    text.append(clean(n.reasonText(), 300)).append(" · policy ").append(clean(n.policy(), 200)).append('\n');
    ArrayNode alerts = JSON.createArrayNode();
    for (Item item : page.items()) {
      text.append("- [").append(item.status()).append("] ").append(item.name());
      if (!item.severity().isEmpty()) {
        text.append(" (").append(item.severity()).append(')');
      }
      if (!item.summary().isEmpty()) {
        text.append(": ").append(item.summary());
      }
      text.append('\n');
      ObjectNode a = alerts.addObject();
      a.put("name", item.name()).put("status", item.status()).put("severity", item.severity())
          .put("summary", item.summary()).put("description", item.description())
          .put("startsAt", item.startsAt()).put("endsAt", item.endsAt()).put("source", item.source());
      ObjectNode labels = a.putObject("labels");
      item.labels().forEach(labels::put);
    }
    if (page.omitted() > 0) {
      text.append("…and ").append(page.omitted()).append(" more alerts\n");
    }
    for (NotificationLink link : n.links()) {
      text.append(clean(link.title(), 200)).append(": ").append(link.url()).append('\n');
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("title", title);
    ArrayNode mentions = JSON.createArrayNode();
    if (page.carriesMentions()) {
      appendMentions(request.mentions(), text, mentions);
    }
    doc.put("text", text.toString().stripTrailing());
    doc.set("alerts", alerts);
    doc.set("mentions", mentions);
    return JsonBodies.write(doc);
  }

  private static String groupName(Notification n) {
    String name = n.groupLabels().get("alertname");
    return name != null ? name : n.groupLabels().isEmpty() ? n.policy() : n.groupLabels().toString();
  }

  /** The people line of the text, and the handles the receiver notifies. */
  private static void appendMentions(List<Mention> planned, StringBuilder text, ArrayNode mentions) {
    List<String> shown = new ArrayList<>();
    for (Mention m : planned) {
      if (m.isAll()) {
        mentions.add(ALL);
        shown.add("everyone");
      } else if (m.isResolved()) {
        mentions.add(m.identity().value());
        shown.add(clean(m.name(), 100));
      } else {
        shown.add(clean(m.name(), 100) + " (not notified: " + clean(m.reason(), 200) + ")");
      }
    }
    if (!shown.isEmpty()) {
      text.append("For: ").append(String.join(", ", shown)).append('\n');
    }
  }

  static List<OutboundMessage> noticeDocument(NoticeRequest request) {
    Notice notice = request.notice();
    String keyword = request.robot().keyword();
    for (int max = 2000; ; max /= 2) {
      StringBuilder text = new StringBuilder();
      for (String line : notice.lines()) {
        text.append(clean(line, max)).append('\n');
      }
      ArrayNode mentions = JSON.createArrayNode();
      appendMentions(notice.mentions(), text, mentions);
      ObjectNode doc = JSON.createObjectNode();
      doc.put("title", (keyword == null ? "" : keyword + " ") + clean(notice.title(), 500));
      doc.put("text", text.toString().stripTrailing());
      doc.set("alerts", JSON.createArrayNode());
      doc.set("mentions", mentions);
      String body = JsonBodies.write(doc);
      if (fits(body) || max < 10) {
        return List.of(new OutboundMessage(ID, body, resolved(notice.mentions())));
      }
    }
  }

  /** Alert text as shown: no invisible or bidi characters, no broken surrogates, at most {@code max} code points. */
  static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    TextSafety.repairSurrogates(text).codePoints()
        .filter(cp -> !TextSafety.isInvisible(cp) || cp == '\n')
        .forEach(out::appendCodePoint);
    return TextSafety.cut(out.toString().strip(), max);
  }

  /** Lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}: what a receiver recomputes. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
