package io.github.alertrouter.testkit;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * What {@link SecretLeakContractTest} builds its cases from: random credentials, robots changed in
 * one way, config documents that hold a robot's secrets inline, and failures of the transport
 * itself. Stateless; thread-safe.
 */
final class LeakFixtures {
  private static final SecureRandom RANDOM = new SecureRandom();

  private LeakFixtures() {}

  /** {@code bytes} random bytes in lower-case hex. */
  static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  static Robot withSecret(Robot robot, String secret) {
    return new Robot(robot.id(), robot.platform(), robot.webhook(), Secret.of(secret), robot.keyword(), robot.options());
  }

  static Robot withWebhook(Robot robot, String webhook) {
    return new Robot(robot.id(), robot.platform(), Secret.of(webhook), robot.secret(), robot.keyword(), robot.options());
  }

  static Robot withId(Robot robot, String id) {
    return new Robot(id, robot.platform(), robot.webhook(), robot.secret(), robot.keyword(), robot.options());
  }

  static Robot withOptions(Robot robot, Map<String, String> options) {
    return new Robot(robot.id(), robot.platform(), robot.webhook(), robot.secret(), robot.keyword(), options);
  }

  /** {@code robot} posting to a port of 127.0.0.1 where nobody listens. */
  static Robot nobodyListening(Robot robot) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed when we leave: connecting is refused
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return withWebhook(robot, robot.webhook().reveal().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:" + port));
  }

  /** A 502 page that echoes the request line and the full URL, as some gateways do. */
  static String echoingGatewayPage(Robot robot) {
    URI webhook = URI.create(robot.webhook().reveal());
    String request = webhook.getRawPath() + (webhook.getRawQuery() == null ? "" : "?" + webhook.getRawQuery());
    return "<html>502 Bad Gateway: upstream failed for POST " + request + " (referer " + webhook + ")</html>";
  }

  /**
   * A config with problems around a robot whose webhook and secret are inline: unknown and bad
   * options, a robot with its token where the URL belongs, one of an unknown platform, and a
   * policy naming a robot that does not exist.
   */
  static String yamlWithProblems(Robot robot, String secret, String token) {
    return """
        robots:
          - { id: %1$s, platform: %2$s, webhook: "%3$s", secret: "%4$s",
              options: { overflow: sideways, colour: red } }
          - { id: %1$s-swapped, platform: %2$s, webhook: "%5$s", secret: "%3$s" }
          - { id: %1$s-unknown, platform: nowhere, webhook: "%3$s", secret: "%4$s" }
        notificationPolicies:
          - name: leak-test
            notifyRule: { robots: [%1$s, ghost] }
        """.formatted(robot.id(), robot.platform(), robot.webhook().reveal(), secret, token);
  }

  /** A JSON config whose secret lost its quotes: a syntax error at the secret. */
  static String jsonWithUnquotedSecret(Robot robot, String secret) {
    return """
        {"robots": [{"id": "%s", "platform": "%s", "webhook": "%s", "secret": %s}]}
        """.formatted(robot.id(), robot.platform(), robot.webhook().reveal(), secret);
  }

  /** A config that loads, but whose robot options the platform refuses. */
  static String yamlWithBadOptions(Robot robot, String secret) {
    return """
        robots:
          - { id: %s, platform: %s, webhook: "%s", secret: "%s", options: { overflow: sideways, colour: red } }
        """.formatted(robot.id(), robot.platform(), robot.webhook().reveal(), secret);
  }

  /** A config routing every alert at once to {@code robot}, its credentials inline. */
  static String yamlRoutingTo(Robot robot) {
    return """
        robots:
          - { id: %s, platform: %s, webhook: "%s"%s%s }
        notificationPolicies:
          - name: leak-test
            groupRule: { groupWait: 0s, groupingFields: [alertname] }
            notifyRule: { robots: [%1$s] }
            repeatInterval: 4h
        """.formatted(robot.id(), robot.platform(), robot.webhook().reveal(),
        robot.secret() == null ? "" : ", secret: \"" + robot.secret().reveal() + "\"",
        robot.keyword() == null ? "" : ", keyword: " + robot.keyword());
  }

  /** The exception {@code transport} throws posting to {@code uri} when no answer comes within {@code timeout}. */
  static IOException transportFailure(Transport transport, URI uri, Duration timeout) {
    try {
      Transport.Response response = transport.post(uri, Map.of("Content-Type", "application/json"),
          "{}".getBytes(StandardCharsets.UTF_8), timeout);
      throw new AssertionError("expected no answer, but got HTTP " + response.status());
    } catch (IOException e) {
      return e;
    }
  }
}
