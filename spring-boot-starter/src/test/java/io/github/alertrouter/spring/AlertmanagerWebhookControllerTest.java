package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The controller's answers that a running server cannot easily provoke. */
class AlertmanagerWebhookControllerTest {
  private static final byte[] PAYLOAD = ("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"{}:{}\","
      + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"annotations\":{},"
      + "\"startsAt\":\"2026-03-08T01:59:30Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"}]}").getBytes(StandardCharsets.UTF_8);

  @Test
  void aClosedRouterIs503SoAlertmanagerSendsAgain() throws Exception {
    AlertRouter router = AlertRouter.builder().config(RouterConfig.empty()).build();
    router.close();
    AlertmanagerWebhookController controller = new AlertmanagerWebhookController(router, 1 << 20, null);
    ResponseEntity<String> answer = controller.receive(null, "application/json", (long) PAYLOAD.length,
        new ByteArrayInputStream(PAYLOAD));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedUnread() throws Exception {
    try (AlertRouter router = AlertRouter.builder().config(RouterConfig.empty()).build()) {
      AlertmanagerWebhookController controller = new AlertmanagerWebhookController(router, 100, Secret.of(""));
      ByteArrayInputStream body = new ByteArrayInputStream(PAYLOAD);
      ResponseEntity<String> answer = controller.receive(null, null, (long) PAYLOAD.length, body);
      assertThat(answer.getStatusCode().value()).isEqualTo(413);
      assertThat(body.available()).as("nothing read").isEqualTo(PAYLOAD.length);
    }
  }

  @Test
  void anEmptyTokenRequiresNone() throws Exception {
    try (AlertRouter router = AlertRouter.builder().config(RouterConfig.empty()).build()) {
      AlertmanagerWebhookController controller = new AlertmanagerWebhookController(router, 1 << 20, Secret.of(""));
      ResponseEntity<String> answer = controller.receive(null, null, null, new ByteArrayInputStream(PAYLOAD));
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      assertThat(answer.getBody()).isEqualTo("{\"status\":\"ok\",\"alerts\":1}");
    }
  }
}
