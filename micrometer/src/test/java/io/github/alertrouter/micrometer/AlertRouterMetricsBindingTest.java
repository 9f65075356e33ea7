package io.github.alertrouter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the binder behaves towards registries: before, after and across bindings, without a router. */
class AlertRouterMetricsBindingTest {
  private static DeliveryEvent event(String robot, SendResult result) {
    return new DeliveryEvent(Instant.parse("2026-03-08T02:00:00Z"), robot, "dingtalk", "payments",
        "{}:{alertname=\"HighErrorRate\"}", NotifyReason.FIRST_NOTIFICATION, 1, 1, 512, 1, result, List.of());
  }

  private static double sent(SimpleMeterRegistry registry, String robot) {
    return registry.get(AlertRouterMetrics.MESSAGES).tags("robot", robot, "outcome", "sent").functionCounter().count();
  }

  @Test
  void whatWasCountedBeforeBindingShowsInEveryRegistryBoundLater() {
    AlertRouterMetrics metrics = new AlertRouterMetrics();
    metrics.sent(event("sre-ding", SendResult.sent()));
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(first);

    metrics.sent(event("sre-ding", SendResult.sent()));
    metrics.failed(event("ops-ding", new SendResult.Permanent(FailureKind.INVALID_ROBOT, "300001", "token is not exist")));
    metrics.bindTo(second);
    metrics.bindTo(second); // again: nothing doubles
    metrics.sent(event("ops-ding", SendResult.sent()));

    for (SimpleMeterRegistry registry : List.of(first, second)) {
      assertThat(sent(registry, "sre-ding")).isEqualTo(2);
      assertThat(sent(registry, "ops-ding")).isEqualTo(1);
      assertThat(registry.get(AlertRouterMetrics.MESSAGES).tags("robot", "ops-ding", "outcome", "failed",
          "kind", "INVALID_ROBOT").functionCounter().count()).isEqualTo(1);
    }
  }

  @Test
  void listenerEventsCountTheirMeters() {
    AlertRouterMetrics metrics = new AlertRouterMetrics();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);

    metrics.retrying(event("sre-ding", new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100", "too fast", null)),
        Duration.ofMinutes(10));
    metrics.merged("sre-ding", 6);
    metrics.omitted("sre-ding", null, 40);
    metrics.unresolvedMentions("sre-ding", null, List.of(
        Mention.unresolved(MentionTarget.parse("label:owner"), "bob", "Bob", "no DingTalk mobile or userId"),
        Mention.unresolved(MentionTarget.contact("carol"), "carol", "Carol", "no DingTalk mobile or userId")));
    metrics.renderFailed("sre-ding", null, "template: unknown variable");
    metrics.renderFailed("sre-ding", null, "template: unknown variable");

    assertThat(registry.get(AlertRouterMetrics.MESSAGES).tags("outcome", "retried", "kind", "RATE_LIMITED")
        .functionCounter().count()).isEqualTo(1);
    assertThat(registry.get(AlertRouterMetrics.MERGED_NOTIFICATIONS).tags("robot", "sre-ding").functionCounter().count())
        .isEqualTo(6);
    assertThat(registry.get(AlertRouterMetrics.OMITTED_ALERTS).functionCounter().count()).isEqualTo(40);
    assertThat(registry.get(AlertRouterMetrics.UNRESOLVED_MENTIONS).functionCounter().count()).isEqualTo(2);
    assertThat(registry.get(AlertRouterMetrics.RENDER_FAILURES).functionCounter().count()).isEqualTo(2);
  }

  @Test
  void withNoRouterObservedTheGaugesReadNaN() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new AlertRouterMetrics().bindTo(registry);

    assertThat(registry.get(AlertRouterMetrics.GROUPS).gauge().value()).isNaN();
    assertThat(registry.get(AlertRouterMetrics.ALERTS).gauges()).hasSize(2)
        .allSatisfy(g -> assertThat(g.value()).isNaN());
    assertThat(registry.find(AlertRouterMetrics.QUEUED_DELIVERIES).gauges()).isEmpty(); // no robots known yet
  }

  @Test
  void extraTagsGoOnEveryMeter() {
    AlertRouterMetrics metrics = new AlertRouterMetrics(Tags.of("router", "payments"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    metrics.sent(event("sre-ding", SendResult.sent()));

    assertThat(registry.getMeters()).isNotEmpty()
        .allSatisfy(m -> assertThat(m.getId().getTag("router")).isEqualTo("payments"));
  }

  @Test
  void anExtraTagMayNotTakeOverTheMetersOwnKeys() {
    assertThatThrownBy(() -> new AlertRouterMetrics(List.of(Tag.of("robot", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"robot\"");
  }
}
