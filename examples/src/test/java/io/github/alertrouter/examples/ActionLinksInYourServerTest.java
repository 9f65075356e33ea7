package io.github.alertrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mounts the handler in a server of the test's own, lets the router post a message with links to
 * the DingTalk simulator, and opens one of those links.
 */
class ActionLinksInYourServerTest {
  @Test
  void aLinkInTheMessageOpensAConfirmationPageOnYourServer() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + ActionLinksInYourServer.CONTEXT_PATH;
    try (DingTalkSimulator simulator = DingTalkSimulator.start(Clock.systemUTC())) {
      String webhook = simulator.robot("sre-ding", null, "alert").webhook().reveal();
      AlertRouter router = ActionLinksInYourServer.router(webhook, null, "example-action-key-0123456789abcdef0123",
          baseUrl, Duration.ofMillis(100));
      ActionLinksInYourServer.mount(server, router);
      server.start();
      try {
        router.submit(Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments")).build());
        String link = awaitLink(simulator, baseUrl);

        HttpResponse<String> page = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<form").containsIgnoringCase("method=\"post\"");
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/actions/not-a-token")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
      } finally {
        router.close();
      }
    } finally {
      server.stop(0);
    }
  }

  private static String awaitLink(DingTalkSimulator simulator, String baseUrl) throws InterruptedException {
    Pattern link = Pattern.compile(Pattern.quote(baseUrl + "/actions/") + "[A-Za-z0-9._~%-]+");
    for (int i = 0; i < 200; i++) {
      List<ReceivedMessage> received = simulator.received("sre-ding");
      if (!received.isEmpty()) {
        Matcher m = link.matcher(received.get(0).body().toString());
        assertThat(m.find()).as("a link in %s", received.get(0).body()).isTrue();
        return m.group();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no message arrived");
  }
}
