package io.github.alertrouter.examples;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The router inside your own application, configured in code (no YAML file): one contact, one
 * DingTalk robot, one policy; submit an alert; close.
 *
 * <p><b>What to copy</b>: {@link #config} (contact, robot, policy), then the body of {@link #run}
 * — build the router once at start-up with a {@link DeliveryListener} (delivery problems arrive as
 * events, never as exceptions), {@code submit} alerts from any thread, {@code close()} at shutdown.
 * Needs {@code alert-router-core} and {@code alert-router-dingtalk} on the class path.
 *
 * <p>In a long-running service, two more lines keep notices from repeating or getting lost: on a
 * configuration change build the new router, point submitters at it and call
 * {@code next.takeOver(previous)}; at shutdown store {@code router.snapshot().toJson()} after
 * {@code close()}, and at start-up {@code router.restore(RouterSnapshot.fromJson(stored))}.
 *
 * <p>Run it: {@code DINGTALK_WEBHOOK=https://oapi.dingtalk.com/robot/send?access_token=…
 * DINGTALK_SECRET=SEC… ALICE_MOBILE="+86 138 0000 0001" java … EmbedInYourApp}
 * ({@code DINGTALK_SECRET} only for a signed robot; the robot's keyword security, if any, must
 * allow the word {@code alert}).
 */
public final class EmbedInYourApp {
  private EmbedInYourApp() {}

  public static void main(String[] args) throws InterruptedException {
    String webhook = System.getenv("DINGTALK_WEBHOOK");
    if (webhook == null || webhook.isBlank()) {
      System.err.println("set DINGTALK_WEBHOOK (and DINGTALK_SECRET for a signed robot, ALICE_MOBILE to be @-ed)");
      System.exit(2);
    }
    String mobile = System.getenv().getOrDefault("ALICE_MOBILE", "+86 138 0000 0001");
    List<DeliveryEvent> events = run(webhook, System.getenv("DINGTALK_SECRET"), mobile, Duration.ofSeconds(2),
        Duration.ofSeconds(30));
    events.forEach(e -> System.out.println(e.robotId() + ": " + e.result()));
    System.exit(!events.isEmpty() && events.stream().allMatch(e -> e.result().isSent()) ? 0 : 1);
  }

  /**
   * The configuration: Alice, the robot {@code sre-ding}, and a policy that sends alerts of team
   * {@code payments} there, @-ing Alice.
   *
   * @param secret the robot's signing secret, or {@code null}
   * @param groupWait how long a new group collects alerts before its first message (30 s is usual)
   */
  public static RouterConfig config(String webhook, String secret, String aliceMobile, Duration groupWait) {
    return RouterConfig.builder()
        .contact(Contact.builder("alice").name("Alice Zhang").mobile(aliceMobile).build())
        .robot(Robot.builder("sre-ding", "dingtalk", Secret.of(webhook)).secret(secret == null ? null : Secret.of(secret))
            .keyword("alert").option("timeZone", "Asia/Shanghai").option("msgType", "markdown").build())
        .notificationPolicy(NotificationPolicy.builder("payments-critical")
            .matching(Condition.eq("team", "payments"))
            .groupRule(GroupRule.builder().groupWait(groupWait).build())
            .notifyRule(NotifyRule.builder().robots("sre-ding").mention("contact:alice").build())
            .repeatInterval(Duration.ofMinutes(10))
            .build())
        .build();
  }

  /**
   * Builds the router, submits one alert, waits up to {@code timeout} for its delivery (sent or
   * failed for good) and closes the router.
   *
   * @return the final delivery events (sent or failed), in order
   */
  public static List<DeliveryEvent> run(String webhook, String secret, String aliceMobile, Duration groupWait,
      Duration timeout) throws InterruptedException {
    List<DeliveryEvent> events = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    AlertRouter router = AlertRouter.builder()
        .config(config(webhook, secret, aliceMobile, groupWait))   // platforms found on the class path
        .listener(new DeliveryListener() {                         // every attempt is an event
          @Override
          public void sent(DeliveryEvent e) {
            events.add(e);
            done.countDown();
          }

          @Override
          public void retrying(DeliveryEvent e, Duration delay) {
            System.err.println(e.robotId() + ": " + e.result() + ", retrying in " + delay);
          }

          @Override
          public void failed(DeliveryEvent e) {
            events.add(e);
            done.countDown();
          }
        })
        .build();                                                  // system clock, one scheduler thread
    try {
      router.submit(Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments", "severity", "critical"))
          .annotation("summary", "5xx > 5% on checkout")
          .build());
      // a real application keeps running; this program waits for the first message, then stops
      done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      router.close();                                              // flushes what is due, stops the timers
    }
    return List.copyOf(events);
  }
}
