package io.github.alertrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.notify.DeliveryEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link EmbedInYourApp} as written (system clock, real threads) against the DingTalk simulator. */
class EmbedInYourAppTest {
  @Test
  void theAlertReachesTheGroupAndAtsAlice() throws InterruptedException {
    try (DingTalkSimulator simulator = DingTalkSimulator.start(Clock.systemUTC())) {
      String secret = "SEC" + "0123456789abcdef".repeat(4);
      String webhook = simulator.robot("sre-ding", secret, "alert").webhook().reveal();

      List<DeliveryEvent> events =
          EmbedInYourApp.run(webhook, secret, "+86 138 0000 0001", Duration.ofMillis(200), Duration.ofSeconds(20));

      assertThat(events).singleElement().satisfies(e -> assertThat(e.result().isSent()).as("%s", e.result()).isTrue());
      assertThat(simulator.received("sre-ding")).singleElement().satisfies(m -> {
        assertThat(m.mentions()).containsExactly("mobile:13800000001");
        assertThat(m.text()).contains("HighErrorRate");
      });
    }
  }
}
