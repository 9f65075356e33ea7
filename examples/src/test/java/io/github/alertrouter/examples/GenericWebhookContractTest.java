package io.github.alertrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.PlatformContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The custom platform proves itself the way the built-in ones do: the testkit's contract against
 * its own simulator. <b>What to copy</b>: the five overrides; everything else is inherited.
 */
class GenericWebhookContractTest extends PlatformContractTest {
  @Override
  protected PlatformProvider provider() {
    return new GenericWebhookProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return GenericWebhookSimulator.start(clock);
  }

  @Override
  protected Contact reachableContact(String id) {
    return new Contact(id, id + " Lee", null, null, Map.of("webhook", Map.of("handle", id + "-handle")));
  }

  @Override
  protected Contact unreachableContact(String id) {
    return new Contact(id, "Unreachable " + id + " Wang", "+86 138 0000 0009", id + "@example.com", Map.of());
  }

  @Override
  protected String expectedMention(Contact contact) {
    return "handle:" + contact.identity("webhook").get("handle");
  }

  // ---- a few platform-specific checks in the same style ----

  @Test
  void theProviderIsFoundOnTheClassPath() {
    assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(p -> p.get().id()))
        .contains(GenericWebhookProvider.ID);
  }

  @Test
  void everyBodyIsAtMost32KiB() {
    Robot robot = simulator.robot("big", null);
    var messages = provider().render(request(notification(alerts(500, "x".repeat(3000))), robot));
    assertThat(messages).allSatisfy(m -> assertThat(m.bytes()).isLessThanOrEqualTo(GenericWebhookProvider.MAX_BYTES));
  }

  @Test
  void aDelayLongerThanTheTimeoutIsARetryableNetworkError() {
    Robot robot = simulator.robot("slow", null);
    simulator.failNext(1, Fault.delay(Duration.ofMillis(800)));
    context = new io.github.alertrouter.spi.ClientContext(context.transport(), clock, Duration.ofMillis(200));

    assertThat(deliver(robot, request(notification(alerts(1, "x")), robot))).first()
        .isInstanceOfSatisfying(SendResult.Retryable.class,
            r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
  }

  @Test
  void anotherClientErrorIsPermanent() {
    Robot robot = simulator.robot("ops", null);
    simulator.failNext(1, Fault.httpStatus(418));

    assertThat(deliver(robot, request(notification(alerts(1, "x")), robot))).first()
        .isInstanceOf(SendResult.Permanent.class);
  }

  /** The document has no text to template. */
  @Override
  protected boolean supportsTemplates() {
    return false;
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() <= GenericWebhookProvider.MAX_BYTES;
  }
}
