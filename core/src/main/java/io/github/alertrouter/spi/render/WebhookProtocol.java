package io.github.alertrouter.spi.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What is a platform's own in talking to its robot webhook, for {@link WebhookClient}: where an
 * answer's code is, what each code means, and how a request is signed. The client does the rest the
 * same way for every platform (posting, transport failures, HTTP status, redaction).
 *
 * <pre>{@code
 * WebhookProtocol.of("DingTalk", Answer.fields("errcode", "errmsg"), DingTalkErrors.TABLE)
 *     .signingUrl((webhook, secret, clock) -> DingTalkSigner.sign(webhook, secret.reveal(), clock.millis()));
 * }</pre>
 *
 * <p>{@link #of} describes a webhook that signs nothing, answers success and errors as a code in a
 * 2xx JSON body, and may name a wait in {@code Retry-After}; each {@code with…}-style method returns
 * a copy that differs in one part. Immutable and thread-safe when its parts are (they must be
 * stateless); the parts put no secret in what they return except a signed URL or body.
 */
public final class WebhookProtocol {
  /**
   * Reads the code and message of an answer.
   */
  @FunctionalInterface
  public interface Reader {
    /**
     * The answer's code and message, or {@code null} when it carries no code.
     *
     * @param body the answer, a JSON object
     * @param text the answer as it came, for a detail that shows all of it
     */
    Answer read(JsonNode body, String text);
  }

  /** Signs a webhook URL or a body for a robot with a secret, afresh for every request. */
  @FunctionalInterface
  public interface Signer {
    /** {@code unsigned} signed with {@code secret}, with timestamps from {@code clock}. */
    String sign(String unsigned, Secret secret, Clock clock);
  }

  /** The headers that sign a body for a robot with a secret, afresh for every request. */
  @FunctionalInterface
  public interface HeaderSigner {
    /** Headers to send besides {@code Content-Type}, signing {@code body} with {@code secret} at {@code clock}'s time. */
    Map<String, String> sign(String body, Secret secret, Clock clock);
  }

  /** Classifies a JSON answer that has no code the platform reads. */
  @FunctionalInterface
  public interface OtherAnswer {
    /**
     * The result for {@code body}, or {@code null} to classify it by its HTTP status.
     *
     * @param detail redacts and shortens a detail text, as every result's detail must be
     */
    SendResult classify(JsonNode body, String text, UnaryOperator<String> detail);
  }

  /**
   * What an answer says: its code (0 for success), its message, and the text a failure's detail
   * shows (before redaction).
   *
   * @param code the platform's code; 0 for success
   * @param message the platform's message
   * @param detail what a failure's detail shows, before redaction
   */
  public record Answer(int code, String message, String detail) {
    /** @throws NullPointerException if {@code message} or {@code detail} is null */
    public Answer {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(detail, "detail");
    }

    /**
     * Reads the integer field {@code codeField} (absent or not an integer: no code) and the text
     * field {@code messageField} (absent: empty), which is also the detail.
     */
    public static Reader fields(String codeField, String messageField) {
      return (body, text) -> {
        if (!body.path(codeField).canConvertToInt()) {
          return null;
        }
        String message = body.path(messageField).asText("");
        return new Answer(body.get(codeField).asInt(), message, message);
      };
    }
  }

  private static final Signer UNSIGNED = (unsigned, secret, clock) -> unsigned;
  private static final HeaderSigner NO_HEADERS = (body, secret, clock) -> Map.of();

  final String name;
  final Reader reader;
  final ErrorTable errors;
  final Signer urlSigner;
  final Signer bodySigner;
  final Function<Robot, String> bareCredential;
  final Function<Transport.Response, Duration> askedWait;
  final OtherAnswer otherAnswer;
  final boolean codeFirst;
  final HeaderSigner headerSigner;
  final boolean byStatus;

  private WebhookProtocol(String name, Reader reader, ErrorTable errors, Signer urlSigner, Signer bodySigner,
      Function<Robot, String> bareCredential, Function<Transport.Response, Duration> askedWait,
      OtherAnswer otherAnswer, boolean codeFirst, HeaderSigner headerSigner, boolean byStatus) {
    this.name = Objects.requireNonNull(name, "name");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.urlSigner = Objects.requireNonNull(urlSigner, "urlSigner");
    this.bodySigner = Objects.requireNonNull(bodySigner, "bodySigner");
    this.bareCredential = Objects.requireNonNull(bareCredential, "bareCredential");
    this.askedWait = Objects.requireNonNull(askedWait, "askedWait");
    this.otherAnswer = Objects.requireNonNull(otherAnswer, "otherAnswer");
    this.codeFirst = codeFirst;
    this.headerSigner = Objects.requireNonNull(headerSigner, "headerSigner");
    this.byStatus = byStatus;
  }

  /**
   * A protocol that signs nothing, reads codes with {@code reader} and classifies them with
   * {@code errors}.
   *
   * @param name the platform's name as a detail shows it: {@code "not a DingTalk answer: …"}
   */
  public static WebhookProtocol of(String name, Reader reader, ErrorTable errors) {
    return new WebhookProtocol(name, reader, errors, UNSIGNED, UNSIGNED, robot -> null,
        response -> response.retryAfter().orElse(null), (body, text, detail) -> null, false, NO_HEADERS, false);
  }

  /**
   * A webhook that answers by HTTP status alone, as generic receivers do: any 2xx is sent, whatever
   * its body; 429 is a retryable rate limit and 5xx a retryable server error (both honour
   * {@code Retry-After}); 401 and 403 are a rejected signature, 404 and 410 a robot that is gone,
   * 413 too long, another 4xx a bad request, anything else unknown. All permanent but the two.
   */
  public static WebhookProtocol byStatus(String name) {
    return new WebhookProtocol(name, (body, text) -> null, ErrorTable.of(Map.of()), UNSIGNED, UNSIGNED,
        robot -> null, response -> response.retryAfter().orElse(null), (body, text, detail) -> null, false,
        NO_HEADERS, true);
  }

  /** This protocol, sending the headers {@code signer} makes for a robot with a secret. */
  public WebhookProtocol signingHeaders(HeaderSigner signer) {
    return new WebhookProtocol(name, reader, errors, urlSigner, bodySigner, bareCredential, askedWait, otherAnswer,
        codeFirst, signer, byStatus);
  }

  /** This protocol, posting to the webhook URL {@code signer} makes for a robot with a secret. */
  public WebhookProtocol signingUrl(Signer signer) {
    return new WebhookProtocol(name, reader, errors, signer, bodySigner, bareCredential, askedWait, otherAnswer,
        codeFirst, headerSigner, byStatus);
  }

  /** This protocol, posting the body {@code signer} makes for a robot with a secret. */
  public WebhookProtocol signingBody(Signer signer) {
    return new WebhookProtocol(name, reader, errors, urlSigner, signer, bareCredential, askedWait, otherAnswer,
        codeFirst, headerSigner, byStatus);
  }

  /**
   * This protocol, also redacting from every detail a credential an answer may echo without the
   * parameter name {@link io.github.alertrouter.spi.render.Redaction} looks for.
   *
   * @param credential a robot's bare credential, or {@code null} for none
   */
  public WebhookProtocol redacting(Function<Robot, String> credential) {
    return new WebhookProtocol(name, reader, errors, urlSigner, bodySigner, credential, askedWait, otherAnswer,
        codeFirst, headerSigner, byStatus);
  }

  /**
   * This protocol, with the wait a rate-limited answer's headers ask for read by {@code wait}
   * ({@code null}: the dispatcher's backoff) instead of {@code Retry-After}. It is given to a rate
   * limit whose rule names no wait (an HTTP 429, say).
   */
  public WebhookProtocol askedWait(Function<Transport.Response, Duration> wait) {
    return new WebhookProtocol(name, reader, errors, urlSigner, bodySigner, bareCredential, wait, otherAnswer,
        codeFirst, headerSigner, byStatus);
  }

  /**
   * This protocol, classifying with {@code other} a JSON answer without a code (or with code 0
   * under a status that is not success) before its HTTP status does.
   */
  public WebhookProtocol otherAnswer(OtherAnswer other) {
    return new WebhookProtocol(name, reader, errors, urlSigner, bodySigner, bareCredential, askedWait, other,
        codeFirst, headerSigner, byStatus);
  }

  /**
   * This protocol, reading the answer's code whatever the HTTP status: success is code 0 below 400
   * (not only 2xx), a 429 is a rate limit named by its non-zero code, and a 5xx keeps a retryable
   * code's result (a permanent one is still a server error). Without it, HTTP 5xx and 429 decide
   * before the code.
   */
  public WebhookProtocol codeFirst() {
    return new WebhookProtocol(name, reader, errors, urlSigner, bodySigner, bareCredential, askedWait, otherAnswer,
        true, headerSigner, byStatus);
  }

  /** The platform's name, as {@link #of} was given it. */
  public String name() {
    return name;
  }

  /** The platform's codes. */
  public ErrorTable errors() {
    return errors;
  }
}
