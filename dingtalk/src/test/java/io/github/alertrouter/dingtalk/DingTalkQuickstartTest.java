package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Dispatcher;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.MentionPlanner;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.preview.NotificationPreview;
import io.github.alertrouter.preview.RoutingPreview;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.testkit.DingTalkSimulator;
import io.github.alertrouter.testkit.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Keeps README's "DingTalk" snippet true: the same calls, against the simulator on virtual time. */
class DingTalkQuickstartTest {
  @Test
  void readmeSnippet() {
    ManualScheduler scheduler = new ManualScheduler();
    try (DingTalkSimulator simulator = DingTalkSimulator.start(scheduler.clock())) {
      Robot simulated = simulator.robot("sre-ding", "SECsigning", "alert");
      String webhookUrl = simulated.webhook().reveal();
      String signingSecret = "SECsigning";
      List<String> failures = new ArrayList<>();

      // --- README snippet (Clock.systemUTC() and an executor there; virtual time here) ---
      RouterConfig config = RouterConfig.builder()
          .contact(new Contact("alice", "Alice Zhang", "+86 138 0000 0001", null, Map.of()))
          .robot(new Robot("sre-ding", "dingtalk", Secret.of(webhookUrl), Secret.of(signingSecret), "alert",
              Map.of("timeZone", "Asia/Shanghai", "msgType", "markdown")))
          .notificationPolicy(NotificationPolicy.builder("payments-critical")
              .matching(Condition.eq("team", "payments"))
              .notifyRule(new NotifyRule(null, List.of("sre-ding"), List.of(MentionTarget.contact("alice"))))
              .repeatInterval(Duration.ofMinutes(10))
              .build())
          .build();
      Platforms platforms = Platforms.load();                 // finds alert-router-dingtalk
      assertThat(platforms.check(config)).isEmpty();          // robot options, templates

      Alert alert = Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments"))
          .annotation("summary", "5xx > 5% @all").startsAt(scheduler.clock().instant()).build();

      // exactly what would be sent, without sending
      RoutingPreview preview = RoutingPreview.of(config, List.of(alert), scheduler.clock().instant(), platforms);
      NotificationPreview first = preview.notifications().get(0);
      assertThat(first.messages().get(0).body()).contains("\"atMobiles\":[\"13800000001\"]");

      // sending
      Dispatcher dispatcher = Dispatcher.builder()
          .robots(config.robots())
          .platforms(platforms)
          .scheduler(scheduler)                               // Scheduler.of(executor, Clock.systemUTC())
          .listener(new DeliveryListener() {
            @Override
            public void failed(DeliveryEvent e) {
              failures.add(e.robotId() + ": " + e.result());
            }
          })
          .build();
      PlatformProvider dingtalk = platforms.find("dingtalk").orElseThrow();
      List<Mention> mentions = MentionPlanner.resolve(
          new MentionPlanner(config).plan(List.of(MentionTarget.contact("alice")), List.of(alert)), dingtalk);
      Notification notification = Notification.of("payments-critical", first.groupKey(),
          new TreeMap<>(Map.of("alertname", "HighErrorRate")), NotifyReason.FIRST_NOTIFICATION,
          List.of(alert), List.of(), List.of(), scheduler.clock().instant());
      dispatcher.dispatch(new Delivery("sre-ding", notification, mentions, null));
      // --- end of snippet ---

      scheduler.advance(Duration.ZERO);
      assertThat(failures).isEmpty();
      assertThat(simulator.received("sre-ding")).singleElement().satisfies(m -> {
        assertThat(m.mentions()).containsExactly("mobile:13800000001"); // the @all in the summary fired nothing
        assertThat(m.text()).contains("5xx ＞ 5% ＠all");
      });
    }
  }
}
