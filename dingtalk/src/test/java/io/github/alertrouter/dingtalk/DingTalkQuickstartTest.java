package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.preview.RoutingPreview;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps README's "DingTalk" snippet true: the same calls, against the simulator on virtual time. */
class DingTalkQuickstartTest {
  @Test
  void readmeSnippet() {
    ManualScheduler scheduler = new ManualScheduler();
    try (DingTalkSimulator simulator = DingTalkSimulator.start(scheduler.clock())) {
      String signingSecret = "SECsigning";
      String webhookUrl = simulator.robot("sre-ding", signingSecret, "alert").webhook().reveal();
      List<String> failures = new ArrayList<>();

      // --- README snippet (there: the system clock and the router's own scheduler thread) ---
      RouterConfig config = RouterConfig.builder()
          .contact(Contact.builder("alice").name("Alice Zhang").mobile("+86 138 0000 0001").build())
          .robot(Robot.builder("sre-ding", "dingtalk", Secret.of(webhookUrl)).secret(Secret.of(signingSecret)).keyword("alert")
              .option("timeZone", "Asia/Shanghai").option("msgType", "markdown").build())
          .notificationPolicy(NotificationPolicy.builder("payments-critical")
              .matching(Condition.eq("team", "payments"))
              .groupRule(GroupRule.builder().groupWait(Duration.ofSeconds(30)).build())
              .notifyRule(NotifyRule.builder().robots("sre-ding").mention("contact:alice").build())
              .repeatInterval(Duration.ofMinutes(10))
              .build())
          .build();

      AlertRouter router = AlertRouter.builder()
          .config(config)
          .scheduler(scheduler)                              // virtual time here
          .listener(new DeliveryListener() {
            @Override
            public void failed(DeliveryEvent e) {
              failures.add(e.robotId() + ": " + e.result());
            }
          })
          .build();

      Alert alert = Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments"))
          .annotation("summary", "5xx > 5% @all")
          .build();
      router.submit(alert);
      RoutingPreview preview = router.preview(List.of(alert), scheduler.clock().instant());
      // --- end of snippet ---

      assertThat(preview.notifications().get(0).messages().get(0).body()).contains("\"atMobiles\":[\"13800000001\"]");
      scheduler.advance(Duration.ofSeconds(29));
      assertThat(simulator.received("sre-ding")).isEmpty();
      scheduler.advance(Duration.ofSeconds(1));

      assertThat(failures).isEmpty();
      assertThat(simulator.received("sre-ding")).singleElement().satisfies(m -> {
        assertThat(m.mentions()).containsExactly("mobile:13800000001"); // the @all in the summary fired nothing
        assertThat(m.text()).contains("5xx > 5% ＠all");   // the value as it is; only the @ cannot stay
      });
      router.close();
    }
  }
}
