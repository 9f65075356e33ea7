package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPostTest {
  private static ClientContext context(Transport transport) {
    return new ClientContext(transport, Clock.systemUTC(), Duration.ofSeconds(1));
  }

  @Test
  void anAnswerGoesToTheClassifierWithTheJsonBody() {
    List<String> seen = new ArrayList<>();
    Transport transport = (uri, headers, body, timeout) -> {
      seen.add(uri + " " + headers.get("Content-Type") + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
      return new Transport.Response(200, "ok");
    };
    SendResult r = WebhookPost.post("https://h/hook?key=K", "{\"a\":\"磁\"}", context(transport), d -> d,
        response -> response.body().equals("ok") ? SendResult.sent() : null);

    assertThat(r.isSent()).isTrue();
    assertThat(seen).containsExactly("https://h/hook?key=K application/json; charset=utf-8 {\"a\":\"磁\"}");
  }

  @Test
  void noAnswerIsARetryableNetworkErrorWithARedactedDetail() {
    Transport transport = (uri, headers, body, timeout) -> {
      throw new IOException("reset talking to https://h/hook?key=K");
    };
    SendResult r = WebhookPost.post("https://h/hook?key=K", "{}", context(transport), d -> d.replace("K", "***"),
        response -> SendResult.sent());

    assertThat(r).isEqualTo(new SendResult.Retryable(FailureKind.NETWORK_ERROR, "IOException",
        "reset talking to https://h/hook?key=***", null));
  }

  @Test
  void aUrlThatIsNotOneIsAPermanentInvalidRobot() {
    SendResult r = WebhookPost.post("not a url", "{}", context((uri, h, b, t) -> null), d -> d,
        response -> SendResult.sent());

    assertThat(r).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.INVALID_ROBOT));
  }
}
